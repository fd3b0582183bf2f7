import Foundation
import XCTest

/// Inside a generated repository the commands need no flags: the questionnaire lives at its
/// root, and the reviewer's session is edit `stamp.yaml`, `stamp diff`, `stamp update`, commit.
final class RepositoryFlowTests: XCTestCase {
    private var reference: URL { packageRoot.appendingPathComponent("examples/reference/stamp.yaml") }

    /// A repository generated from a questionnaire kept outside it, as `stamp init` leaves one.
    private func generated() throws -> (outside: URL, repository: URL) {
        let directory = try makeTemporaryDirectory(self)
        let questionnaire = try String(contentsOf: reference, encoding: .utf8)
        try ("# Our platform's questionnaire, kept with the repository.\n" + questionnaire)
            .write(to: directory.appendingPathComponent("stamp.yaml"), atomically: true, encoding: .utf8)
        let result = try StampProcess.run(["generate", "--output", "infra"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        return (directory, directory.appendingPathComponent("infra"))
    }

    func testGenerateKeepsTheQuestionnaireAtTheRootWithItsComments() throws {
        let (outside, repository) = try generated()
        XCTAssertEqual(
            try String(contentsOf: repository.appendingPathComponent("stamp.yaml"), encoding: .utf8),
            try String(contentsOf: outside.appendingPathComponent("stamp.yaml"), encoding: .utf8))
        // Regenerating from the repository's own questionnaire copies nothing and changes nothing.
        let again = try StampProcess.run(["generate", "--output", "."], in: repository)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.hasSuffix(" unchanged\n"), again.stdout)
        XCTAssertFalse(again.stdout.contains("create") || again.stdout.contains("update"), again.stdout)
    }

    func testEveryCommandWorksInsideTheRepositoryWithoutFlags() throws {
        let (_, repository) = try generated()
        for command in [["validate"], ["explain"], ["diff"], ["check"], ["update", "--dry-run"]] {
            let result = try StampProcess.run(command, in: repository)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stdout)\(result.stderr)")
        }
        let diff = try StampProcess.run(["diff"], in: repository)
        XCTAssertEqual(diff.stdout, "", "a fresh repository has nothing to diff")
    }

    /// The reviewer's session: the questionnaire edit fails `check` (naming the key) until
    /// `update` regenerates; `diff` shows the change first.
    func testAnEditedQuestionnaireFailsCheckUntilUpdated() throws {
        let (_, repository) = try generated()
        let questionnaire = repository.appendingPathComponent("stamp.yaml")
        let text = try String(contentsOf: questionnaire, encoding: .utf8)
        try text.replacingOccurrences(of: "  staging:\n    size: small", with: "  staging:\n    size: medium")
            .write(to: questionnaire, atomically: true, encoding: .utf8)

        let check = try StampProcess.run(["check"], in: repository)
        XCTAssertEqual(check.status, 1, check.stdout + check.stderr)
        XCTAssertTrue(
            check.stdout.contains("stamp.yaml differs from the recorded answers at environments.staging.size"),
            check.stdout)
        XCTAssertTrue(check.stdout.contains("check failed: `stamp diff` shows the changes"), check.stdout)

        let diff = try StampProcess.run(["diff", "--stat"], in: repository)
        XCTAssertEqual(diff.status, 1, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("terraform/environments/staging/"), diff.stdout)

        let update = try StampProcess.run(["update", "--allow-dirty"], in: repository)
        XCTAssertEqual(update.status, 0, update.stdout + update.stderr)
        let after = try StampProcess.run(["check"], in: repository)
        XCTAssertEqual(after.status, 0, after.stdout + after.stderr)
        XCTAssertTrue(try String(contentsOf: questionnaire, encoding: .utf8).contains("size: medium"))
    }

    /// Generating into the repository from another questionnaire would lose the edits of its
    /// own: refused, nothing written, unless --force.
    func testGeneratingFromAnotherQuestionnaireNeverReplacesTheRepositorysSilently() throws {
        let (outside, repository) = try generated()
        let inRepository = repository.appendingPathComponent("stamp.yaml")
        let edited = try String(contentsOf: inRepository, encoding: .utf8) + "# a note of ours\n"
        try edited.write(to: inRepository, atomically: true, encoding: .utf8)

        let refused = try StampProcess.run(["generate", "--output", "infra"], in: outside)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("stamp.yaml differs"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: inRepository, encoding: .utf8), edited)

        let forced = try StampProcess.run(["generate", "--output", "infra", "--force"], in: outside)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertFalse(try String(contentsOf: inRepository, encoding: .utf8).contains("a note of ours"))
    }

    /// `update --answers FILE` keeps FILE as the repository's questionnaire, but never over
    /// edits of the repository's own that were not regenerated yet.
    func testUpdateFromAnotherQuestionnaireReplacesTheRepositorysOnlyWhenItHasNoPendingEdits() throws {
        let (outside, repository) = try generated()
        let outsideFile = outside.appendingPathComponent("stamp.yaml")
        let medium = try String(contentsOf: outsideFile, encoding: .utf8)
            .replacingOccurrences(of: "  staging:\n    size: small", with: "  staging:\n    size: medium")
        try medium.write(to: outsideFile, atomically: true, encoding: .utf8)
        let inRepository = repository.appendingPathComponent("stamp.yaml")
        let original = try String(contentsOf: inRepository, encoding: .utf8)
        try original.replacingOccurrences(of: "release: ulmo", with: "release: verawood")
            .write(to: inRepository, atomically: true, encoding: .utf8)

        let refused = try StampProcess.run(["update", "--answers", "stamp.yaml", "--output", "infra"], in: outside)
        XCTAssertEqual(refused.status, 2, refused.stdout + refused.stderr)
        XCTAssertTrue(refused.stderr.contains("has edits not yet regenerated (instances[1].release)"), refused.stderr)

        try original.write(to: inRepository, atomically: true, encoding: .utf8)
        let updated = try StampProcess.run(
            ["update", "--answers", "stamp.yaml", "--output", "infra", "--allow-dirty"], in: outside)
        XCTAssertEqual(updated.status, 0, updated.stdout + updated.stderr)
        XCTAssertEqual(try String(contentsOf: inRepository, encoding: .utf8), medium)
        XCTAssertEqual(try StampProcess.run(["check"], in: repository).status, 0)
    }

    /// SPEC §1 for every command: a blueprint of another name is refused with exit 2.
    func testABlueprintOfAnotherNameIsRefusedInsideTheRepository() throws {
        let (outside, repository) = try generated()
        let exported = try StampProcess.run(["blueprint", "export", "custom"], in: outside)
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let manifest = outside.appendingPathComponent("custom/blueprint.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "name: openedx-aws", with: "name: acme-custom")
            .write(to: manifest, atomically: true, encoding: .utf8)
        for command in [["diff"], ["check"], ["update", "--dry-run"]] {
            let result = try StampProcess.run(
                command + ["--blueprint", manifest.deletingLastPathComponent().path], in: repository)
            XCTAssertEqual(result.status, 2, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("acme-custom"), result.stderr)
        }
        let validate = try StampProcess.run(
            ["validate", "--blueprint", manifest.deletingLastPathComponent().path], in: repository)
        XCTAssertEqual(validate.status, 0, validate.stderr)
    }
}
