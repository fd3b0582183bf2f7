@testable import Blueprint
import BlueprintData
import Mustache
import StampKit
import XCTest

/// Lifting plain lines out of a template (a parser-speed measure) must never change its output.
final class TemplateLiteralsTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func renderedWhole(_ source: String, _ context: Any) throws -> String {
        try MustacheTemplate(string: source).render(context)
    }

    private func renderedLifted(_ source: String, _ context: Any) throws -> String {
        let lifted = TemplateLiterals(source)
        let literals = lifted.literals.mapValues(RenderValue.string)
        let scope: Any =
            switch context {
            case let value as RenderValue: RenderValue.object(value.members.merging(literals) { $1 })
            case let dictionary as [String: Any]: dictionary.merging(lifted.literals) { $1 }
            default: context
            }
        return try MustacheTemplate(string: lifted.template).render(scope)
    }

    private func assertSameOutput(
        _ source: String, _ context: [String: Any], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(
            try renderedLifted(source, context), try renderedWhole(source, context), file: file, line: line)
    }

    func testPlainRunsBecomeOnePlaceholderLineEach() {
        let source = "# {{header}}\nline one is plain text\nline two is plain text\n{{#a}}\nx = {{b}}\n{{/a}}\n"
        let lifted = TemplateLiterals(source)
        XCTAssertEqual(
            lifted.template, "# {{header}}\n{{& _stamp_literal_0}}\n{{#a}}\nx = {{b}}\n{{/a}}\n")
        XCTAssertEqual(lifted.literals, ["_stamp_literal_0": "line one is plain text\nline two is plain text"])
    }

    func testStandaloneSectionLinesAroundARunStayStandalone() throws {
        let source =
            "{{#items}}\n  this line is long enough to be lifted out\n{{/items}}\n{{^none}}\nanother plain line that is long\n{{/none}}"
        try assertSameOutput(source, ["items": [["x": 1], ["x": 2]], "none": false])
    }

    func testSetDelimitersApplyToThePlaceholder() throws {
        let source =
            "# {{header}}{{=<% %>=}}\nrun: echo \"${{ github.sha }}\" and more plain text here\n<%#a%>\n<%b%>\n<%/a%>\n"
        let lifted = TemplateLiterals(source)
        XCTAssertTrue(lifted.template.contains("<%& _stamp_literal_0%>\n"), lifted.template)
        try assertSameOutput(source, ["header": "h", "a": true, "b": "B"])
    }

    func testARunAtTheEndWithoutNewlineAndTagsSpanningLines() throws {
        try assertSameOutput("{{! a comment\nover lines }}\nplain text at the end, long enough to lift", [:])
        try assertSameOutput("{{x}}\nplain text at the end, long enough to lift\n\n", ["x": "<&>"])
    }

    func testAnUnclosedTagLeavesTheTemplateWholeForTheParserToReport() {
        let source = "a long enough plain line before the tag\n{{#open\n"
        XCTAssertEqual(TemplateLiterals(source).template, source)
        XCTAssertTrue(TemplateLiterals(source).literals.isEmpty)
    }

    /// Every template of the built-in blueprint renders the same, lifted or whole, in every scope
    /// the reference example gives it.
    func testEveryBuiltInTemplateRendersTheSameLiftedOrWhole() throws {
        let answers = try QuestionnaireLoader()
            .load(contentsOf: Self.root.appendingPathComponent("examples/reference/stamp.yaml").path).answers
        let blueprint = try BlueprintLoader().builtIn()
        let scopes = try RenderScopes(RenderModel(plan: Planner().plan(answers), catalog: blueprint.manifest.catalog))
        ContentEscaping.registerAll()
        var lifted = 0
        for (name, source) in blueprint.templates.sorted(by: { $0.key < $1.key }) {
            let scope = RenderValue.object(
                scopes.root.merging([
                    "environment": scopes.environments.values.first ?? .object([:]),
                    "instance": scopes.instances.values.first ?? .object([:]),
                    "deployment": scopes.deployments.values.first?.values.first ?? .object([:]),
                ]) { $1 })
            let withEscaping = ContentEscaping.hcl.pragma + "\n" + source
            XCTAssertEqual(
                try renderedLifted(withEscaping, scope), try renderedWhole(withEscaping, scope), name)
            lifted += TemplateLiterals(source).literals.count
        }
        XCTAssertGreaterThan(lifted, blueprint.templates.count, "most templates have plain runs")
    }
}

final class RenderValueEncoderTests: XCTestCase {
    func testKeysAreSnakeCasedWithCapitalRunsAsOneWord() {
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
