import Foundation

/// Quoted strings and heredocs. Their literal text is emitted verbatim; only the `${ }` and
/// `%{ }` sequences inside them switch back to expression lexing (and so get normalised).
extension HCLLexer {
    mutating func lexQuoted(start: Int) throws(HCLFormatError) {
        let c = src[pos]
        if c == UInt8(ascii: "\"") {
            modes.removeLast()
            emit(.cQuote, length: 1)
        } else if let (kind, length) = templateOpener() {
            openTemplateSequence(kind, length: length)
        } else if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
            throw HCLFormatError(
                .unterminatedString, at: start, in: src,
                "unterminated string: no closing quote before the end of the line")
        } else {
            emit(.quotedLit, length: literalLength(stopAtQuote: true) - pos)
        }
    }

    mutating func lexHeredoc(marker: ArraySlice<UInt8>, startOfLine: Bool) {
        if let (kind, length) = templateOpener() {
            setHeredocStartOfLine(false)
            openTemplateSequence(kind, length: length)
            return
        }
        let end = literalLength(stopAtQuote: false)
        var newlineStart = end
        let endsLine = end > pos && src[end - 1] == UInt8(ascii: "\n")
        if endsLine {
            newlineStart -= 1
            if newlineStart > pos, src[newlineStart - 1] == UInt8(ascii: "\r") { newlineStart -= 1 }
        }
        if endsLine, startOfLine, isClosingMarker(src[pos..<newlineStart], marker: marker) {
            modes.removeLast()
            emit(.cHeredoc, length: newlineStart - pos)
            emit(.newline, length: end - newlineStart)
            return
        }
        setHeredocStartOfLine(endsLine)
        emit(.stringLit, length: end - pos)
    }

    /// `${` or `%{`, each with an optional `~` strip marker that belongs to the opener.
    private func templateOpener() -> (HCLTokenKind, Int)? {
        guard let next = byte(1), next == UInt8(ascii: "{") else { return nil }
        let kind: HCLTokenKind
        switch src[pos] {
        case UInt8(ascii: "$"): kind = .templateInterp
        case UInt8(ascii: "%"): kind = .templateControl
        default: return nil
        }
        return (kind, byte(2) == UInt8(ascii: "~") ? 3 : 2)
    }

    private mutating func openTemplateSequence(_ kind: HCLTokenKind, length: Int) {
        braces += 1
        retBraces.append(braces)
        modes.append(.main)
        emit(kind, length: length)
    }

    private mutating func setHeredocStartOfLine(_ value: Bool) {
        guard case .heredoc(let marker, _, let start) = modes[modes.count - 1] else { return }
        modes[modes.count - 1] = .heredoc(marker: marker, startOfLine: value, start: start)
    }

    /// End offset of the literal run starting at `pos`: up to a template opener, a quote (quoted
    /// strings), or through the end of the line (heredocs). `$${` and `%%{` are escapes and stay
    /// literal; in quoted strings a backslash escapes the next character.
    private func literalLength(stopAtQuote: Bool) -> Int {
        var at = pos
        while at < src.count {
            let c = src[at]
            switch c {
            case UInt8(ascii: "\n"):
                return stopAtQuote ? at : at + 1
            case UInt8(ascii: "\r") where stopAtQuote:
                return at
            case UInt8(ascii: "\"") where stopAtQuote:
                return at
            case UInt8(ascii: "\\") where stopAtQuote:
                let next = at + 1 < src.count ? src[at + 1] : nil
                at += (next == nil || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")) ? 1 : 2
            case UInt8(ascii: "$"), UInt8(ascii: "%"):
                if at + 1 < src.count, src[at + 1] == UInt8(ascii: "{") {
                    return at
                }
                if at + 2 < src.count, src[at + 1] == c, src[at + 2] == UInt8(ascii: "{") {
                    at += 3
                } else {
                    at += 1
                }
            default:
                at += 1
            }
        }
        return at
    }

    /// A heredoc ends at a line holding only its marker, surrounding whitespace allowed.
    private func isClosingMarker(_ line: ArraySlice<UInt8>, marker: ArraySlice<UInt8>) -> Bool {
        guard line.count >= marker.count else { return false }
        if line.elementsEqual(marker) { return true }
        let trimmed = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.utf8.elementsEqual(marker)
    }
}
