@testable import Blueprint
import BlueprintData
import Mustache
import StampKit
import XCTest

/// Lifting plain lines out of a template (a parser-speed measure) must never change its output.
final class TemplateLiteralsTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func renderedWhole(_ source: String, _ context: Any, pragma: String = "") throws -> String {
        try MustacheTemplate(string: pragma + source).render(context)
    }

    /// As the renderer does it: the escaping pragma heads every piece.
    private func renderedLifted(_ source: String, _ context: Any, pragma: String = "") throws -> String {
        let lifted = TemplateLiterals(source)
        let literals = lifted.literals.mapValues(RenderValue.string)
        let scope: Any =
            switch context {
            case let value as RenderValue: RenderValue.object(value.members.merging(literals) { $1 })
            case let dictionary as [String: Any]: dictionary.merging(lifted.literals) { $1 }
            default: context
            }
        return try lifted.pieces.map { try MustacheTemplate(string: pragma + $0).render(scope) }.joined()
    }

    private func assertSameOutput(
        _ source: String, _ context: [String: Any], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(
            try renderedLifted(source, context), try renderedWhole(source, context), file: file, line: line)
    }

    func testPlainRunsBecomeOnePlaceholderLineEach() throws {
        let source = "# {{header}}\nline one is plain text\nline two is plain text\n{{#a}}\nx = {{b}}\n{{/a}}\n"
        let lifted = TemplateLiterals(source)
        XCTAssertEqual(lifted.pieces, ["# {{header}}\n{{&_0}}\n{{#a}}\nx = {{b}}\n{{/a}}\n"])
        XCTAssertEqual(lifted.literals, ["_0": "line one is plain text\nline two is plain text"])
    }

    func testStandaloneSectionLinesAroundARunStayStandalone() throws {
        let source =
            "{{#items}}\n  this line is long enough to be lifted out\n{{/items}}\n{{^none}}\nanother plain line that is long\n{{/none}}"
        try assertSameOutput(source, ["items": [["x": 1], ["x": 2]], "none": false])
    }

    /// Text around tags on their own lines is lifted too, but never the blanks that make a
    /// section tag's line standalone, nor a blank line's newline before one.
    func testTextBesideTagsIsLiftedWithoutChangingStandaloneLines() throws {
        let context: [String: Any] = ["a": true, "b": "B", "none": false]
        let sources = [
            "{{#a}}   \n  text that is long enough to be lifted {{b}} and long text after the tag\n  {{/a}}\n",
            "{{#a}} text after a section tag on its line, long enough\n{{/a}}\n",
            "before a section tag, on its line and long enough {{#a}}\nx\n{{/a}} after the closing tag, long enough\n",
            "{{b}}\n\n   \n{{^none}}\n   \n\t\n{{/none}}\n   {{b}} tail text that is long enough to lift",
            "{{! a comment }}\nlong enough text between a comment and a variable {{b}}\n",
        ]
        for source in sources {
            XCTAssertFalse(TemplateLiterals(source).literals.isEmpty, source)
            try assertSameOutput(source, context)
        }
    }

    func testSetDelimitersApplyToThePlaceholder() throws {
        let source =
            "# {{header}}{{=<% %>=}}\nrun: echo \"${{ github.sha }}\" and more plain text here\n<%#a%>\n<%b%>\n<%/a%>\n"
        let lifted = TemplateLiterals(source)
        XCTAssertTrue(lifted.pieces.joined().contains("<%&_0%>\n"), lifted.pieces.joined())
        try assertSameOutput(source, ["header": "h", "a": true, "b": "B"])
    }

    func testARunAtTheEndWithoutNewlineAndTagsSpanningLines() throws {
        try assertSameOutput("{{! a comment\nover lines }}\nplain text at the end, long enough to lift", [:])
        try assertSameOutput("{{x}}\nplain text at the end, long enough to lift\n\n", ["x": "<&>"])
    }

    /// Pieces are cut only outside sections, and after a set-delimiter tag each piece sets the
    /// delimiters again.
    func testLongTemplatesAreCutIntoPiecesOutsideSectionsOnly() throws {
        let plain = String(repeating: "key = <%a%>\n", count: 40) + "a plain line that is long enough to lift\n"
        let source =
            "# {{header}}{{=<% %>=}}\n" + plain + "<%a%>\n" + plain + "<%#s%>\n" + plain + "<%b%>\n" + plain
            + "<%/s%>\n" + plain
        let lifted = TemplateLiterals(source)
        XCTAssertGreaterThan(lifted.pieces.count, 1, "a long template is cut")
        for piece in lifted.pieces.dropFirst() { XCTAssertTrue(piece.hasPrefix("{{=<% %>=}}"), piece) }
        for piece in lifted.pieces {
            XCTAssertEqual(
                piece.components(separatedBy: "<%#").count, piece.components(separatedBy: "<%/").count,
                "no piece opens a section it does not close")
        }
        try assertSameOutput(source, ["header": "h", "a": "A", "b": "B", "s": true])
    }

    func testAnUnclosedTagLeavesTheTemplateWholeForTheParserToReport() throws {
        let source = "a long enough plain line before the tag\n{{#open\n"
        XCTAssertEqual(TemplateLiterals(source).pieces, [source])
        XCTAssertTrue(TemplateLiterals(source).literals.isEmpty)
    }

    /// Every template of the built-in blueprint renders the same, lifted or whole, in every scope
    /// the reference example gives it.
    func testEveryBuiltInTemplateRendersTheSameLiftedOrWhole() throws {
        let answers = try QuestionnaireLoader()
            .load(contentsOf: Self.root.appendingPathComponent("examples/reference/stamp.yaml").path).answers
        let blueprint = try BlueprintLoader().builtIn()
        let scopes = try RenderScopes(
            RenderModel(plan: try Planner().plan(answers), catalog: blueprint.manifest.catalog))
        ContentEscaping.registerAll()
        var lifted = 0
        for (name, source) in blueprint.templates.sorted(by: { $0.key < $1.key }) {
            let scope = RenderValue.object(
                scopes.root.merging([
                    "environment": scopes.environments.values.first ?? .object([:]),
                    "instance": scopes.instances.values.first ?? .object([:]),
                    "deployment": scopes.deployments.values.first?.values.first ?? .object([:]),
                ]) { $1 })
            let pragma = ContentEscaping.forPath(name.replacingOccurrences(of: ".mustache", with: "")).pragma + "\n"
            XCTAssertEqual(
                try renderedLifted(source, scope, pragma: pragma), try renderedWhole(source, scope, pragma: pragma),
                name)
            lifted += TemplateLiterals(source).literals.count
        }
        XCTAssertGreaterThan(lifted, blueprint.templates.count, "most templates have plain runs")
        func keys(_ value: RenderValue) -> [String] {
            switch value {
            case .object(let members): members.keys + members.values.flatMap(keys)
            case .list(let items): items.flatMap(keys)
            default: []
            }
        }
        let all =
            keys(.object(scopes.root)) + scopes.environments.values.flatMap(keys)
            + scopes.instances.values.flatMap(keys)
        XCTAssertFalse(all.isEmpty)
        XCTAssertEqual(all.filter { $0.hasPrefix(TemplateLiterals.namePrefix) }, [], "a key the literals could shadow")
    }
}

final class RenderValueEncoderTests: XCTestCase {
    func testKeysAreSnakeCasedWithCapitalRunsAsOneWord() throws {
        XCTAssertEqual(
            ["ciRoleArns", "ebsKMSKeyARN", "mongodbTLS", "webACL", "isFirst", "name", "aurora_mysql"].map(
                RenderValueEncoder.snakeCased),
            ["ci_role_arns", "ebs_kms_key_arn", "mongodb_tls", "web_acl", "is_first", "name", "aurora_mysql"])
    }

    func testOptionalsThatAreNilLeaveNoKeyAndScalarsKeepTheirType() throws {
        struct Sample: Encodable {
            var cdn: String?
            var count: Int
            var on: Bool
            var rows: [String]
        }
        let value = try RenderValueEncoder.encode(Sample(cdn: nil, count: 2, on: true, rows: ["a"]))
        XCTAssertEqual(value, .object(["count": .int(2), "on": .bool(true), "rows": .list([.string("a")])]))
    }
}

final class ConditionCheckTests: XCTestCase {
    /// A `when:` naming no boolean of the render model fails as the blueprint loads, listing
    /// the conditions there are (each service's among them).
    func testAnUnknownWhenConditionIsRefusedAtLoad() throws {
        var files = try XCTUnwrap(EmbeddedBlueprintsAccess.builtInFiles())
        let manifest = try XCTUnwrap(files["blueprint.yaml"])
        files["blueprint.yaml"] = manifest + "\n"
        files["parts/zz-test.yaml"] =
            "files:\n  - path: x.txt\n    template: gitignore.mustache\n    when: services.nope\n"
        XCTAssertThrowsError(try BlueprintLoader().blueprint(from: files, origin: "test")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("services.nope"), message)
            for service in Service.allCases {
                XCTAssertTrue(message.contains("services.\(service.rawValue)"), "\(service) in \(message)")
            }
        }
        XCTAssertNoThrow(
            try BlueprintLoader().blueprint(
                from: try XCTUnwrap(EmbeddedBlueprintsAccess.builtInFiles()), origin: "test"))
    }
}

/// The built-in blueprint's files, relative to its folder.
enum EmbeddedBlueprintsAccess {
    static func builtInFiles() -> [String: String]? {
        let prefix = BlueprintLoader.builtInName + "/"
        let files = EmbeddedBlueprints.files.filter { $0.key.hasPrefix(prefix) }
        return files.isEmpty
            ? nil : Dictionary(uniqueKeysWithValues: files.map { (String($0.key.dropFirst(prefix.count)), $0.value) })
    }
}
