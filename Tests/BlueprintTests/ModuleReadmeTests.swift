import Foundation
import StampKit
import XCTest

/// Each module's README has terraform-docs' Inputs and Outputs tables; they must say what the
/// module's own variables.tf and outputs.tf say (names, order, descriptions, types, whether
/// required), in every questionnaire that generates the module.
final class ModuleReadmeTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One top-level block of a formatted .tf file: `variable "x" {` ... `}` at column 0.
    struct Block: Equatable {
        var name: String
        var description: String
        var type: String?
        var hasDefault: Bool
    }

    static func blocks(_ kind: String, in text: String) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        var typeLines: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("\(kind) \""), line.hasSuffix("{") {
                let name = line.dropFirst(kind.count + 2).prefix { $0 != "\"" }
                current = Block(name: String(name), description: "", type: nil, hasDefault: false)
            } else if line == "}", let block = current {
                blocks.append(block)
                current = nil
            } else if var block = current {
                if var lines = typeLines {
                    lines.append(String(line.dropFirst(2)))
                    if line.hasPrefix("  )") || line.hasPrefix("  }") {
                        block.type = lines.joined(separator: "\n")
                        typeLines = nil
                    } else {
                        typeLines = lines
                    }
                } else if let value = Self.attribute("description", line) {
                    block.description = Self.unquoted(value)
                } else if let value = Self.attribute("type", line) {
                    if value.hasSuffix("(") || value.hasSuffix("({") {
                        typeLines = [value]
                    } else {
                        block.type = value
                    }
                } else if Self.attribute("default", line) != nil {
                    block.hasDefault = true
                }
                current = block
            }
        }
        return blocks
    }

    private static func attribute(_ name: String, _ line: String) -> String? {
        let trimmed = line.drop { $0 == " " }
        guard line.hasPrefix("  "), !line.hasPrefix("   "), trimmed.hasPrefix(name) else { return nil }
        let rest = trimmed.dropFirst(name.count).drop { $0 == " " }
        guard rest.hasPrefix("=") else { return nil }
        return String(rest.dropFirst().drop { $0 == " " })
    }

    private static func unquoted(_ literal: String) -> String {
        String(literal.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            .replacingOccurrences(of: "\\\\", with: "\\")
    }

    /// The rows of the README table under `## <heading>`: name and the other cells.
    static func rows(_ heading: String, in readme: String) -> [(name: String, cells: [String])] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "## \(heading)") else { return [] }
        return lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2).map { line in
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            let name = cells[0].split(separator: "[").dropFirst().first?.prefix { $0 != "]" } ?? ""
            return (String(name), Array(cells.dropFirst()))
        }
    }

    /// terraform-docs prints a one-line type in a code span and a longer one in `<pre>` with `<br>`.
    static func typeCell(_ type: String?) -> String {
        guard let type else { return "`any`" }
        return type.contains("\n")
            ? "<pre>" + type.replacingOccurrences(of: "\n", with: "<br>") + "</pre>" : "`\(type)`"
    }

    private func repositories() throws -> [(String, FileSet)] {
        let variants = Self.root.appendingPathComponent("Tests/Pairwise")
        let questionnaires =
            ["minimal", "reference"].map { Self.root.appendingPathComponent("examples/\($0)/stamp.yaml") }
            + (try FileManager.default.contentsOfDirectory(atPath: variants.path).filter { $0.hasSuffix(".yaml") }
                .sorted().map { variants.appendingPathComponent($0) })
        let blueprint = try BlueprintLoader().builtIn()
        return try questionnaires.map { url in
            let answers = try QuestionnaireLoader().load(contentsOf: url.path).answers
            return (url.lastPathComponent, try BlueprintRenderer().render(try Planner().plan(answers), with: blueprint))
        }
    }

    func testEveryModuleReadmeTableSaysWhatItsVariablesAndOutputsSay() throws {
        var checked = 0
        for (name, files) in try repositories() {
            let modules = Set(
                files.paths.filter { $0.hasPrefix("terraform/modules/") && $0.hasSuffix("/variables.tf") }
                    .map { String($0.dropLast("/variables.tf".count)) })
            for module in modules.sorted() {
                let readme = try XCTUnwrap(files["\(module)/README.md"]?.contents, "\(module): no README")
                let variables = Self.blocks("variable", in: files["\(module)/variables.tf"]?.contents ?? "")
                    .sorted { $0.name < $1.name }
                let outputs = Self.blocks("output", in: files["\(module)/outputs.tf"]?.contents ?? "")
                    .sorted { $0.name < $1.name }
                let inputs = Self.rows("Inputs", in: readme)
                XCTAssertEqual(inputs.map(\.name), variables.map(\.name), "\(name) \(module): Inputs rows")
                for (row, variable) in zip(inputs, variables) where row.name == variable.name {
                    let context = "\(name) \(module) input \(variable.name)"
                    XCTAssertEqual(row.cells.first, variable.description, context)
                    XCTAssertEqual(row.cells.dropFirst().first, Self.typeCell(variable.type), context)
                    XCTAssertEqual(row.cells.last, variable.hasDefault ? "no" : "yes", context)
                }
                let rows = Self.rows("Outputs", in: readme)
                XCTAssertEqual(rows.map(\.name), outputs.map(\.name), "\(name) \(module): Outputs rows")
                for (row, output) in zip(rows, outputs) where row.name == output.name {
                    XCTAssertEqual(row.cells.first, output.description, "\(name) \(module) output \(output.name)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 16, "every module of every questionnaire")
    }
}
