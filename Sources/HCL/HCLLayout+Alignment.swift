/// Vertical alignment of `=` and of trailing comments across runs of consecutive lines. Any line
/// without the cell (a blank line, a comment-only line, a block header, a multi-line value)
/// ends the run, which is how blank lines and nested blocks split alignment groups.
extension HCLLayout {
    mutating func formatCells() {
        alignRuns(cell: \.assign) { layout, line in layout.columns(line.lead) }
        alignRuns(cell: \.comment) { layout, line in layout.columns(line.lead) + layout.columns(line.assign) }
    }

    private mutating func alignRuns(
        cell: KeyPath<FormatLine, Range<Int>?>,
        width: (HCLLayout, FormatLine) -> Int
    ) {
        var runStart: Int?
        var maxWidth = 0
        for index in 0...lines.count {
            if index < lines.count, lines[index][keyPath: cell] != nil {
                if runStart == nil { runStart = index }
                maxWidth = max(maxWidth, width(self, lines[index]))
                continue
            }
            guard let start = runStart else { continue }
            for line in lines[start..<index] {
                guard let first = line[keyPath: cell]?.lowerBound else { continue }
                tokens[first].spacesBefore = maxWidth - width(self, line) + 1
            }
            runStart = nil
            maxWidth = 0
        }
    }
}
