import GeneratedFiles
import Foundation
import XCTest

@testable import Output

final class RepositoryUpdaterTests: OutputTestCase {
    private let old = [
        "a.txt": "one\ntwo\nthree\n", "b.txt": "b\n", "gone.txt": "g\n", "gone-edited.txt": "e\n", "deleted.txt": "d\n",
    ]
    private let new = ["a.txt": "one\ntwo\nTHREE\n", "b.txt": "B\n", "deleted.txt": "D\n", "new.txt": "n\n"]

    private func prepared() throws -> URL {
        let target = sandbox.appendingPathComponent("out")
        try RepositoryWriter().write(generation(old), to: target)
        try put("ONE\ntwo\nthree\n", at: "a.txt", in: target)
        try put("mine\n", at: "gone-edited.txt", in: target)
        try put("user\n", at: "user.txt", in: target)
        try FileManager.default.removeItem(at: target.appendingPathComponent("deleted.txt"))
        return target
    }

    func testUpdateMergesReplacesKeepsAndRecordsTheNewGeneration() throws {
        let target = try prepared()
        let report = try RepositoryUpdater().update(generation(new, answers: "version: 1\nnew: true\n"), in: target)
        XCTAssertEqual(
            report.entries.map(\.path), ["a.txt", "b.txt", "deleted.txt", "gone-edited.txt", "gone.txt", "new.txt"])
        XCTAssertEqual(report.entries.map(\.action), [.merge, .update, .keptDeleted, .keepEdited, .delete, .create])
        XCTAssertEqual(report.conflicts, [])

        XCTAssertEqual(try text(target, "a.txt"), "ONE\ntwo\nTHREE\n")
        XCTAssertEqual(try text(target, "b.txt"), "B\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent("deleted.txt").path))
        XCTAssertEqual(try text(target, "gone-edited.txt"), "mine\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent("gone.txt").path))
        XCTAssertEqual(try text(target, "new.txt"), "n\n")
        XCTAssertEqual(try text(target, "user.txt"), "user\n")
        XCTAssertEqual(try text(target, ".stamp/base/a.txt"), "one\ntwo\nTHREE\n")
        XCTAssertEqual(try text(target, ".stamp/answers.yaml"), "version: 1\nnew: true\n")
        // The manifest records the generation's bytes, so the merged file still counts as edited.
        let manifest = try XCTUnwrap(try ManifestLoader().manifest(in: target))
        XCTAssertEqual(manifest, generation(new).manifest)
        XCTAssertNotEqual(try ManifestLoader().hash(of: "a.txt", in: target), manifest.files["a.txt"])
        try assertNoStagingLeft(in: sandbox, target)
    }

    func testConflictsAreWrittenWithMarkersAndReported() throws {
        let target = sandbox.appendingPathComponent("out")
        try RepositoryWriter().write(generation(["a.txt": "x = 1\n"]), to: target)
        try put("x = 2\n", at: "a.txt", in: target)
        let report = try RepositoryUpdater().update(generation(["a.txt": "x = 3\n"]), in: target)
        XCTAssertEqual(report.conflicts, ["a.txt"])
        XCTAssertEqual(
            try text(target, "a.txt"),
            "<<<<<<< ours (your edit)\nx = 2\n=======\nx = 3\n>>>>>>> theirs (stamp)\n")
    }

    func testDryRunAndRefusalsWriteNothing() throws {
        let target = try prepared()
        let before = try snapshot(sandbox)
        let report = try RepositoryUpdater().update(generation(new), in: target, dryRun: true)
        XCTAssertEqual(report.changes.count, 6)
        XCTAssertEqual(try snapshot(sandbox), before)

        let foreign = sandbox.appendingPathComponent("foreign")
        try put("x\n", at: "file", in: foreign)
        XCTAssertThrowsError(try RepositoryUpdater().update(generation(new), in: foreign)) { error in
            XCTAssertEqual(error as? OutputError, .notGeneratedByStamp(directory: foreign.path))
        }
    }

    func testAFailedUpdateIsRolledBack() throws {
        let target = try prepared()
        let before = try snapshot(sandbox)
        let failing = RepositoryWriter(beforeEachMove: { path in
            if path == RepositoryLayout.manifestPath { throw OutputError.io(path: path, underlying: "injected") }
        })
        XCTAssertThrowsError(try RepositoryUpdater(writer: failing).update(generation(new), in: target))
        XCTAssertEqual(try snapshot(sandbox), before)
        try assertNoStagingLeft(in: sandbox, target)
    }
}
