/// "did you mean `medium`?" for unknown keys and enum values.
enum DidYouMean {
    /// The closest candidate by edit distance (case-insensitive), when it is close enough to be a
    /// likely typo: at most a third of the candidate's length (at least 1, at most 3 edits).
    /// Ties go to the earlier candidate, so the suggestion is deterministic.
    static func suggestion(for value: String, among candidates: [String]) -> String? {
        let lowered = value.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != value {
            let distance = editDistance(lowered, candidate.lowercased())
            let allowed = min(3, max(1, candidate.count / 3))
            guard distance <= allowed else { continue }
            if distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Edit distance over characters counting a swap of neighbours as one edit (`nmae` ->
    /// `name`), the commonest typo (optimal string alignment). Inputs are short names, so the
    /// O(n·m) table is fine.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// The hint for an unknown name: a suggestion, else the allowed names when there are few.
    static func hint(for value: String, among candidates: [String]) -> String? {
        if let suggestion = suggestion(for: value, among: candidates) { return "did you mean `\(suggestion)`?" }
        return candidates.count <= 16 ? "allowed: \(candidates.joined(separator: ", "))" : nil
    }
}
