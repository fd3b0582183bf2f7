import Foundation
import StampKit
import XCTest

@testable import Blueprint

/// The render model each example encodes to, recorded (SwiftGen's context snapshots): a change
/// to what templates can read shows in review. After an intended change:
/// `RECORD_CONTEXTS=1 swift test --filter ContextSnapshotTests`.
final class ContextSnapshotTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Contexts")

    private func scopes(_ example: String) throws -> RenderScopes {
        let answers = try QuestionnaireLoader()
            .load(contentsOf: Self.root.appendingPathComponent("examples/\(example)/stamp.yaml").path).answers
        return try RenderScopes(
            RenderModel(plan: Planner().plan(answers), catalog: BlueprintLoader().builtIn().manifest.catalog))
    }

    /// The root, and the first environment, instance and deployment: every key there is.
    static func snapshot(_ scopes: RenderScopes) -> String {
        let first = { (values: [String: RenderValue]) in values.sorted { $0.key < $1.key }.first?.value ?? .object([:])
        }
        let deployment = scopes.deployments.sorted { $0.key < $1.key }.first.map { first($0.value) } ?? .object([:])
        let document = RenderValue.object([
            "root": .object(scopes.root), "environment": first(scopes.environments),
            "instance": first(scopes.instances), "deployment": deployment,
        ])
        return String(text(document, indent: "").dropFirst()) + "\n"
    }

    /// YAML-like, sorted, one key per line; long lists show their first item and a count.
    private static func text(_ value: RenderValue, indent: String) -> String {
        switch value {
        case .string(let string): return " \"\(string.replacingOccurrences(of: "\n", with: "\\n"))\""
        case .int(let int): return " \(int)"
        case .bool(let bool): return " \(bool)"
        case .list(let items):
            guard let head = items.first else { return " []" }
            let more = items.count > 1 ? " # and \(items.count - 1) more" : ""
            let body = text(head, indent: indent + "  ")
            let item = body.hasPrefix("\n" + indent + "  ") ? String(body.dropFirst(indent.count + 3)) : body
            return "\(more)\n\(indent)- " + item.trimmingCharacters(in: .whitespaces)
        case .object(let members):
            guard !members.isEmpty else { return " {}" }
            return members.sorted { $0.key < $1.key }.map { key, child in
                "\n\(indent)\(key):" + text(child, indent: indent + "  ")
            }.joined()
        }
    }

    static let contextDocument = root.appendingPathComponent("blueprints/openedx-aws/CONTEXT.md")
    static let generatedStart =
        "<!-- BEGIN GENERATED KEYS (RECORD_CONTEXTS=1 swift test --filter ContextSnapshotTests) -->"
    static let generatedEnd = "<!-- END GENERATED KEYS -->"

    /// Every key path of the reference example's context with an example value: the table
    /// CONTEXT.md ends with, so that it lists exactly the keys templates can read.
    static func keyTable(_ scopes: RenderScopes) -> String {
        var rows: [(String, String)] = []
        let deploymentKeys = Set((scopes.deployments.values.first?.values.first ?? .object([:])).members.keys)
        func walk(_ value: RenderValue, _ path: String) {
            switch value {
            case .object(let members):
                for (key, child) in members.sorted(by: { $0.key < $1.key }) {
                    walk(child, path.isEmpty ? key : "\(path).\(key)")
                }
            case .list(let items):
                // Lists of the contexts documented below show as a reference to them.
                let contexts = [
                    "environments": "environment", "apply_order": "environment", "instances": "instance",
                    "environment.instances": "deployment",
                ]
                if let context = contexts[path] {
                    rows.append((path + "[]", "each a `\(context).*` (below)"))
                    if path == "apply_order", case .object(let members)? = items.first,
                        let after = members["apply_after"]
                    {
                        walk(after, path + "[].apply_after")
                    }
                } else if path == "instance.deployments", case .object(let members)? = items.first {
                    rows.append((path + "[]", "each a `deployment.*` (below), and:"))
                    for (key, child) in members.sorted(by: { $0.key < $1.key }) where !deploymentKeys.contains(key) {
                        walk(child, path + "[].\(key)")
                    }
                } else if let first = items.first {
                    walk(first, path + "[]")
                } else {
                    rows.append((path + "[]", "(empty)"))
                }
            case .string(let string):
                let shown = string.count > 60 ? String(string.prefix(57)) + "..." : string
                rows.append(
                    (
                        path,
                        "`" + shown.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
                            + "`"
                    ))
            case .int(let int): rows.append((path, String(int)))
            case .bool(let bool): rows.append((path, String(bool)))
            }
        }
        let first = { (values: [String: RenderValue]) in values.sorted { $0.key < $1.key }.first?.value ?? .object([:])
        }
        // Data tables keyed by name list one entry each: their keys are the blueprint's data.
        var root = scopes.root
        for table in ["versions"] {
            root[table] = root[table].map { .object($0.members.filter { $0.key == "kubernetes" }) }
        }
        walk(.object(root), "")
        walk(first(scopes.environments), "environment")
        walk(first(scopes.instances), "instance")
        walk(scopes.deployments.sorted { $0.key < $1.key }.first.map { first($0.value) } ?? .object([:]), "deployment")
        return (["| key | example (examples/reference) |", "| --- | --- |"] + rows.map { "| `\($0.0)` | \($0.1) |" })
            .joined(separator: "\n")
    }

    /// CONTEXT.md's generated section says what the model has now.
    func testContextDocumentListsEveryKey() throws {
        let table = Self.keyTable(try scopes("reference"))
        let document = try String(contentsOf: Self.contextDocument, encoding: .utf8)
        guard let start = document.range(of: Self.generatedStart), let end = document.range(of: Self.generatedEnd)
        else {
            if ProcessInfo.processInfo.environment["RECORD_CONTEXTS"] == "1" {
                let section = "\n## Every key (generated)\n\n\(Self.generatedStart)\n\(table)\n\(Self.generatedEnd)\n"
                try (document + section).write(to: Self.contextDocument, atomically: true, encoding: .utf8)
                return
            }
            return XCTFail("CONTEXT.md has no generated section (RECORD_CONTEXTS=1 adds it)")
        }
        let current = String(document[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .newlines)
        if ProcessInfo.processInfo.environment["RECORD_CONTEXTS"] == "1" {
            try document.replacingCharacters(in: start.upperBound..<end.lowerBound, with: "\n\(table)\n")
                .write(to: Self.contextDocument, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(
            current, table,
            "CONTEXT.md's generated keys differ (RECORD_CONTEXTS=1 swift test --filter ContextSnapshotTests)")
    }

    func testEachExamplesContextMatchesItsSnapshot() throws {
        let record = ProcessInfo.processInfo.environment["RECORD_CONTEXTS"] == "1"
        for example in ["minimal", "reference"] {
            let snapshot = Self.snapshot(try scopes(example))
            let file = Self.snapshots.appendingPathComponent("\(example).yaml")
            if record {
                try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
                try snapshot.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let recorded = try String(contentsOf: file, encoding: .utf8)
            XCTAssertEqual(
                recorded, snapshot,
                "\(example)'s context changed (RECORD_CONTEXTS=1 swift test --filter ContextSnapshotTests):\n"
                    + lineDiffText(recorded, snapshot))
        }
    }

    /// Every key the model has is read by some template (as a segment of a tag's name): a key
    /// no template reads is a decision nobody uses. Data tables keyed by name (`versions`,
    /// `ci_limits`, `ci_role_arns`) count by their own key.
    func testEveryContextKeyIsReadBySomeTemplate() throws {
        let blueprint = try BlueprintLoader().builtIn()
        var read = Set<String>()
        let tag = try NSRegularExpression(pattern: #"(?:\{\{|<%)[#^/&{]?\s*([A-Za-z0-9_.]+)"#)
        for source in blueprint.templates.values + blueprint.manifest.files.flatMap({ [$0.path, $0.when ?? ""] }) {
            let range = NSRange(source.startIndex..., in: source)
            for match in tag.matches(in: source, range: range) {
                guard let name = Range(match.range(at: 1), in: source) else { continue }
                read.formUnion(source[name].split(separator: ".").map(String.init))
            }
        }
        for source in blueprint.manifest.files.compactMap(\.when) {
            read.formUnion(source.split(separator: ".").map(String.init))
        }
        var unread = Set<String>()
        for example in ["minimal", "reference"] {
            let scopes = try scopes(example)
            let values: [RenderValue] =
                [.object(scopes.root)] + Array(scopes.environments.values)
                + Array(scopes.instances.values) + scopes.deployments.values.flatMap(\.values)
            for value in values { unread.formUnion(Self.keys(value).subtracting(read)) }
        }
        XCTAssertEqual(unread.sorted(), [], "context keys no template reads")
    }

    private static func keys(_ value: RenderValue) -> Set<String> {
        switch value {
        case .object(let members): Set(members.keys).union(members.values.flatMap(keys))
        case .list(let items): Set(items.flatMap(keys))
        default: []
        }
    }
}

private func lineDiffText(_ old: String, _ new: String) -> String {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false)
    return b.difference(from: a).prefix(20).map { change in
        switch change {
        case .insert(_, let line, _): "+ \(line)"
        case .remove(_, let line, _): "- \(line)"
        }
    }.joined(separator: "\n")
}
