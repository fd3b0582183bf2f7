import Foundation

public enum UnifiedDiff {
    /// git-style unified diff: `diff --git a/PATH b/PATH`, `--- a/PATH` / `+++ b/PATH` (or `/dev/null` with
    /// `new file mode 100644` / `deleted file mode 100644` for created / deleted files), hunks `@@ -l,s +l,s @@`
    /// with `context` lines, and `\ No newline at end of file` where a side lacks its final newline.
    /// Returns "" when old == new. `old == nil` means the file is created, `new == nil` deleted.
    ///
    /// Hunks whose changes are at most `2 * context` lines apart are joined, as git and GNU diff
    /// do, so no line is printed twice. Unlike git there is no `index` line: stamp has no blobs.
    public static func render(path: String, old: String?, new: String?, context: Int = 3) -> String {
        if old == nil, new == nil { return "" }
        // Bytes, not String `==`: canonically equivalent texts are still different files.
        if let old, let new, old.utf8.elementsEqual(new.utf8) { return "" }
        let a = TextLines(old ?? ""), b = TextLines(new ?? "")
        var out = "diff --git a/\(path) b/\(path)\n"
        if old == nil { out += "new file mode 100644\n" }
        if new == nil { out += "deleted file mode 100644\n" }
        let ops = LineDiff.script(a, b)
        // Creating or deleting an empty file has no hunk; git then prints no ---/+++ lines either.
        guard ops.contains(where: { !$0.isKeep }) else { return out }
        out += old == nil ? "--- /dev/null\n" : "--- a/\(path)\n"
        out += new == nil ? "+++ /dev/null\n" : "+++ b/\(path)\n"
        for range in hunkRanges(ops, context: max(0, context)) {
            out += hunk(ops, range, a: a, b: b)
        }
        return out
    }

    /// Lines added and removed, for `--stat`.
    public static func counts(old: String?, new: String?) -> (added: Int, removed: Int) {
        let ops = LineDiff.script(TextLines(old ?? ""), TextLines(new ?? ""))
        var added = 0, removed = 0
        for op in ops {
            switch op {
            case .keep: break
            case .insert: added += 1
            case .delete: removed += 1
            }
        }
        return (added, removed)
    }

    /// Ranges of `ops` to print: each run of changes with up to `context` kept lines around it,
    /// runs separated by at most `2 * context` kept lines sharing one hunk.
    static func hunkRanges(_ ops: [LineDiff.Op], context: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, op) in ops.enumerated() where !op.isKeep {
            let lower = max(0, index - context), upper = min(ops.count, index + 1 + context)
            if let last = ranges.last, lower <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<upper
            } else {
                ranges.append(lower..<upper)
            }
        }
        return ranges
    }

    private static func hunk(_ all: [LineDiff.Op], _ range: Range<Int>, a: TextLines, b: TextLines) -> String {
        let ops = all[range]
        // Lines before the hunk on each side: a keep or delete consumes an old line, a keep or
        // insert a new one. Cheap enough to count from the start for the few hunks of a file.
        let before = all[..<range.lowerBound]
        let aBefore = before.filter { !isInsert($0) }.count, bBefore = before.filter { !isDelete($0) }.count
        let aCount = ops.filter { !isInsert($0) }.count, bCount = ops.filter { !isDelete($0) }.count
        var out = "@@ -\(header(aBefore, aCount)) +\(header(bBefore, bCount)) @@\n"
        for op in ops {
            switch op {
            case .keep(let i, _):
                out += " \(a.lines[i])\n"
                if a.lacksNewline(at: i) { out += noNewline }
            case .delete(let i):
                out += "-\(a.lines[i])\n"
                if a.lacksNewline(at: i) { out += noNewline }
            case .insert(let j):
                out += "+\(b.lines[j])\n"
                if b.lacksNewline(at: j) { out += noNewline }
            }
        }
        return out
    }

    /// `l,s` with `l` 1-based; an empty side names the line before it (so "0,0" at the start),
    /// and a count of 1 is left out, as diff(1) and git print it.
    private static func header(_ before: Int, _ count: Int) -> String {
        switch count {
        case 0: "\(before),0"
        case 1: "\(before + 1)"
        default: "\(before + 1),\(count)"
        }
    }

    private static func isInsert(_ op: LineDiff.Op) -> Bool { if case .insert = op { true } else { false } }
    private static func isDelete(_ op: LineDiff.Op) -> Bool { if case .delete = op { true } else { false } }

    private static let noNewline = "\\ No newline at end of file\n"
}
