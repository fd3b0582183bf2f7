import GeneratedFiles
import Foundation
import Output
import XCTest

final class RepositoryWriterSafetyTests: OutputTestCase {
    func testUnsafePathsAreRefusedAndNothingIsWritten() throws {
        let cases: [(String, String)] = [
            ("../x", "the path contains `..`"),
            ("/abs", "the path is absolute"),
            ("a//b", "the path has an empty segment"),
            ("a/./b", "the path contains `.`"),
            (".stamp/manifest.json", "the path is inside .stamp/, which stamp keeps for its own records"),
        ]
        for (path, reason) in cases {
            for target in [sandbox.appendingPathComponent("new"), sandbox!] {
                assertThrows(.unsafePath(path: path, reason: reason)) {
                    try RepositoryWriter().write(
                        generation(["ok.txt": "", path: "x"]), to: target, force: true)
                }
            }
        }
        assertThrows(.unsafePath(path: "a/b", reason: "`a` is generated as a file, not a directory")) {
            try RepositoryWriter().write(generation(["a": "", "a/b": ""]), to: sandbox)
        }
        XCTAssertEqual(try snapshot(sandbox), [:])
        XCTAssertFalse(
            FileManager.default.fileExists(
                atPath: sandbox.deletingLastPathComponent().appendingPathComponent("x").path))
    }

    func testSymlinkedDirectoryInsideOutputIsRefused() throws {
        let target = sandbox.appendingPathComponent("out")
        let elsewhere = sandbox.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let files = generation(["README.md": "hello\n", "terraform/main.tf": "x\n"])
        try RepositoryWriter().write(files, to: target)
        try FileManager.default.removeItem(at: target.appendingPathComponent("terraform"))
        try FileManager.default.createSymbolicLink(
            at: target.appendingPathComponent("terraform"), withDestinationURL: elsewhere)
        let before = try snapshot(sandbox)

        let link = target.appendingPathComponent("terraform").path
        assertThrows(.symlinkInPath(path: link)) {
            try RepositoryWriter().write(files, to: target, force: true)
        }
        assertThrows(.symlinkInPath(path: link)) {
            try RepositoryWriter().write(files, to: target, dryRun: true)
        }
        XCTAssertEqual(try snapshot(sandbox), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
        try assertNoStagingLeft(in: sandbox, target)
    }

    func testSymlinkedFileAndStampDirectoryAreRefused() throws {
        let outside = sandbox.appendingPathComponent("outside.txt")
        try put("precious\n", at: "outside.txt", in: sandbox)
        let elsewhere = sandbox.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let foreign = sandbox.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: foreign.appendingPathComponent("README.md"), withDestinationURL: outside)
        assertThrows(.symlinkInPath(path: foreign.appendingPathComponent("README.md").path)) {
            try RepositoryWriter().write(generation(["README.md": "hello\n"]), to: foreign, force: true)
        }

        let stamped = sandbox.appendingPathComponent("stamped")
        try FileManager.default.createDirectory(at: stamped, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: stamped.appendingPathComponent(".stamp"), withDestinationURL: elsewhere)
        assertThrows(.symlinkInPath(path: stamped.appendingPathComponent(".stamp").path)) {
            try RepositoryWriter().write(generation(["README.md": "hello\n"]), to: stamped, force: true)
        }
        XCTAssertEqual(try text(sandbox, "outside.txt"), "precious\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }

    func testOutputDirectoryGivenThroughASymlinkIsResolved() throws {
        let real = sandbox.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let link = sandbox.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)

        let plan = try RepositoryWriter().write(generation(["README.md": "hello\n"]), to: link)
        XCTAssertEqual(plan.directory.path, real.path)
        XCTAssertEqual(try text(real, "README.md"), "hello\n")
        XCTAssertEqual(
            try snapshot(sandbox)["link"], "link -> \(real.path)", "the link itself is left alone")

        // Regenerating through the link sees the manifest.
        let again = try RepositoryWriter().write(generation(["README.md": "hello\n"]), to: link)
        XCTAssertEqual(again.targetState, .generated)
        XCTAssertEqual(again.changes, [])
    }

    func testDirectoryInTheWayOfAFileFailsBeforeWriting() throws {
        let target = sandbox.appendingPathComponent("out")
        try RepositoryWriter().write(generation(["a.txt": "a\n", "b.txt": "b\n"]), to: target)
        try FileManager.default.removeItem(at: target.appendingPathComponent("b.txt"))
        try put("mine\n", at: "b.txt/inside.txt", in: target)
        let before = try snapshot(sandbox)

        XCTAssertThrowsError(
            try RepositoryWriter().write(
                generation(["a.txt": "A\n", "b.txt": "B\n"]), to: target, force: true)
        ) { error in
            guard case .io(let path, _)? = error as? OutputError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, target.appendingPathComponent("b.txt").path)
        }
        XCTAssertEqual(try snapshot(sandbox), before)
        try assertNoStagingLeft(in: sandbox, target)
    }

    func testTargetThatIsAFileIsRefused() throws {
        try put("x", at: "file", in: sandbox)
        XCTAssertThrowsError(
            try RepositoryWriter().write(
                generation(["a": ""]), to: sandbox.appendingPathComponent("file")))
        XCTAssertEqual(try snapshot(sandbox), ["file": "x"])
    }
}
