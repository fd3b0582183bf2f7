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
