import XCTest

@testable import Blueprint

final class ContentEscapingTests: XCTestCase {
    func testEscapingIsChosenByTheOutputPath() {
        XCTAssertEqual(ContentEscaping.forPath("terraform/global/main.tf"), .hcl)
        XCTAssertEqual(ContentEscaping.forPath("terraform/environments/prod/terraform.tfvars"), .hcl)
        XCTAssertEqual(ContentEscaping.forPath(".tflint.hcl"), .hcl)
        XCTAssertEqual(ContentEscaping.forPath("tutor/main/prod/config.yml"), .yaml)
        XCTAssertEqual(ContentEscaping.forPath(".github/dependabot.yaml"), .yaml)
        XCTAssertEqual(ContentEscaping.forPath("README.md"), .markdown)
        XCTAssertEqual(ContentEscaping.forPath("Makefile"), .text)
    }

    func testHCLStringsCannotBeBrokenOutOfOrTemplated() {
        XCTAssertEqual(ContentEscaping.escapeHCL(#"a "b" \c"#), #"a \"b\" \\c"#)
        XCTAssertEqual(ContentEscaping.escapeHCL("${var.x} %{ if x }"), "$${var.x} %%{ if x }")
        XCTAssertEqual(ContentEscaping.escapeHCL("line\nbreak\ttab"), #"line\nbreak\ttab"#)
        XCTAssertEqual(ContentEscaping.escapeHCL("$5 and 100%"), "$5 and 100%")
        XCTAssertEqual(ContentEscaping.escapeHCL("Ünïversité –"), "Ünïversité –")
    }

    func testYAMLDoubleQuotedStrings() {
        XCTAssertEqual(ContentEscaping.escapeYAML(#"say "hi" \ now"#), #"say \"hi\" \\ now"#)
        XCTAssertEqual(ContentEscaping.escapeYAML("a\nb\u{7}"), #"a\nb\x07"#)
        XCTAssertEqual(ContentEscaping.escapeYAML("# not: a comment"), "# not: a comment")
    }

    func testMarkdownTextCannotStartMarkupOrBreakTables() {
        XCTAssertEqual(ContentEscaping.escapeMarkdown("a | b"), #"a \| b"#)
        XCTAssertEqual(ContentEscaping.escapeMarkdown("<script>"), #"\<script\>"#)
        XCTAssertEqual(ContentEscaping.escapeMarkdown("*bold* [link]"), #"\*bold\* \[link\]"#)
        XCTAssertEqual(ContentEscaping.escapeMarkdown("main_openedx"), "main_openedx")
        XCTAssertEqual(ContentEscaping.escapeMarkdown("_lead"), #"\_lead"#)
        XCTAssertEqual(ContentEscaping.escapeMarkdown("two\nlines"), "two lines")
    }
}

final class PlainTextFastPathTests: XCTestCase {
    /// Text the fast path passes through is text each escaping would leave unchanged anyway.
    func testPlainTextIsExactlyWhatNoEscapingChanges() {
        let printable = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        let samples =
            printable + printable.flatMap { a in ["$", "%", "_", "a"].map { a + $0 + "{" } }
            + ["main_openedx", "a\tb", "é", "x\n", "arn:aws:iam::000123456789:role/acme-github-plan"]
        let full: [(ContentEscaping, (String) -> String)] = [
            (.hcl, ContentEscaping.escapeHCL), (.yaml, ContentEscaping.escapeYAML),
            (.markdown, ContentEscaping.escapeMarkdown), (.text, { $0 }),
        ]
        var plain = 0
        for (kind, escape) in full {
            for text in samples where ContentEscaping.isPlain(text, for: kind) {
                XCTAssertEqual(escape(text), text, "\(kind): `\(text)` is not plain")
                plain += 1
            }
        }
        XCTAssertGreaterThan(plain, 300)
    }
}
