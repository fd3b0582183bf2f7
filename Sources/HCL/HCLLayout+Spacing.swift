/// Spacing between neighbouring tokens of the same cell. The rules are hclwrite's, in its order:
/// the first matching rule wins, which is why e.g. the brace rule sits after the minus rule.
extension HCLLayout {
    mutating func formatSpaces() {
        for line in lines {
            spaceCell(line.lead)
            if let assign = line.assign {
                // The `=` is separated from its name; alignment may widen this later.
                tokens[assign.lowerBound].spacesBefore = 1
                spaceCell(assign)
            }
        }
    }

    private mutating func spaceCell(_ cell: Range<Int>) {
        guard cell.count > 1 else { return }
        for index in cell.dropLast() {
            let before = index > cell.lowerBound ? tokens[index - 1] : nil
            let space = Self.spaceAfter(tokens[index], before: before, after: tokens[index + 1])
            tokens[index + 1].spacesBefore = space ? 1 : 0
        }
    }

    /// Whether `subject` is followed by a space; `before` is nil at the start of a cell.
    static func spaceAfter(_ subject: HCLToken, before: HCLToken?, after: HCLToken) -> Bool {
        let s = subject.kind
        let a = after.kind
        switch true {
        case a == .newline:
            return false
        case s == .ident && a == .oParen:
            // Function call: `merge(`.
            return false
        case s == .dot || a == .dot:
            return false
        case a == .comma || a == .ellipsis:
            return false
        case s == .comma:
            return true
        case [.quotedLit, .stringLit, .oQuote, .oHeredoc].contains(s),
            [.quotedLit, .stringLit, .cQuote, .cHeredoc].contains(a):
            // Spaces inside templates are part of the literal text.
            return false
        case subject.isIdent("in") && before?.kind == .ident:
            // The `in` of a for expression, so `[for x in [a] : x]` does not read as an index.
            return true
        case a == .oBrack && (s == .ident || s == .numberLit || subject.bracketChange < 0):
            // Index or splat: `x[0]`, `f()[0]`, `x[*]`.
            return false
        case s == .minus:
            return !isUnaryContext(before)
        case s == .oBrace || a == .cBrace:
            // Braces get inner spaces (`{ a = 1 }`), except an empty pair: `{}`.
            return !(s == .oBrace && a == .cBrace)
        case (s == .templateInterp || s == .templateControl) && a == .oBrace:
            return true
        case s == .cBrace && a == .templateSeqEnd:
            return true
        case s == .templateSeqEnd && (a == .templateInterp || a == .templateControl):
            return false
        case subject.bracketChange > 0:
            return false
        case after.bracketChange < 0:
            return false
        case s == .bang:
            return false
        default:
            return true
        }
    }

    /// A minus is taken as negation when what precedes it cannot end an operand.
    private static func isUnaryContext(_ before: HCLToken?) -> Bool {
        guard let before else { return true }
        switch before.kind {
        case .oParen, .oBrace, .oBrack, .equal, .colon, .comma, .question,
            .plus, .star, .slash, .percent, .minus,
            .equalOp, .notEqual, .greaterThan, .greaterThanEq, .lessThan, .lessThanEq,
            .and, .or, .bang:
            return true
        default:
            return false
        }
    }
}
