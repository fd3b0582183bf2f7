/// Splits HCL source into tokens the way HCL's own scanner does, because every spacing and
/// alignment decision of `terraform fmt` is made on that token stream. Whitespace between
/// tokens is dropped (formatting recomputes it); everything else, including comments and
/// literal string text, is kept byte-for-byte.
struct HCLLexer {
    enum Mode {
        /// Expressions and structure; also used inside `${ }` / `%{ }`.
        case main
        case quoted(start: Int)
        case heredoc(marker: ArraySlice<UInt8>, startOfLine: Bool, start: Int)
    }

    let src: [UInt8]
    var pos = 0
    var lastEnd = 0
    var tokens: [HCLToken] = []
    /// Brace depth plus the depths at which template sequences were opened: a `}` returning to
    /// such a depth closes the sequence instead of an object or block.
    var braces = 0
    var retBraces: [Int] = []
    var modes: [Mode] = [.main]

    static func tokenize(_ src: [UInt8]) throws(HCLFormatError) -> [HCLToken] {
        var lexer = HCLLexer(src: src)
        lexer.tokens.reserveCapacity(src.count / 3)
        try lexer.run()
        try HCLBracketCheck.validate(lexer.tokens, in: src)
        return lexer.tokens
    }

    private mutating func run() throws(HCLFormatError) {
        while pos < src.count {
            switch modes[modes.count - 1] {
            case .main: try lexMain()
            case .quoted(let start): try lexQuoted(start: start)
            case .heredoc(let marker, let startOfLine, _): lexHeredoc(marker: marker, startOfLine: startOfLine)
            }
        }
        for mode in modes {
            switch mode {
            case .main: continue
            case .quoted(let start):
                throw HCLFormatError(.unterminatedString, at: start, in: src, "unterminated string: no closing quote")
            case .heredoc(let marker, _, let start):
                let name = String(decoding: marker, as: UTF8.self)
                throw HCLFormatError(
                    .unterminatedHeredoc, at: start, in: src,
                    "unterminated heredoc: no closing \"\(name)\" line (the marker must be followed by a newline)")
            }
        }
        tokens.append(HCLToken(.eof, src[src.count...], spacesBefore: src.count - lastEnd, offset: src.count))
    }

    mutating func emit(_ kind: HCLTokenKind, length: Int) {
        let end = pos + length
        tokens.append(HCLToken(kind, src[pos..<end], spacesBefore: pos - lastEnd, offset: pos))
        pos = end
        lastEnd = end
    }

    func byte(_ offset: Int) -> UInt8? {
        pos + offset < src.count ? src[pos + offset] : nil
    }

    func invalidCharacter() -> HCLFormatError {
        let scalar = String(decoding: src[pos..<min(pos + scalarLength(at: pos), src.count)], as: UTF8.self)
        return HCLFormatError(.invalidCharacter, at: pos, in: src, "invalid character \"\(scalar)\"")
    }

    // MARK: - Expressions and structure

    private mutating func lexMain() throws(HCLFormatError) {
        let c = src[pos]
        switch c {
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            pos += 1
        case UInt8(ascii: "\n"):
            emit(.newline, length: 1)
        case UInt8(ascii: "\r"):
            guard byte(1) == UInt8(ascii: "\n") else { throw invalidCharacter() }
            emit(.newline, length: 2)
        case UInt8(ascii: "#"):
            emitLineComment()
        case UInt8(ascii: "/"):
            if byte(1) == UInt8(ascii: "/") {
                emitLineComment()
            } else if byte(1) == UInt8(ascii: "*") {
                try emitBlockComment()
            } else {
                emit(.slash, length: 1)
            }
        case UInt8(ascii: "\""):
            modes.append(.quoted(start: pos))
            emit(.oQuote, length: 1)
        case UInt8(ascii: "{"):
            braces += 1
            emit(.oBrace, length: 1)
        case UInt8(ascii: "}"):
            closeBrace(length: 1, stripMarker: false)
        case UInt8(ascii: "~"):
            guard byte(1) == UInt8(ascii: "}") else { throw invalidCharacter() }
            closeBrace(length: 2, stripMarker: true)
        case UInt8(ascii: "<"):
            if let length = heredocIntroducerLength() {
                let markerStart = pos + (byte(2) == UInt8(ascii: "-") ? 3 : 2)
                var markerEnd = pos + length - 1
                if src[markerEnd - 1] == UInt8(ascii: "\r") { markerEnd -= 1 }
                modes.append(.heredoc(marker: src[markerStart..<markerEnd], startOfLine: true, start: pos))
                emit(.oHeredoc, length: length)
            } else if byte(1) == UInt8(ascii: "=") {
                emit(.lessThanEq, length: 2)
            } else {
                emit(.lessThan, length: 1)
            }
        case UInt8(ascii: ">"):
            byte(1) == UInt8(ascii: "=") ? emit(.greaterThanEq, length: 2) : emit(.greaterThan, length: 1)
        case UInt8(ascii: "="):
            if byte(1) == UInt8(ascii: "=") {
                emit(.equalOp, length: 2)
            } else if byte(1) == UInt8(ascii: ">") {
                emit(.fatArrow, length: 2)
            } else {
                emit(.equal, length: 1)
            }
        case UInt8(ascii: "!"):
            byte(1) == UInt8(ascii: "=") ? emit(.notEqual, length: 2) : emit(.bang, length: 1)
        case UInt8(ascii: "&"):
            guard byte(1) == UInt8(ascii: "&") else { throw invalidCharacter() }
            emit(.and, length: 2)
        case UInt8(ascii: "|"):
            guard byte(1) == UInt8(ascii: "|") else { throw invalidCharacter() }
            emit(.or, length: 2)
        case UInt8(ascii: "."):
            if byte(1) == UInt8(ascii: "."), byte(2) == UInt8(ascii: ".") {
                emit(.ellipsis, length: 3)
            } else {
                emit(.dot, length: 1)
            }
        case UInt8(ascii: "["): emit(.oBrack, length: 1)
        case UInt8(ascii: "]"): emit(.cBrack, length: 1)
        case UInt8(ascii: "("): emit(.oParen, length: 1)
        case UInt8(ascii: ")"): emit(.cParen, length: 1)
        case UInt8(ascii: ","): emit(.comma, length: 1)
        case UInt8(ascii: "*"): emit(.star, length: 1)
        case UInt8(ascii: "%"): emit(.percent, length: 1)
        case UInt8(ascii: "+"): emit(.plus, length: 1)
        case UInt8(ascii: "-"): emit(.minus, length: 1)
        case UInt8(ascii: "?"): emit(.question, length: 1)
        case UInt8(ascii: ":"): emit(.colon, length: 1)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            emit(.numberLit, length: numberLength())
        default:
            let length = identifierLength(at: pos)
            guard length > 0 else { throw invalidCharacter() }
            emit(.ident, length: length)
        }
    }

    /// `~}` always yields a sequence end (HCL's parser reports a misuse), but it only leaves the
    /// template when it is at the depth where the sequence was opened.
    private mutating func closeBrace(length: Int, stripMarker: Bool) {
        if let depth = retBraces.last, depth == braces {
            retBraces.removeLast()
            braces -= 1
            modes.removeLast()
            emit(.templateSeqEnd, length: length)
        } else {
            braces -= 1
            emit(stripMarker ? .templateSeqEnd : .cBrace, length: length)
        }
    }

    private mutating func emitLineComment() {
        var end = pos
        while end < src.count, src[end] != UInt8(ascii: "\n") { end += 1 }
        if end < src.count { end += 1 }
        emit(.comment, length: end - pos)
    }

    private mutating func emitBlockComment() throws(HCLFormatError) {
        var end = pos + 2
        while end + 1 < src.count {
            if src[end] == UInt8(ascii: "*"), src[end + 1] == UInt8(ascii: "/") {
                emit(.comment, length: end + 2 - pos)
                return
            }
            end += 1
        }
        throw HCLFormatError(.unterminatedComment, at: pos, in: src, "unterminated comment: no closing \"*/\"")
    }

    /// `<<` or `<<-`, an identifier, then a newline; anything else is a less-than operator.
    private func heredocIntroducerLength() -> Int? {
        guard byte(1) == UInt8(ascii: "<") else { return nil }
        var at = pos + 2
        if at < src.count, src[at] == UInt8(ascii: "-") { at += 1 }
        let identLength = identifierLength(at: at)
        guard identLength > 0 else { return nil }
        at += identLength
        if at < src.count, src[at] == UInt8(ascii: "\r") { at += 1 }
        guard at < src.count, src[at] == UInt8(ascii: "\n") else { return nil }
        return at + 1 - pos
    }

    /// Digits with optional fraction and exponent; a number never ends in a dot, so `x.0.y`
    /// keeps `0` as its own token.
    private func numberLength() -> Int {
        var at = pos + 1
        var end = at
        while at < src.count {
            let c = src[at]
            if isDigit(c) {
                at += 1
                end = at
            } else if c == UInt8(ascii: ".") {
                at += 1
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var next = at + 1
                if next < src.count, src[next] == UInt8(ascii: "+") || src[next] == UInt8(ascii: "-") { next += 1 }
                guard next < src.count, isDigit(src[next]) else { break }
                at = next + 1
                end = at
            } else {
                break
            }
        }
        return end - pos
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// Length in bytes of an identifier (Unicode ID_Start or `_`, then ID_Continue or `-`).
    func identifierLength(at start: Int) -> Int {
        var at = start
        while at < src.count {
            if let ascii = Self.asciiIdentifier(src[at], first: at == start) {
                guard ascii else { break }
                at += 1
                continue
            }
            let length = scalarLength(at: at)
            guard let scalar = decodeScalar(at: at, length: length) else { break }
            let accepted: Bool
            if at == start {
                accepted = scalar == "_" || scalar.properties.isIDStart
            } else {
                accepted = scalar == "-" || scalar.properties.isIDContinue
            }
            guard accepted else { break }
            at += length
        }
        return at - start
    }

    /// Whether an ASCII byte may be (start) an identifier, without Unicode's property tables,
    /// which made this the formatter's hottest loop; nil for a byte that starts a longer scalar.
    private static func asciiIdentifier(_ byte: UInt8, first: Bool) -> Bool? {
        guard byte < 0x80 else { return nil }
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): return !first
        default: return false
        }
    }

    func scalarLength(at offset: Int) -> Int {
        let lead = src[offset]
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0...: return 4
        default: return 1
        }
    }

    private func decodeScalar(at offset: Int, length: Int) -> Unicode.Scalar? {
        guard offset + length <= src.count else { return nil }
        if length == 1 { return Unicode.Scalar(src[offset]) }
        var iterator = src[offset..<offset + length].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
