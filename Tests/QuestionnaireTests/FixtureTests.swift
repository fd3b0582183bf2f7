import Foundation
import Testing

@testable import Questionnaire

/// Every `Fixtures/invalid/NAME.yaml` is a tiny bad questionnaire; `NAME.expected` is the exact
/// stderr text `stamp validate` prints for it (the file named just `NAME.yaml`).
/// `RECORD_FIXTURES=1 swift test` rewrites the expected files from the current output.
struct FixtureTests {
    static let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let invalid = fixtures.appendingPathComponent("invalid")
    /// The source folder, for recording.
    static let sourceFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func names(in folder: URL, extension ext: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".\(ext)") }.map { String($0.dropLast(ext.count + 1)) }.sorted()
    }

    @Test func everyInvalidFixtureHasItsExpectedOutputAndViceVersa() {
        let questionnaires = Self.names(in: Self.invalid, extension: "yaml")
        let expectations = Self.names(in: Self.invalid, extension: "expected")
        #expect(questionnaires.count > 40)
        #expect(questionnaires == expectations)
    }

    @Test(arguments: names(in: invalid, extension: "yaml"))
    func invalidFixtureReportsExactly(_ name: String) throws {
        let data = try Data(contentsOf: Self.invalid.appendingPathComponent("\(name).yaml"))
        let output: String
        do {
            _ = try QuestionnaireLoader().load(data: data, file: "\(name).yaml")
            output = "(no error)\n"
        } catch let error as QuestionnaireError {
            output = error.description + "\n"
        }
        if ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" {
            let target = Self.sourceFixtures.appendingPathComponent("invalid/\(name).expected")
            try output.write(to: target, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: Self.invalid.appendingPathComponent("\(name).expected"), encoding: .utf8)
        #expect(output == expected, "\(name).yaml")
    }

    @Test func diagnosticsComeInDocumentOrder() throws {
        let data = try Data(contentsOf: Self.invalid.appendingPathComponent("many-problems.yaml"))
        let error = try #require(throws: QuestionnaireError.self) {
            try QuestionnaireLoader().load(data: data, file: "many-problems.yaml")
        }
        #expect(error.diagnostics.count >= 10)
        let positions = error.diagnostics.map { [$0.location?.line ?? 0, $0.location?.column ?? 0] }
        #expect(positions == positions.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
