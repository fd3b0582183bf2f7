import Foundation
import XCTest

/// `stamp update` on real generated repositories: the user's edits survive a regeneration.
final class UpdateCommandTests: XCTestCase {
    private var reference: URL { packageRoot.appendingPathComponent("examples/reference/stamp.yaml") }
    private let aurora = "terraform/environments/staging/aurora.tf"

    /// A temp folder with the reference repository generated into `infra` and, in `medium.yaml`,
    /// the reference answers with staging grown from small to medium.
    private func generated() throws -> (URL, URL) {
        let directory = try makeTemporaryDirectory(self)
        let result = try StampProcess.run(
            ["generate", "--answers", reference.path, "--output", "infra"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        let answers = try String(contentsOf: reference, encoding: .utf8)
        XCTAssertTrue(answers.contains("    size: small\n"))
        try answers.replacingOccurrences(of: "    size: small\n", with: "    size: medium\n")
            .write(to: directory.appendingPathComponent("medium.yaml"), atomically: true, encoding: .utf8)
        return (directory, directory.appendingPathComponent("infra"))
    }

    /// SPEC §1: the recorded blueprint decides. A recorded older version of the built-in
    /// blueprint makes check fail naming both versions, and update proceed; a recorded newer
    /// version or another blueprint's name is refused by both (exit 2).
    func testTheRecordedBlueprintDecidesWhatCheckAndUpdateMayDo() throws {
        let (directory, repository) = try generated()
        let manifestURL = repository.appendingPathComponent(".stamp/manifest.json")
        let original = try String(contentsOf: manifestURL, encoding: .utf8)
        XCTAssertTrue(original.contains(#""version" : "1.0.0""#), original)
        func record(name: String = "openedx-aws", version: String) throws {
            try original.replacingOccurrences(of: #""version" : "1.0.0""#, with: #""version" : "\#(version)""#)
                .replacingOccurrences(of: #""name" : "openedx-aws""#, with: #""name" : "\#(name)""#)
                .write(to: manifestURL, atomically: true, encoding: .utf8)
        }
        try record(version: "0.9.0")
        let older = try StampProcess.run(["check", "--output", "infra"], in: directory)
        XCTAssertEqual(older.status, 1, older.stdout + older.stderr)
        XCTAssertTrue(
            older.stdout.contains("blueprint openedx-aws 1.0.0 is newer than the recorded 0.9.0"), older.stdout)
        let updated = try StampProcess.run(["update", "--output", "infra", "--allow-dirty"], in: directory)
        XCTAssertEqual(updated.status, 0, updated.stdout + updated.stderr)

        try record(version: "9.0.0")
        for command in [["check", "--output", "infra"], ["update", "--output", "infra", "--allow-dirty"]] {
            let refused = try StampProcess.run(command, in: directory)
            XCTAssertEqual(refused.status, 2, command[0])
            XCTAssertTrue(refused.stderr.contains("generated with openedx-aws 9.0.0, newer than 1.0.0"), refused.stderr)
        }
        try record(name: "acme-custom", version: "1.0.0")
        let renamed = try StampProcess.run(["update", "--output", "infra", "--allow-dirty"], in: directory)
        XCTAssertEqual(renamed.status, 2)
        XCTAssertTrue(
            renamed.stderr.contains("generated with the blueprint `acme-custom`, not `openedx-aws`"), renamed.stderr)
    }

    private func read(_ repository: URL, _ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    private func edit(_ repository: URL, _ path: String, _ old: String, _ new: String) throws {
        let text = try read(repository, path)
        XCTAssertTrue(text.contains(old), "\(path) has no `\(old)`")
        try text.replacingOccurrences(of: old, with: new)
            .write(to: repository.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    private func update(_ arguments: [String], in directory: URL) throws -> StampProcess.Result {
        try StampProcess.run(["update"] + arguments, in: directory)
    }

    func testEditsAreKeptAndTheNewAnswersAppliedThenCheckPasses() throws {
        let (directory, repository) = try generated()
        try edit(repository, "README.md", "# acme: Open edX on AWS", "# acme, edited by hand")
        try edit(repository, aurora, "  parameter_group_family", "  # reviewed by ops\n  parameter_group_family")
        try "my notes\n".write(to: repository.appendingPathComponent("NOTES.md"), atomically: true, encoding: .utf8)

        let result = try update(["--answers", "medium.yaml", "--output", "infra"], in: directory)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("merge        README.md\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("merge        \(aurora)\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("update       terraform/environments/staging/eks.tf\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("updated \(repository.path): "), result.stdout)

        let readme = try read(repository, "README.md")
        XCTAssertTrue(readme.hasPrefix("# acme, edited by hand\n"), "edit kept")
        XCTAssertTrue(readme.contains("the staging environment (medium)"), "change applied")
        let merged = try read(repository, aurora)
        XCTAssertTrue(merged.contains("  # reviewed by ops\n"), merged)
        XCTAssertTrue(merged.contains("The medium size preset"), merged)
        XCTAssertFalse(merged.contains("<<<<<<<"))
        XCTAssertEqual(try read(repository, "NOTES.md"), "my notes\n", "a file the user added is untouched")
        XCTAssertTrue(try read(repository, ".stamp/answers.yaml").contains("size: medium"))
        XCTAssertTrue(try read(repository, ".stamp/base/README.md").hasPrefix("# acme: Open edX on AWS\n"))
        XCTAssertEqual(listing(repository).filter { $0.contains("stamp-staging") }, [])

        // The repository now records the new answers: check passes, hand edits reported only.
        let check = try StampProcess.run(["check", "--output", "infra"], in: directory)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("edited by hand: README.md"), check.stdout)
        XCTAssertTrue(check.stdout.contains("edited by hand: \(aurora)"), check.stdout)

        // Running it again (recorded answers, from inside the repository) changes nothing, and a
        // merged file still counts as edited.
        let again = try update([], in: repository)
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.hasPrefix("updated \(repository.path): 173 unchanged"), again.stdout)
        XCTAssertTrue(try read(repository, "README.md").hasPrefix("# acme, edited by hand\n"))
    }

    func testAConflictingEditIsWrittenWithMarkersAndExitsOne() throws {
        let (directory, repository) = try generated()
        try edit(repository, aurora, #"instance_class     = "db.t4g.medium""#, #"instance_class     = "db.t4g.large""#)
        let result = try update(["--answers", "medium.yaml", "--output", "infra"], in: directory)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("conflict     \(aurora)\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("1 file with conflicts:\n  \(aurora)\n"), result.stderr)
        let text = try read(repository, aurora)
        XCTAssertTrue(
            text.contains(
                """
                <<<<<<< ours (your edit)
                  # The small size preset: the writer plus 0 reader(s), over the zones in order.
                  instance_class     = "db.t4g.large"
                  reader_count       = 0
                =======
                  # The medium size preset: the writer plus 1 reader(s), over the zones in order.
                  instance_class     = "db.r6g.large"
                  reader_count       = 1
                >>>>>>> theirs (stamp)
                """), text)
        // The rest of the update happened all the same.
        XCTAssertTrue(try read(repository, "README.md").contains("the staging environment (medium)"))
    }

    func testAFileTheUserDeletedStaysDeletedAndDroppedFilesGoOnlyWhenUntouched() throws {
        let (directory, repository) = try generated()
        try FileManager.default.removeItem(at: repository.appendingPathComponent("Makefile"))
        // Dropping the labs instance drops its files; one of them was edited.
        let answers = try String(contentsOf: reference, encoding: .utf8)
        let withoutLabs = answers.replacingOccurrences(
            of: "  - name: labs\n    release: verawood\n    environments: [staging]\n", with: "")
        XCTAssertNotEqual(withoutLabs, answers)
        try withoutLabs.write(to: directory.appendingPathComponent("nolabs.yaml"), atomically: true, encoding: .utf8)
        let labs = listing(repository).filter { $0.hasPrefix("tutor/labs/") && $0.hasSuffix(".yml") }
        XCTAssertFalse(labs.isEmpty)
        try edit(repository, labs[0], "\n", "\n# mine\n")

        let result = try update(["--answers", "nolabs.yaml", "--output", "infra"], in: directory)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("kept-deleted Makefile"), result.stdout)
        XCTAssertTrue(result.stdout.contains("keep-edited  \(labs[0])"), result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.appendingPathComponent("Makefile").path))
        XCTAssertTrue(try read(repository, labs[0]).contains("# mine\n"))
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: repository.appendingPathComponent(".stamp/base/Makefile").path))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: repository.appendingPathComponent(".stamp/base/\(labs[0])").path))
        XCTAssertEqual(
            listing(repository).filter { $0.contains("labs") && !$0.hasPrefix(".stamp") && $0.hasSuffix(".yml") },
            [labs[0]])
    }

    func testDryRunWritesNothing() throws {
        let (directory, repository) = try generated()
        try edit(repository, "README.md", "# acme: Open edX on AWS", "# acme, edited by hand")
        let before = try snapshot(directory)
        let result = try update(["--answers", "medium.yaml", "--output", "infra", "--dry-run"], in: directory)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("merge        README.md\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("dry run, nothing written: "), result.stdout)
        XCTAssertEqual(try snapshot(directory), before)
    }

    func testADirtyGitWorkTreeIsRefusedUnlessAllowed() throws {
        let (directory, repository) = try generated()
        let git = { (arguments: [String]) throws -> StampProcess.Result in
            try StampProcess.run(
                ["git", "-c", "user.name=stamp", "-c", "user.email=stamp@example.com"] + arguments, in: repository,
                executable: URL(fileURLWithPath: "/usr/bin/env"))
        }
        guard try git(["init", "-q"]).status == 0 else { throw XCTSkip("git is not available") }
        let dirty = try update(["--answers", "medium.yaml", "--output", "infra"], in: directory)
        XCTAssertEqual(dirty.status, 2, dirty.stdout + dirty.stderr)
        XCTAssertTrue(dirty.stderr.contains("uncommitted changes"), dirty.stderr)
        XCTAssertTrue(dirty.stderr.contains("--allow-dirty"), dirty.stderr)
        XCTAssertFalse(try read(repository, "README.md").contains("(medium)"))

        XCTAssertEqual(try git(["add", "-A"]).status, 0)
        XCTAssertEqual(try git(["commit", "-q", "-m", "generated"]).status, 0)
        let clean = try update(["--answers", "medium.yaml", "--output", "infra"], in: directory)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertTrue(try read(repository, "README.md").contains("(medium)"))

        try "x\n".write(to: repository.appendingPathComponent("NOTES.md"), atomically: true, encoding: .utf8)
        let allowed = try update(["--output", "infra", "--allow-dirty"], in: directory)
        XCTAssertEqual(allowed.status, 0, allowed.stdout + allowed.stderr)
    }

    func testRefusesADirectoryStampDidNotGenerate() throws {
        let directory = try makeTemporaryDirectory(self)
        try "x\n".write(to: directory.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        for arguments in [["--output", "."], ["--answers", reference.path, "--output", "."]] {
            let result = try update(arguments, in: directory)
            XCTAssertEqual(result.status, 3, result.stdout + result.stderr)
            XCTAssertTrue(result.stderr.contains("not generated by stamp"), result.stderr)
        }
        XCTAssertEqual(listing(directory), ["file"])
    }

    func testNeverWritesOutsideTheRepositoryNorThroughALink() throws {
        let (directory, repository) = try generated()
        let outside = directory.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        // The staging environment folder replaced by a link to a folder outside the repository.
        let staging = repository.appendingPathComponent("terraform/environments/staging")
        try FileManager.default.moveItem(at: staging, to: outside.appendingPathComponent("staging"))
        try FileManager.default.createSymbolicLink(
            at: staging, withDestinationURL: outside.appendingPathComponent("staging"))
        let before = try snapshot(directory)
        let result = try update(["--answers", "medium.yaml", "--output", "infra"], in: directory)
        XCTAssertEqual(result.status, 3, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("symbolic link"), result.stderr)
        XCTAssertEqual(try snapshot(directory), before)

        // Without the link, a successful update changes nothing beside the repository.
        try FileManager.default.removeItem(at: staging)
        try FileManager.default.moveItem(at: outside.appendingPathComponent("staging"), to: staging)
        let outsideBefore = try snapshot(directory).filter { !$0.key.hasPrefix("infra/") }
        let ok = try update(["--answers", "medium.yaml", "--output", "infra"], in: directory)
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        XCTAssertEqual(try snapshot(directory).filter { !$0.key.hasPrefix("infra/") }, outsideBefore)
    }

    /// Every path under `directory` with its bytes (nil for folders and links).
    private func snapshot(_ directory: URL) throws -> [String: Data?] {
        var result: [String: Data?] = [:]
        for path in listing(directory) {
            let url = directory.appendingPathComponent(path)
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            result[path] =
                values.isRegularFile == true && values.isSymbolicLink != true ? try Data(contentsOf: url) : nil
        }
        return result
    }
}
