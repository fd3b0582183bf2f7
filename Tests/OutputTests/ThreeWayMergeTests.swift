import Foundation
import XCTest

@testable import Output

final class ThreeWayMergeTests: XCTestCase {
    private let base = "1\n2\n3\n4\n5\n6\n7\n8\n9\n"

    private func merge(_ base: String, _ ours: String, _ theirs: String) -> ThreeWayMerge.Result {
        ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
    }

    private func clean(_ text: String) -> ThreeWayMerge.Result { .init(text: text, conflicts: 0) }

    func testOneSidedChangesTakeThatSide() {
        let edited = "1\n2\nmine\n4\n5\n6\n7\n8\n9\n"
        XCTAssertEqual(merge(base, edited, base), clean(edited))
        XCTAssertEqual(merge(base, base, edited), clean(edited))
        XCTAssertEqual(merge(base, base, base), clean(base))
    }

    func testChangesToDifferentRegionsAreBothApplied() {
        let ours = "1\nmine\n3\n4\n5\n6\n7\n8\n9\nadded\n"
        let theirs = "0\n1\n2\n3\n4\n5\n6\n7\nstamp\n9\n"
        XCTAssertEqual(merge(base, ours, theirs), clean("0\n1\nmine\n3\n4\n5\n6\n7\nstamp\n9\nadded\n"))
    }

    func testTheSameChangeOnBothSidesIsTakenOnce() {
        let same = "1\n2\nboth\n4\n5\n6\n7\n8\n9\n"
        XCTAssertEqual(merge(base, same, same), clean(same))
        // The same change, plus one more change by the user elsewhere.
        XCTAssertEqual(
            merge(base, "1\n2\nboth\n4\n5\n6\n7\nmine\n9\n", same),
            clean("1\n2\nboth\n4\n5\n6\n7\nmine\n9\n"))
    }

    func testOverlappingDifferentChangesConflict() {
        let result = merge(base, "1\n2\n3\nmine\n5\n6\n7\n8\n9\n", "1\n2\n3\nstamp\nmore\n5\n6\n7\n8\n9\n")
        XCTAssertEqual(result.conflicts, 1)
        XCTAssertEqual(
            result.text,
            "1\n2\n3\n<<<<<<< ours (your edit)\nmine\n=======\nstamp\nmore\n>>>>>>> theirs (stamp)\n5\n6\n7\n8\n9\n")
        // Two separate conflicts are counted apart; labels are parameters.
        let two = ThreeWayMerge.merge(
            base: base, ours: "a\n2\n3\n4\n5\n6\n7\n8\nb\n", theirs: "A\n2\n3\n4\n5\n6\n7\n8\nB\n",
            oursLabel: "mine", theirsLabel: "new")
        XCTAssertEqual(
            two,
            .init(
                text: "<<<<<<< mine\na\n=======\nA\n>>>>>>> new\n2\n3\n4\n5\n6\n7\n8\n"
                    + "<<<<<<< mine\nb\n=======\nB\n>>>>>>> new\n", conflicts: 2))
    }

    func testLinesBothSidesAgreeOnStayOutsideTheMarkers() {
        // Both replace 4-5; they agree on the first new line only.
        let result = merge(base, "1\n2\n3\nsame\nmine\n6\n7\n8\n9\n", "1\n2\n3\nsame\nstamp\n6\n7\n8\n9\n")
        XCTAssertEqual(
            result,
            .init(
                text:
                    "1\n2\n3\nsame\n<<<<<<< ours (your edit)\nmine\n=======\nstamp\n>>>>>>> theirs (stamp)\n6\n7\n8\n9\n",
                conflicts: 1))
    }

    func testABlockTheUserDeletedStaysDeleted() {
        XCTAssertEqual(
            merge(base, "1\n2\n6\n7\n8\n9\n", "1\n2\n3\n4\n5\n6\n7\nstamp\n9\n"),
            clean("1\n2\n6\n7\nstamp\n9\n"))
        // Deleted by the user, changed by stamp: a conflict, not a silent resurrection.
        XCTAssertEqual(merge(base, "1\n2\n6\n7\n8\n9\n", "1\n2\n3\nstamp\n5\n6\n7\n8\n9\n").conflicts, 1)
    }

    /// Our rule (git's): edits that touch, i.e. one ends on the base line where the other begins,
    /// or that insert at the same place, conflict, since base cannot say how they combine.
    func testAdjacentEditsConflict() {
        let result = merge(base, "1\n2\nmine\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\nstamp\n5\n6\n7\n8\n9\n")
        XCTAssertEqual(
            result,
            .init(
                text:
                    "1\n2\n<<<<<<< ours (your edit)\nmine\n4\n=======\n3\nstamp\n>>>>>>> theirs (stamp)\n5\n6\n7\n8\n9\n",
                conflicts: 1))
        // Both insert different lines at the same place.
        XCTAssertEqual(
            merge("a\nb\n", "a\nmine\nb\n", "a\nstamp\nb\n"),
            .init(text: "a\n<<<<<<< ours (your edit)\nmine\n=======\nstamp\n>>>>>>> theirs (stamp)\nb\n", conflicts: 1))
        // One unchanged line between the edits is enough to merge them.
        XCTAssertEqual(
            merge(base, "1\n2\nmine\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nstamp\n6\n7\n8\n9\n"),
            clean("1\n2\nmine\n4\nstamp\n6\n7\n8\n9\n"))
    }

    func testEmptyFiles() {
        XCTAssertEqual(merge("", "", ""), clean(""))
        XCTAssertEqual(merge("", "x\n", ""), clean("x\n"))
        XCTAssertEqual(merge("", "", "y\n"), clean("y\n"))
        XCTAssertEqual(merge("", "same\n", "same\n"), clean("same\n"))
        XCTAssertEqual(
            merge("", "x\n", "y\n"),
            .init(text: "<<<<<<< ours (your edit)\nx\n=======\ny\n>>>>>>> theirs (stamp)\n", conflicts: 1))
        // The user emptied a file stamp did not change: it stays empty.
        XCTAssertEqual(merge("a\nb\n", "", "a\nb\n"), clean(""))
    }

    func testFinalNewline() {
        // The user adds the final newline, stamp changes another line: both kept.
        XCTAssertEqual(merge("a\nm\nb", "a\nm\nb\n", "A\nm\nb"), clean("A\nm\nb\n"))
        // Stamp drops it, the user changed another line.
        XCTAssertEqual(merge("a\nm\nb\n", "A\nm\nb\n", "a\nm\nb"), clean("A\nm\nb"))
        // Conflicting last lines without newlines: markers still start their own lines.
        XCTAssertEqual(
            merge("a\nb", "a\nx", "a\ny"),
            .init(text: "a\n<<<<<<< ours (your edit)\nx\n=======\ny\n>>>>>>> theirs (stamp)\n", conflicts: 1))
        // Carriage returns are kept as they are.
        XCTAssertEqual(merge("a\r\nm\r\nb\r\n", "A\r\nm\r\nb\r\n", "a\r\nm\r\nB\r\n"), clean("A\r\nm\r\nB\r\n"))
    }

    /// merge(base, x, base) == x, merge(base, base, y) == y and merge(base, x, x) == x, for random small
    /// texts with many repeated lines (the hard case for alignment), from a fixed seed.
    func testMergeIdentitiesOnRandomTexts() {
        var random = SeededRandom(seed: 2024)
        func text() -> String {
            let lines = (0..<random.next(9)).map { _ in ["a", "b", "c", "", "d"][random.next(5)] }
            let joined = lines.joined(separator: "\n")
            return lines.isEmpty || random.next(3) == 0 ? joined : joined + "\n"
        }
        /// `base` with a few random line edits, so that x shares most of base as real edits do.
        func edit(_ base: String) -> String {
            var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<random.next(4) {
                let at = random.next(lines.count + 1)
                switch random.next(3) {
                case 0: lines.insert(["x", "a", ""][random.next(3)], at: at)
                case 1: if at < lines.count { lines.remove(at: at) }
                default: if at < lines.count { lines[at] = "y" }
                }
            }
            return lines.joined(separator: "\n")
        }
        for round in 0..<500 {
            let base = text()
            let x = round % 2 == 0 ? text() : edit(base)
            XCTAssertEqual(
                merge(base, x, base), clean(x), "round \(round): \(base.debugDescription) \(x.debugDescription)")
            XCTAssertEqual(merge(base, base, x), clean(x), "round \(round)")
            XCTAssertEqual(merge(base, x, x), clean(x), "round \(round)")
        }
    }
}
