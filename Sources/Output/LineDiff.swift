import Foundation

/// Lines of a text, keeping whether it ended with a newline.
///
/// Lines are split on "\n" only (a "\r" before it stays part of the line), by Unicode scalar rather
/// than by `Character`: Swift treats "\r\n" as one `Character`, which would hide the line break.
public struct TextLines: Sendable, Equatable {
    /// The lines without their "\n" terminators.
    public var lines: [String]
    /// Whether the last line was followed by "\n". Always `false` for an empty text.
    public var endsWithNewline: Bool

    public init(_ text: String) {
        var parts = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0) }
        // "a\nb\n" splits into ["a", "b", ""]: the empty tail only records the final newline.
        endsWithNewline = parts.count > 1 && parts.last == ""
        if parts.last == "" { parts.removeLast() }
        lines = parts
    }

    /// Line `index` with its terminator, so that concatenating all of them gives back the text.
    func terminated(_ index: Int) -> String {
        index < lines.count - 1 || endsWithNewline ? lines[index] + "\n" : lines[index]
    }

    /// Whether line `index` is the last one and has no "\n" after it.
    func lacksNewline(at index: Int) -> Bool {
        index == lines.count - 1 && !endsWithNewline
    }
}

public enum LineDiff {
    public enum Edit: Sendable, Equatable { case keep(String), insert(String), delete(String) }

    /// Shortest edit script (Myers' O(ND) algorithm) turning `old` into `new`, line by line.
    ///
    /// A last line without "\n" differs from the same line with one, as in git: otherwise a diff
    /// could not show (or a merge apply) a change to the final newline.
    public static func edits(from old: String, to new: String) -> [Edit] {
        let a = TextLines(old), b = TextLines(new)
        return script(a, b).map { op in
            switch op {
            case .keep(let i, _): return .keep(a.lines[i])
            case .delete(let i): return .delete(a.lines[i])
            case .insert(let j): return .insert(b.lines[j])
            }
        }
    }

    /// One step of an edit script, by line index into the old (`a`) and new (`b`) texts.
    enum Op: Equatable {
        case keep(Int, Int), delete(Int), insert(Int)
        var isKeep: Bool { if case .keep = self { true } else { false } }
    }

    /// The shortest edit script from `a` to `b`. Within each run of changes the deletions come
    /// first, as `diff -u` and `git diff` print them; any order of a run is equally short.
    static func script(_ a: TextLines, _ b: TextLines) -> [Op] {
        // Compare interned ids of the terminated lines' bytes: cheap, and exact (String's `==`
        // is canonical equivalence, which would call "é" and "e\u{301}" the same line).
        var ids: [[UInt8]: Int] = [:]
        func intern(_ t: TextLines) -> [Int] {
            t.lines.indices.map { i in
                let key = Array(t.terminated(i).utf8)
                if let id = ids[key] { return id }
                ids[key] = ids.count
                return ids.count - 1
            }
        }
        let raw = myers(intern(a), intern(b))
        var result: [Op] = [], deletes: [Op] = [], inserts: [Op] = []
        for op in raw {
            switch op {
            case .keep:
                result += deletes + inserts
                deletes = []; inserts = []
                result.append(op)
            case .delete: deletes.append(op)
            case .insert: inserts.append(op)
            }
        }
        return result + deletes + inserts
    }

    /// Myers' greedy algorithm with a trace for backtracking. The common prefix and suffix are
    /// stripped first: typical edits touch few lines, so this keeps D and the trace small.
    static func myers(_ a: [Int], _ b: [Int]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        { suffix += 1 }
        let n = a.count - prefix - suffix, m = b.count - prefix - suffix
        var middle: [Op] = []
        if n == 0 || m == 0 {
            middle = (0..<n).map { .delete(prefix + $0) } + (0..<m).map { .insert(prefix + $0) }
        } else {
            middle = myersCore(Array(a[prefix..<(prefix + n)]), Array(b[prefix..<(prefix + m)]))
                .map { op in
                    switch op {
                    case .keep(let i, let j): .keep(prefix + i, prefix + j)
                    case .delete(let i): .delete(prefix + i)
                    case .insert(let j): .insert(prefix + j)
                    }
                }
        }
        return (0..<prefix).map { .keep($0, $0) } + middle
            + (0..<suffix).map { .keep(a.count - suffix + $0, b.count - suffix + $0) }
    }

    private static func myersCore(_ a: [Int], _ b: [Int]) -> [Op] {
        let n = a.count, m = b.count, limit = n + m, offset = limit + 1
        // v[offset + k] = furthest x reached on diagonal k = x - y.
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d] = v for diagonals -(d+1)...(d+1) before round d: O(D²) memory, not O(D·(N+M)).
        var trace: [[Int]] = []
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        var ops: [Op] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let row = trace[d]
            func at(_ k: Int) -> Int { row[k + d + 1] }
            let k = x - y
            let prevK = k == -d || (k != d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
            let prevX = at(prevK), prevY = prevX - prevK
            while x > prevX, y > prevY {
                ops.append(.keep(x - 1, y - 1)); x -= 1; y -= 1
            }
            if d > 0 { ops.append(x == prevX ? .insert(y - 1) : .delete(x - 1)) }
            x = prevX; y = prevY
        }
        return ops.reversed()
    }

    /// The changed regions of `script`: base range `a` replaced by lines `b` of the other text.
    struct Hunk: Equatable {
        var a: Range<Int>
        var b: Range<Int>
    }

    static func hunks(_ ops: [Op]) -> [Hunk] {
        var result: [Hunk] = []
        var i = 0, j = 0, open: Hunk?
        for op in ops {
            switch op {
            case .keep:
                if let h = open { result.append(h); open = nil }
                i += 1; j += 1
            case .delete:
                open = Hunk(a: (open?.a.lowerBound ?? i)..<(i + 1), b: open?.b ?? j..<j)
                i += 1
            case .insert:
                open = Hunk(a: open?.a ?? i..<i, b: (open?.b.lowerBound ?? j)..<(j + 1))
                j += 1
            }
        }
        if let h = open { result.append(h) }
        return result
    }
}
