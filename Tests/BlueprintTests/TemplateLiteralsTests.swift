@testable import Blueprint
import Mustache
import StampKit
import XCTest

/// Lifting plain lines out of a template (a parser-speed measure) must never change its output.
final class TemplateLiteralsTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func renderedWhole(_ source: String, _ context: [String: Any]) throws -> String {
        try MustacheTemplate(string: source).render(context)
    }

    private func renderedLifted(_ source: String, _ context: [String: Any]) throws -> String {
        let lifted = TemplateLiterals(source)
        return try MustacheTemplate(string: lifted.template).render(context.merging(lifted.literals) { $1 })
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
        let context = TemplateContext(plan: Planner().plan(answers), blueprint: blueprint.manifest)
        ContentEscaping.registerAll()
        var lifted = 0
        for (name, source) in blueprint.templates.sorted(by: { $0.key < $1.key }) {
            let scope = context.root.merging([
                "environment": context.environments.values.first ?? [:],
                "instance": context.instances.values.first ?? [:],
                "deployment": context.deployments.values.first?.values.first ?? [:],
            ]) { $1 }
            let withEscaping = ContentEscaping.hcl.pragma + "\n" + source
            XCTAssertEqual(
                try renderedLifted(withEscaping, scope), try renderedWhole(withEscaping, scope), name)
            lifted += TemplateLiterals(source).literals.count
        }
        XCTAssertGreaterThan(lifted, blueprint.templates.count, "most templates have plain runs")
    }
}
