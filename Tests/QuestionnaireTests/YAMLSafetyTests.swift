import Foundation
import Testing

@testable import Questionnaire

/// The YAML reader refuses what could hurt: huge files, alias bombs, duplicate keys, several
/// documents, bytes that are not UTF-8 (SPEC §2).
struct YAMLSafetyTests {
    static let valid = """
        version: 1
        project: { name: acme, organization: Acme }
        aws: { region: us-east-1, account_id: "123456789012" }
        dns: { domain: learn.acme.edu }
        github: { repository: acme/infra }
        environments: { production: { size: medium } }
        instances: [{ name: main }]

        """

    static func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try QuestionnaireLoader().load(yaml: yaml, file: "stamp.yaml")
            return []
        } catch let error as QuestionnaireError {
            return error.diagnostics
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    @Test func aDocumentOverOneMiBIsRejectedBeforeParsing() {
        // Unparseable padding: if the size were not checked first, a syntax error would show.
        let padding = String(repeating: "[", count: YAMLDocumentLoader.byteLimit)
        let problems = Self.problems(Self.valid + padding)
        #expect(
            problems.map(\.description) == [
                "stamp.yaml: error: the file is \(Self.valid.utf8.count + padding.utf8.count) bytes; a questionnaire may be at most 1 MiB (1048576 bytes) (is this the right file?)"
            ])
    }

    @Test func aDocumentOfExactlyOneMiBIsRead() {
        let comment =
            "#" + String(repeating: "x", count: YAMLDocumentLoader.byteLimit - Self.valid.utf8.count - 2) + "\n"
        #expect((Self.valid + comment).utf8.count == YAMLDocumentLoader.byteLimit)
        #expect(Self.problems(Self.valid + comment).isEmpty)
    }

    @Test func aLargeFileIsRejectedWithoutBeingReadWhole() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-large-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: UInt8(ascii: "#"), count: 3 << 20).write(to: url)
        let error = try #require(throws: QuestionnaireError.self) {
            try QuestionnaireLoader().load(contentsOf: url.path)
        }
        #expect(
            error.diagnostics.map(\.message) == [
                "the file is 3145728 bytes; a questionnaire may be at most 1 MiB (1048576 bytes)"
            ])
    }

    /// Ten levels of ten aliases: 10^10 values if expanded. Must fail fast, not hang.
    @Test func aBillionLaughsDocumentIsRejected() {
        var yaml = Self.valid + "lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...10 {
            yaml +=
                "lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let problems = Self.problems(yaml)
        #expect(problems.count == 1)
        #expect(problems.first?.message == "the document expands to more than 20000 values (an alias expansion bomb?)")
    }

    /// Yams hashes every mapping key to find duplicates: an alias bomb used as a key would be
    /// hashed in full. The first pass rejects alias keys before Yams sees any alias.
    @Test func aBillionLaughsKeyIsRejected() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            yaml +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        yaml += "? *a12\n: boom\n"
        let problems = Self.problems(yaml)
        #expect(
            problems.map(\.description) == [
                "stamp.yaml:14:3: error: a key must be a plain name, not an alias, a list or a mapping (write the key out as text)"
            ])
    }

    @Test func aliasesThatStayWithinTheBudgetAreExpanded() throws {
        let yaml = Self.valid + "sizes:\n  medium: &ha { eks_max_nodes: 12 }\n  large: *ha\n"
        let answers = try QuestionnaireLoader().load(yaml: yaml, file: "stamp.yaml").answers
        #expect(answers.sizes[.large]?.eksMaxNodes == 12)
        #expect(answers.sizes[.medium]?.eksMaxNodes == 12)
    }

    @Test func duplicateKeysAreReportedWithBothPlaces() {
        let yaml = Self.valid + "services:\n  waf: true\n  ses: true\n  waf: false\n"
        #expect(
            Self.problems(yaml).map(\.description) == [
                "stamp.yaml:11:3: error: services.waf: `waf` is written twice in the same mapping (first on line 9) (keep one of them)"
            ])
    }

    @Test func keysThatDifferOnlyInQuotingAreDuplicates() {
        let yaml = Self.valid + "services:\n  waf: true\n  \"waf\": false\n"
        #expect(Self.problems(yaml).map(\.keyPath) == ["services.waf"])
    }

    @Test func aSecondDocumentIsRejected() {
        #expect(
            Self.problems(Self.valid + "---\n").map(\.message) == [
                "a second YAML document starts here; a questionnaire is a single document"
            ])
    }

    @Test func theLibYAMLNestingLimitDoesNotCrash() {
        let deep = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
        let problems = Self.problems("sizes: \(deep)\n")
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("invalid YAML:") == true)
    }

    @Test func nonUTF8BytesAreReportedWhereTheyAre() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stamp-latin1-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("version: 1\nproject:\n  organization: Universit".utf8 + [0xe9] + Data("\n".utf8)).write(to: url)
        let error = try #require(throws: QuestionnaireError.self) {
            try QuestionnaireLoader().load(contentsOf: url.path)
        }
        #expect(
            error.diagnostics.map(\.description) == [
                "\(url.path):3:26: error: the file is not UTF-8 text: the bytes here are not a valid UTF-8 sequence (save the file as UTF-8)"
            ])
    }

    @Test func aMissingFileIsAReadErrorNotAQuestionnaireError() {
        let path = "/nonexistent/stamp.yaml"
        #expect(throws: QuestionnaireReadError(path: path, reason: .notFound)) {
            try QuestionnaireLoader().load(contentsOf: path)
        }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: QuestionnaireReadError(path: directory, reason: .isDirectory)) {
            try QuestionnaireLoader().load(contentsOf: directory)
        }
        #expect(
            QuestionnaireReadError(path: path, reason: .notFound).description
                == "/nonexistent/stamp.yaml: error: no such file (run `stamp init` to write a questionnaire)")
    }

    @Test func syntaxErrorsCarryYAMLsLineAndColumn() {
        let problems = Self.problems("version: 1\nproject:\n  name: [acme\n")
        #expect(problems.count == 1)
        #expect(problems.first?.location?.line == 4)
        #expect(problems.first?.message.hasPrefix("invalid YAML: ") == true)
    }
}
