import GeneratedFiles
import Foundation
import Output
import XCTest

final class RepositoryWriterTests: OutputTestCase {
    func testFreshWriteCreatesFilesManifestBaseAndAnswers() throws {
        // Two missing levels above the target: created like `mkdir -p`.
        let target = sandbox.appendingPathComponent("a/b/out")
        let plan = try RepositoryWriter().write(
            generation(
                ["README.md": "hello\n", "terraform/empty.tf": ""], answers: "version: 1\nproject: x\n"),
            to: target)

        XCTAssertEqual(plan.targetState, .missing)
        XCTAssertEqual(plan.directory.path, target.path)
        XCTAssertEqual(plan.entries.map(\.path), ["README.md", "terraform/empty.tf"])
        XCTAssertEqual(plan.entries.map(\.action), [.create, .create])

        XCTAssertEqual(try text(target, "README.md"), "hello\n")
        XCTAssertEqual(try text(target, "terraform/empty.tf"), "")
        XCTAssertEqual(try text(target, ".stamp/base/README.md"), "hello\n")
        XCTAssertEqual(try text(target, ".stamp/base/terraform/empty.tf"), "")
        XCTAssertEqual(try text(target, ".stamp/answers.yaml"), "version: 1\nproject: x\n")

        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: target.appendingPathComponent(".stamp/manifest.json")))
        let manifest = try XCTUnwrap(json as? [String: Any])
        XCTAssertEqual(manifest["stamp_version"] as? String, "0.1.0")
        XCTAssertEqual(
            manifest["blueprint"] as? [String: String], ["name": "openedx-aws", "version": "1"])
        XCTAssertEqual(
            manifest["files"] as? [String: String],
            ["README.md": KnownHash.hello, "terraform/empty.tf": KnownHash.empty])

        XCTAssertEqual(
            try snapshot(sandbox.appendingPathComponent("a/b")).keys.filter { !$0.hasPrefix("out") }, [])
        try assertNoStagingLeft(in: sandbox.appendingPathComponent("a/b"), target)

        let attributes = try FileManager.default.attributesOfItem(
            atPath: target.appendingPathComponent("README.md").path)
        let mode = try XCTUnwrap(attributes[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o111, 0, "generated files are not executable")
        XCTAssertEqual(mode & 0o600, 0o600)
    }

    func testWritesIntoEmptyDirectoryKeepingIt() throws {
        let target = sandbox.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let inode =
            try FileManager.default.attributesOfItem(atPath: target.path)[.systemFileNumber] as? Int

        let plan = try RepositoryWriter().write(generation(["x/y.txt": "hello\n"]), to: target)

        XCTAssertEqual(plan.targetState, .empty)
        XCTAssertEqual(actions(plan), ["x/y.txt": .create])
        XCTAssertEqual(try text(target, "x/y.txt"), "hello\n")
        // The same directory, not one renamed over it: a shell sitting in it still sees the files.
        XCTAssertEqual(
            try FileManager.default.attributesOfItem(atPath: target.path)[.systemFileNumber] as? Int,
            inode)
        try assertNoStagingLeft(in: sandbox, target)
    }

    func testRefusesForeignDirectoryWithoutForceAndWritesWithForce() throws {
        let target = sandbox.appendingPathComponent("out")
        try put("mine\n", at: "notes.txt", in: target)
        try put("theirs\n", at: "README.md", in: target)
        let before = try snapshot(sandbox)

        assertThrows(.notGeneratedByStamp(directory: target.path)) {
            try RepositoryWriter().write(generation(["README.md": "hello\n", "main.tf": ""]), to: target)
        }
        XCTAssertEqual(try snapshot(sandbox), before)

        let plan = try RepositoryWriter().write(
            generation(["README.md": "hello\n", "main.tf": ""]), to: target, force: true)
        XCTAssertEqual(plan.targetState, .foreign)
        XCTAssertEqual(actions(plan), ["README.md": .overwrite, "main.tf": .create])
        XCTAssertEqual(try text(target, "notes.txt"), "mine\n")
        XCTAssertEqual(try text(target, "README.md"), "hello\n")
        XCTAssertEqual(
            try ManifestLoader().manifest(in: target)?.files.keys.sorted(), ["README.md", "main.tf"])
        try assertNoStagingLeft(in: sandbox, target)
    }

    func testRegenerateUpdatesDeletesAndLeavesUserFilesAlone() throws {
        let target = sandbox.appendingPathComponent("out")
        try RepositoryWriter().write(
            generation(["a.txt": "a\n", "b.txt": "b\n", "gone.txt": "g\n", "mod/waf/main.tf": "w\n"]),
            to: target)
        try put("mine\n", at: "mine.txt", in: target)
        try put("mine too\n", at: "mod/notes.txt", in: target)
        let inodeOfA =
            try FileManager.default.attributesOfItem(atPath: target.appendingPathComponent("a.txt").path)[
                .systemFileNumber] as? Int

        let plan = try RepositoryWriter().write(
            generation(["a.txt": "a\n", "b.txt": "B\n", "new/c.txt": "c\n"], answers: "version: 2\n"),
            to: target)

        XCTAssertEqual(plan.targetState, .generated)
        XCTAssertEqual(
            actions(plan),
            [
                "a.txt": .unchanged, "b.txt": .update, "new/c.txt": .create, "gone.txt": .delete,
                "mod/waf/main.tf": .delete,
            ])
        XCTAssertEqual(
            plan.entries.map(\.path), ["a.txt", "b.txt", "gone.txt", "mod/waf/main.tf", "new/c.txt"])
        XCTAssertEqual(plan.changes.count, 4)
        let disk = try snapshot(target)
        XCTAssertEqual(disk["b.txt"], "B\n")
        XCTAssertEqual(disk["new/c.txt"], "c\n")
        XCTAssertEqual(disk["mine.txt"], "mine\n")
        XCTAssertEqual(disk["mod/notes.txt"], "mine too\n")
        XCTAssertNil(disk["gone.txt"])
        XCTAssertNil(disk["mod/waf"], "a folder emptied by a dropped file goes too")
        XCTAssertEqual(disk["mod"], "dir", "but not one that still has the user's files")
        XCTAssertNil(disk[".stamp/base/gone.txt"])
        XCTAssertNil(disk[".stamp/base/mod"])
        XCTAssertEqual(disk[".stamp/base/b.txt"], "B\n")
        XCTAssertEqual(disk[".stamp/answers.yaml"], "version: 2\n")
        XCTAssertEqual(
            try ManifestLoader().manifest(in: target)?.files.keys.sorted(),
            ["a.txt", "b.txt", "new/c.txt"])
        XCTAssertEqual(
            try FileManager.default.attributesOfItem(atPath: target.appendingPathComponent("a.txt").path)[
                .systemFileNumber] as? Int, inodeOfA, "an unchanged file is not rewritten")
        try assertNoStagingLeft(in: sandbox, target)

        // Writing the same generation again changes nothing.
        let again = try RepositoryWriter().write(
            generation(["a.txt": "a\n", "b.txt": "B\n", "new/c.txt": "c\n"], answers: "version: 2\n"),
            to: target)
        XCTAssertEqual(again.changes, [])
        XCTAssertEqual(try snapshot(target), disk)
    }

    func testEditedAndDeletedFilesAreRefusedUnlessForced() throws {
        let target = sandbox.appendingPathComponent("out")
        let first = generation([
            "a.txt": "a\n", "b.txt": "b\n", "c.txt": "c\n", "d.txt": "d\n", "e.txt": "e\n",
        ])
        try RepositoryWriter().write(first, to: target)
        try put("my edit\n", at: "b.txt", in: target)  // edited, still generated
        try FileManager.default.removeItem(at: target.appendingPathComponent("c.txt"))  // deleted, still generated
        try put("my edit\n", at: "d.txt", in: target)  // edited, no longer generated
        try put("E\n", at: "e.txt", in: target)  // edited into exactly what stamp now generates
        try put("mine\n", at: "f.txt", in: target)  // the user's, but stamp now generates it
        let before = try snapshot(sandbox)
        let second = generation([
            "a.txt": "A\n", "b.txt": "B\n", "c.txt": "C\n", "e.txt": "E\n", "f.txt": "F\n",
        ])

        assertThrows(.editedFiles(paths: ["b.txt", "c.txt", "d.txt", "f.txt"])) {
            try RepositoryWriter().write(second, to: target)
        }
        assertThrows(.editedFiles(paths: ["b.txt", "c.txt", "d.txt", "f.txt"])) {
            try RepositoryWriter().write(second, to: target, dryRun: true)
        }
        XCTAssertEqual(try snapshot(sandbox), before, "a refused write changes nothing")

        let plan = try RepositoryWriter().write(second, to: target, force: true)
        XCTAssertEqual(
            actions(plan),
            [
                "a.txt": .update, "b.txt": .overwrite, "c.txt": .recreate, "d.txt": .deleteEdited,
                "e.txt": .unchanged,
                "f.txt": .overwrite,
            ])
        XCTAssertEqual(plan.pathsNeedingForce, ["b.txt", "c.txt", "d.txt", "f.txt"])
        let disk = try snapshot(target)
        XCTAssertEqual(disk["b.txt"], "B\n")
        XCTAssertEqual(disk["c.txt"], "C\n")
        XCTAssertNil(disk["d.txt"])
        XCTAssertEqual(disk["f.txt"], "F\n")
        XCTAssertEqual(
            try ManifestLoader().hash(of: "b.txt", in: target),
            try ManifestLoader().manifest(in: target)?.files["b.txt"])
    }

    func testDryRunWritesNothingAndReturnsThePlan() throws {
        let missing = sandbox.appendingPathComponent("deep/out")
        let fresh = try RepositoryWriter().write(
            generation(["z.txt": "", "a.txt": ""]), to: missing, dryRun: true)
        XCTAssertEqual(fresh.targetState, .missing)
        XCTAssertEqual(
            fresh.entries, [.init(path: "a.txt", action: .create), .init(path: "z.txt", action: .create)])
        XCTAssertEqual(try snapshot(sandbox), [:])

        let target = sandbox.appendingPathComponent("out")
        try RepositoryWriter().write(generation(["a.txt": "a\n", "b.txt": "b\n"]), to: target)
        let before = try snapshot(sandbox)
        let next = generation(["a.txt": "a\n", "c.txt": "c\n"])
        let dry = try RepositoryWriter().write(next, to: target, dryRun: true)
        XCTAssertEqual(actions(dry), ["a.txt": .unchanged, "b.txt": .delete, "c.txt": .create])
        XCTAssertEqual(try snapshot(sandbox), before)
        XCTAssertEqual(
            try RepositoryWriter().write(next, to: target), dry, "the real write reports the same plan")
    }

    func testFailureHalfWayRollsEverythingBack() throws {
        let target = sandbox.appendingPathComponent("out")
        try RepositoryWriter().write(
            generation(["a.txt": "a\n", "b.txt": "b\n", "old/x.txt": "x\n"]), to: target)
        try put("mine\n", at: "mine.txt", in: target)
        let before = try snapshot(sandbox)

        // Fails on the last move (the manifest), after every other change was made.
        let failing = RepositoryWriter.failing(at: ".stamp/manifest.json")
        XCTAssertThrowsError(
            try failing.write(
                generation(["a.txt": "A\n", "n/new.txt": "n\n"], answers: "v2\n"), to: target))
        XCTAssertEqual(try snapshot(sandbox), before)
        try assertNoStagingLeft(in: sandbox, target)

        // A failure while creating a new directory removes the staging tree and the parents made.
        XCTAssertThrowsError(
            try RepositoryWriter.failing(at: ".").write(
                generation(["a.txt": ""]), to: sandbox.appendingPathComponent("p/q/r")))
        XCTAssertEqual(try snapshot(sandbox), before)
    }

    func testManifestEncodingIsDeterministic() throws {
        let manifest = Manifest(
            stampVersion: "1.2.3", blueprint: .init(name: "openedx-aws", version: "2"),
            files: ["terraform/main.tf": KnownHash.empty, "README.md": KnownHash.hello])
        let expected = """
            {
              "blueprint" : {
                "name" : "openedx-aws",
                "version" : "2"
              },
              "files" : {
                "README.md" : "\(KnownHash.hello)",
                "terraform/main.tf" : "\(KnownHash.empty)"
              },
              "stamp_version" : "1.2.3"
            }

            """
        XCTAssertEqual(String(decoding: manifest.encoded(), as: UTF8.self), expected)
        XCTAssertEqual(try Manifest.decode(manifest.encoded()), manifest)
        XCTAssertEqual(ContentHash.sha256(Data("hello\n".utf8)), KnownHash.hello)
    }
}
