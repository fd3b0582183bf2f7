import Foundation
import XCTest

@testable import Output

final class LineDiffTests: XCTestCase {
    /// "1\n2\n…\n(n)\n", with `changes` replacing some lines.
    private func numbered(_ n: Int, _ changes: [Int: String] = [:]) -> String {
        (1...n).map { (changes[$0] ?? "\($0)") + "\n" }.joined()
    }

    private func header(_ path: String = "f") -> String {
        "diff --git a/\(path) b/\(path)\n--- a/\(path)\n+++ b/\(path)\n"
    }

    func testTextLinesKeepTheFinalNewlineAndCarriageReturns() {
        XCTAssertEqual(TextLines("").lines, [])
        XCTAssertFalse(TextLines("").endsWithNewline)
        XCTAssertEqual(TextLines("\n").lines, [""])
        XCTAssertTrue(TextLines("\n").endsWithNewline)
        XCTAssertEqual(TextLines("a\r\nb").lines, ["a\r", "b"])
        XCTAssertFalse(TextLines("a\r\nb").endsWithNewline)
        XCTAssertEqual(TextLines("a\n\n").lines, ["a", ""])
    }

    func testEditsAreAShortestScriptWithDeletionsFirst() {
        XCTAssertEqual(
            LineDiff.edits(from: "a\nb\nc\n", to: "a\nx\nc\n"),
            [.keep("a"), .delete("b"), .insert("x"), .keep("c")])
        XCTAssertEqual(LineDiff.edits(from: "", to: "a\n"), [.insert("a")])
        XCTAssertEqual(LineDiff.edits(from: "a", to: ""), [.delete("a")])
        // Myers' paper example: ABCABBA -> CBABAC needs 5 edits (LCS of 4).
        let old = "A B C A B B A".split(separator: " ").map { $0 + "\n" }.joined()
        let new = "C B A B A C".split(separator: " ").map { $0 + "\n" }.joined()
        let edits = LineDiff.edits(from: old, to: new)
        XCTAssertEqual(edits.filter { if case .keep = $0 { false } else { true } }.count, 5)
        // Applying the script gives back both texts.
        XCTAssertEqual(
            edits.compactMap { if case .insert(let s) = $0 { s } else if case .keep(let s) = $0 { s } else { nil } },
            new.split(separator: "\n").map(String.init))
        XCTAssertEqual(
            edits.compactMap { if case .delete(let s) = $0 { s } else if case .keep(let s) = $0 { s } else { nil } },
            old.split(separator: "\n").map(String.init))
    }

    func testIdenticalTextsHaveNoDiff() {
        XCTAssertEqual(UnifiedDiff.render(path: "f", old: "a\nb\n", new: "a\nb\n"), "")
        XCTAssertEqual(UnifiedDiff.render(path: "f", old: "", new: ""), "")
        XCTAssertEqual(UnifiedDiff.render(path: "f", old: nil, new: nil), "")
        // Canonically equivalent but different bytes: a real change.
        XCTAssertNotEqual(UnifiedDiff.render(path: "f", old: "\u{E9}\n", new: "e\u{301}\n"), "")
    }

    func testReplaceInsertAndDeleteInTheMiddle() {
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: numbered(9), new: numbered(9, [5: "five"])),
            header() + "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: numbered(9), new: numbered(9, [5: "5\nnew"])),
            header() + "@@ -3,6 +3,7 @@\n 3\n 4\n 5\n+new\n 6\n 7\n 8\n")
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: numbered(9, [5: "5\nold"]), new: numbered(9)),
            header() + "@@ -3,7 +3,6 @@\n 3\n 4\n 5\n-old\n 6\n 7\n 8\n")
        // With no context an insertion names the line it follows, and a count of 1 is omitted.
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "a\nb\n", new: "a\nx\nb\n", context: 0),
            header() + "@@ -1,0 +2 @@\n+x\n")
    }

    func testChangesAtTheStartAndTheEnd() {
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "a\nb\nc\nd\ne\n", new: "z\na\nb\nc\nd\ne\n"),
            header() + "@@ -1,3 +1,4 @@\n+z\n a\n b\n c\n")
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "a\nb\nc\nd\ne\n", new: "b\nc\nd\ne\n"),
            header() + "@@ -1,4 +1,3 @@\n-a\n b\n c\n d\n")
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "a\nb\nc\nd\ne\n", new: "a\nb\nc\nd\n"),
            header() + "@@ -2,4 +2,3 @@\n b\n c\n d\n-e\n")
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "a\nb\nc\nd\ne\n", new: "a\nb\nc\nd\nE\n"),
            header() + "@@ -2,4 +2,4 @@\n b\n c\n d\n-e\n+E\n")
    }

    func testMissingFinalNewlineOnEitherSide() {
        let marker = "\\ No newline at end of file\n"
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "a\nb", new: "a\nb\n"),
            header() + "@@ -1,2 +1,2 @@\n a\n-b\n" + marker + "+b\n")
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "a\nb\n", new: "a\nb"),
            header() + "@@ -1,2 +1,2 @@\n a\n-b\n+b\n" + marker)
        // Both sides lack it and the last line is context: the marker follows the context line.
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "a\nb\nc", new: "x\nb\nc"),
            header() + "@@ -1,3 +1,3 @@\n-a\n+x\n b\n c\n" + marker)
        XCTAssertEqual(UnifiedDiff.counts(old: "a\nb", new: "a\nb\n").added, 1)
    }

    func testCreatedAndDeletedFiles() {
        XCTAssertEqual(
            UnifiedDiff.render(path: "dir/f.tf", old: nil, new: "a\nb\n"),
            "diff --git a/dir/f.tf b/dir/f.tf\nnew file mode 100644\n--- /dev/null\n+++ b/dir/f.tf\n"
                + "@@ -0,0 +1,2 @@\n+a\n+b\n")
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "a\n", new: nil),
            "diff --git a/f b/f\ndeleted file mode 100644\n--- a/f\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n")
        // Empty files have no hunk, so (like git) no ---/+++ lines either.
        XCTAssertEqual(UnifiedDiff.render(path: "f", old: nil, new: ""), "diff --git a/f b/f\nnew file mode 100644\n")
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: "", new: nil), "diff --git a/f b/f\ndeleted file mode 100644\n")
    }

    func testHunksSplitBeyondTwiceTheContextAndMergeWithin() {
        // Changes at lines 3 and 11: 7 unchanged lines between them > 2 * 3, so two hunks.
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: numbered(20), new: numbered(20, [3: "x", 11: "y"])),
            header() + "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+x\n 4\n 5\n 6\n"
                + "@@ -8,7 +8,7 @@\n 8\n 9\n 10\n-11\n+y\n 12\n 13\n 14\n")
        // Changes at lines 3 and 10: exactly 6 lines between them, so one hunk.
        XCTAssertEqual(
            UnifiedDiff.render(path: "f", old: numbered(20), new: numbered(20, [3: "x", 10: "y"])),
            header() + "@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+x\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+y\n 11\n 12\n 13\n")
    }

    func testCounts() {
        XCTAssertTrue(UnifiedDiff.counts(old: "a\n", new: "a\n") == (0, 0))
        XCTAssertTrue(UnifiedDiff.counts(old: nil, new: nil) == (0, 0))
        XCTAssertTrue(UnifiedDiff.counts(old: nil, new: "a\nb\n") == (2, 0))
        XCTAssertTrue(UnifiedDiff.counts(old: "a\nb\nc\n", new: nil) == (0, 3))
        XCTAssertTrue(
            UnifiedDiff.counts(old: numbered(20), new: numbered(20, [3: "x\nx2", 11: "y", 15: "15"])) == (3, 2))
    }

    // MARK: - Cross-check against git and GNU diff

    /// Random edits of numbered lines: lines are unique and never reordered, so the longest common
    /// subsequence (and hence every correct minimal diff) is unique, and the outputs must agree exactly.
    func testAgreesWithGitAndGNUDiff() throws {
        var random = SeededRandom(seed: 42)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-linediff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let oldURL = dir.appendingPathComponent("old"), newURL = dir.appendingPathComponent("new")

        for round in 0..<40 {
            let count = random.next(30)
            var old: [String] = [], new: [String] = []
            for i in 0..<count {
                old.append("line \(i)")
                switch random.next(6) {
                case 0: break  // deleted
                case 1: new += ["new \(i)", "line \(i)"]
                case 2: new.append("changed \(i)")
                default: new.append("line \(i)")
                }
            }
            if random.next(4) == 0 { new.append("tail") }
            let oldText = old.map { $0 + "\n" }.joined().dropLastNewline(random.next(5) == 0)
            let newText = new.map { $0 + "\n" }.joined().dropLastNewline(random.next(5) == 0)
            try Data(oldText.utf8).write(to: oldURL)
            try Data(newText.utf8).write(to: newURL)
            let context = [0, 1, 3][round % 3]

            let ours = hunks(UnifiedDiff.render(path: "f", old: oldText, new: newText, context: context))
            let git = hunks(
                try run(
                    [
                        "git", "diff", "--no-index", "--no-color", "--no-ext-diff", "--diff-algorithm=myers",
                        "-U\(context)", oldURL.path, newURL.path,
                    ], in: dir))
            let gnu = hunks(try run(["diff", "-U\(context)", oldURL.path, newURL.path], in: dir))
            XCTAssertEqual(ours, git, "round \(round): \(oldText.debugDescription) -> \(newText.debugDescription)")
            XCTAssertEqual(ours, gnu, "round \(round)")
        }
    }

    /// Texts with many repeated lines have many minimal diffs, so compare only the sizes, which are
    /// the same for every minimal diff (git's Myers is exact at these sizes).
    func testCountsAgreeWithGitNumstat() throws {
        var random = SeededRandom(seed: 7)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-linediff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let oldURL = dir.appendingPathComponent("old"), newURL = dir.appendingPathComponent("new")
        for round in 0..<30 {
            let oldText = (0..<random.next(15)).map { _ in "abc".randomLine(&random) }.joined()
            let newText = (0..<random.next(15)).map { _ in "abc".randomLine(&random) }.joined()
            try Data(oldText.utf8).write(to: oldURL)
            try Data(newText.utf8).write(to: newURL)
            let numstat = try run(
                [
                    "git", "diff", "--no-index", "--numstat", "--diff-algorithm=myers",
                    oldURL.path, newURL.path,
                ], in: dir)
            let fields = numstat.split(separator: "\t").prefix(2).compactMap { Int($0) }
            let counts = UnifiedDiff.counts(old: oldText, new: newText)
            XCTAssertEqual([counts.added, counts.removed], fields.isEmpty ? [0, 0] : fields, "round \(round)")
        }
    }

    /// The hunks of a diff, from the first "@@" on: the header lines differ between tools. git also
    /// appends a "function name" (the last line starting with a letter) to hunk headers; stamp does not.
    private func hunks(_ diff: String) -> String {
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.drop { !$0.hasPrefix("@@ ") }.map { line in
            guard line.hasPrefix("@@ "),
                let end = line.range(of: " @@", range: line.index(line.startIndex, offsetBy: 3)..<line.endIndex)
            else { return String(line) }
            return String(line[..<end.upperBound])
        }.joined(separator: "\n")
    }

    private func run(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Both tools exit 1 when the files differ; 2 or more is a real failure.
        XCTAssertLessThan(process.terminationStatus, 2, "\(arguments)")
        return String(decoding: data, as: UTF8.self)
    }
}

/// SplitMix64: deterministic across runs and platforms, unlike the system generator.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

extension String {
    func dropLastNewline(_ drop: Bool) -> String { drop && hasSuffix("\n") ? String(dropLast()) : self }

    /// One line, "\n"-terminated, of one of this string's characters (or empty).
    func randomLine(_ random: inout SeededRandom) -> String {
        let pick = random.next(count + 1)
        return pick == count ? "\n" : "\(Array(self)[pick])\n"
    }
}
