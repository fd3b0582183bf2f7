import Foundation

public enum ThreeWayMerge {
    public struct Result: Sendable, Equatable {
        public var text: String
        public var conflicts: Int

        public init(text: String, conflicts: Int) {
            self.text = text
            self.conflicts = conflicts
        }
    }

    /// diff3-style merge of line-based changes: base = what stamp generated last time, ours = the file on
    /// disk (the user's edits), theirs = the new generation. Non-overlapping changes from both sides are
    /// combined; identical changes on both sides are taken once; overlapping different changes become a
    /// conflict written with standard markers:
    /// `<<<<<<< ours (your edit)` … `=======` … `>>>>>>> theirs (stamp)` (labels as parameters with these defaults).
    ///
    /// Rules, chosen to match `git merge-file`:
    /// - Each side's changes are the hunks of its diff from base (base lines replaced by new lines).
    /// - Hunks from the two sides that overlap *or touch* (one ends on the base line where the other
    ///   begins, or both insert at the same place) form one region; chains of such hunks grow it.
    ///   Touching edits conflict because nothing in base says which order the two sides' lines go in,
    ///   or whether one edit still makes sense next to the other.
    /// - A region changed by one side only takes that side; a region both sides turned into the same
    ///   lines takes them once; otherwise it is a conflict. Lines both sides agree on at the start and
    ///   end of a conflict are written outside the markers, so the markers hold only the disagreement.
    /// - The final newline is part of the last line, so adding or removing it is an ordinary change.
    ///   A conflict side that lacks it gets one, so that the marker after it starts its own line.
    public static func merge(
        base: String, ours: String, theirs: String,
        oursLabel: String = "ours (your edit)", theirsLabel: String = "theirs (stamp)"
    ) -> Result {
        let baseLines = TextLines(base), oursLines = TextLines(ours), theirsLines = TextLines(theirs)
        // Work on terminated lines so that joining them gives the exact text back.
        let b = baseLines.lines.indices.map(baseLines.terminated)
        let o = oursLines.lines.indices.map(oursLines.terminated)
        let t = theirsLines.lines.indices.map(theirsLines.terminated)
        let changes =
            LineDiff.hunks(LineDiff.script(baseLines, oursLines)).map { Change(hunk: $0, lines: o, isOurs: true) }
            + LineDiff.hunks(LineDiff.script(baseLines, theirsLines)).map { Change(hunk: $0, lines: t, isOurs: false) }
        let sorted = changes.sorted {
            ($0.hunk.a.lowerBound, $0.hunk.a.upperBound) < ($1.hunk.a.lowerBound, $1.hunk.a.upperBound)
        }

        var out: [String] = []
        var conflicts = 0
        var position = 0  // next base line not yet copied or replaced
        var index = 0
        while index < sorted.count {
            // Grow a region from this change over every change that overlaps or touches it.
            var region = sorted[index].hunk.a
            var members = [sorted[index]]
            index += 1
            while index < sorted.count, sorted[index].hunk.a.lowerBound <= region.upperBound {
                region = region.lowerBound..<max(region.upperBound, sorted[index].hunk.a.upperBound)
                members.append(sorted[index])
                index += 1
            }
            out += b[position..<region.lowerBound]
            position = region.upperBound

            let mine = members.filter(\.isOurs), others = members.filter { !$0.isOurs }
            let oursVersion = apply(mine, to: b, in: region)
            let theirsVersion = apply(others, to: b, in: region)
            if others.isEmpty || bytesEqual(oursVersion, theirsVersion) {
                out += oursVersion
            } else if mine.isEmpty {
                out += theirsVersion
            } else {
                conflicts += 1
                out += conflict(oursVersion, theirsVersion, oursLabel: oursLabel, theirsLabel: theirsLabel)
            }
        }
        out += b[position...]
        return Result(text: out.joined(), conflicts: conflicts)
    }

    /// One side's hunk, with that side's terminated lines to take its replacement from.
    private struct Change {
        var hunk: LineDiff.Hunk
        var lines: [String]
        var isOurs: Bool
    }

    /// Base lines `region` with one side's changes (all inside the region, sorted) applied.
    private static func apply(_ changes: [Change], to base: [String], in region: Range<Int>) -> [String] {
        var result: [String] = []
        var position = region.lowerBound
        for change in changes {
            result += base[position..<change.hunk.a.lowerBound]
            result += change.lines[change.hunk.b]
            position = change.hunk.a.upperBound
        }
        return result + base[position..<region.upperBound]
    }

    private static func conflict(
        _ ours: [String], _ theirs: [String], oursLabel: String, theirsLabel: String
    ) -> [String] {
        var prefix = 0
        while prefix < ours.count, prefix < theirs.count, bytesEqual(ours[prefix], theirs[prefix]) { prefix += 1 }
        var suffix = 0
        while suffix < ours.count - prefix, suffix < theirs.count - prefix,
            bytesEqual(ours[ours.count - 1 - suffix], theirs[theirs.count - 1 - suffix])
        { suffix += 1 }
        func terminated(_ lines: ArraySlice<String>) -> [String] {
            // utf8, since `hasSuffix("\n")` is false for "\r\n" (one Character in Swift).
            guard let last = lines.last, last.utf8.last != 0x0A else { return Array(lines) }
            return Array(lines.dropLast()) + [last + "\n"]
        }
        return Array(ours[..<prefix])
            + ["<<<<<<< \(oursLabel)\n"] + terminated(ours[prefix..<(ours.count - suffix)])
            + ["=======\n"] + terminated(theirs[prefix..<(theirs.count - suffix)])
            + [">>>>>>> \(theirsLabel)\n"]
            + ours[(ours.count - suffix)...]
    }

    /// Byte equality: String's `==` would treat canonically equivalent lines as the same edit.
    private static func bytesEqual(_ x: String, _ y: String) -> Bool { x.utf8.elementsEqual(y.utf8) }
    private static func bytesEqual(_ x: [String], _ y: [String]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { bytesEqual($0, $1) }
    }
}
