/// One source line split the way hclwrite formats it: `lead` is everything up to an attribute's
/// `=` (or the whole line), `assign` runs from that `=` to the end, and `comment` is a trailing
/// line comment. Aligning happens per cell, so the cells are ranges into the token array.
struct FormatLine {
    var lead: Range<Int>
    var assign: Range<Int>?
    var comment: Range<Int>?
}

/// hclwrite's whitespace pass: indentation, spacing inside cells, then column alignment. It only
/// ever changes `spacesBefore`; token text is never touched.
struct HCLLayout {
    var tokens: [HCLToken]
    var lines: [FormatLine] = []

    init(tokens: [HCLToken]) {
        self.tokens = tokens
        self.lines = Self.splitLines(tokens)
    }

    mutating func format() {
        formatIndent()
        formatSpaces()
        formatCells()
    }

    /// Splits after every newline (line comments carry their own), then carves the trailing
    /// line comment and the assignment out of each line's lead.
    private static func splitLines(_ tokens: [HCLToken]) -> [FormatLine] {
        var lines: [FormatLine] = []
        var lineStart = 0
        for (index, token) in tokens.enumerated() {
            if token.kind == .eof {
                lines.append(FormatLine(lead: lineStart..<index))
                break
            }
            if token.endsLine {
                lines.append(FormatLine(lead: lineStart..<index + 1))
                lineStart = index + 1
            }
        }
        for index in lines.indices {
            splitCells(&lines[index], tokens)
        }
        return lines
    }

    private static func splitCells(_ line: inout FormatLine, _ tokens: [HCLToken]) {
        guard !line.lead.isEmpty else { return }
        if line.lead.count > 1, tokens[line.lead.upperBound - 1].kind == .comment {
            line.comment = line.lead.upperBound - 1..<line.lead.upperBound
            line.lead = line.lead.lowerBound..<line.lead.upperBound - 1
        }
        // Only an `=` whose right-hand side closes on this line starts an alignable assignment;
        // `a = {` opens a multi-line value and stays out of the alignment chain.
        for index in line.lead.dropFirst() where tokens[index].kind == .equal {
            let net = tokens[index..<line.lead.upperBound].reduce(0) { $0 + $1.bracketChange }
            if net == 0 {
                line.assign = index..<line.lead.upperBound
                line.lead = line.lead.lowerBound..<index
            }
            break
        }
    }

    /// Two spaces per indentation level. A line with a net surplus of openers pushes one level
    /// (however many brackets it opened) and records that count; a line with a net deficit pops
    /// levels until the deficit is used up. This keeps `foo({` / `})` at a single level.
    private mutating func formatIndent() {
        var indents: [Int] = []
        for line in lines {
            guard !line.lead.isEmpty else { continue }
            let first = line.lead.lowerBound
            if tokens[first].kind == .newline {
                tokens[first].spacesBefore = 0
                continue
            }
            var net = 0
            for index in line.lead {
                net += tokens[index].bracketChange
                if tokens[index].kind == .oHeredoc { break }
            }
            for index in line.assign ?? 0..<0 {
                net += tokens[index].bracketChange
            }
            if net > 0 {
                tokens[first].spacesBefore = 2 * indents.count
                indents.append(net)
                continue
            }
            var closed = -net
            while closed > 0, let top = indents.last {
                if closed >= top {
                    closed -= top
                    indents.removeLast()
                } else {
                    indents[indents.count - 1] -= closed
                    closed = 0
                }
            }
            tokens[first].spacesBefore = 2 * indents.count
        }
    }

    /// Rendered width of a cell, counting the spaces before each token.
    func columns(_ range: Range<Int>?) -> Int {
        guard let range else { return 0 }
        return tokens[range].reduce(0) { $0 + $1.spacesBefore + $1.columns }
    }
}
