/// Token kinds of HCL native syntax, mirroring the scanner that `terraform fmt` relies on.
/// The distinctions matter only where the formatter's spacing and indentation rules tell them
/// apart, e.g. a `}` closing an object (`cBrace`) versus one closing `${` (`templateSeqEnd`).
enum HCLTokenKind: Sendable, Equatable {
    case oBrace, cBrace, oBrack, cBrack, oParen, cParen
    case oQuote, cQuote, oHeredoc, cHeredoc
    case star, slash, plus, minus, percent
    case equal, equalOp, notEqual, lessThan, lessThanEq, greaterThan, greaterThanEq
    case and, or, bang
    case dot, comma, ellipsis, fatArrow, question, colon
    case templateInterp, templateControl, templateSeqEnd
    /// Literal text inside a quoted string (escapes kept verbatim).
    case quotedLit
    /// Literal text inside a heredoc, including any trailing newline.
    case stringLit
    case numberLit, ident
    /// `#`/`//` comments include their terminating newline; `/* */` comments do not.
    case comment
    case newline
    case eof
}

struct HCLToken: Sendable {
    var kind: HCLTokenKind
    /// The token's exact source text; formatting never alters it.
    var bytes: ArraySlice<UInt8>
    /// Spaces written before the token. Formatting recomputes this for every token except EOF,
    /// whose gap is the whitespace trailing the last token of the file.
    var spacesBefore: Int
    /// Byte offset in the source, for error positions (-1 for synthesized tokens).
    var offset: Int

    init(_ kind: HCLTokenKind, _ bytes: ArraySlice<UInt8>, spacesBefore: Int = 0, offset: Int = -1) {
        self.kind = kind
        self.bytes = bytes
        self.spacesBefore = spacesBefore
        self.offset = offset
    }

    init(synthesized kind: HCLTokenKind, _ text: String) {
        self.init(kind, ArraySlice(Array(text.utf8)))
    }

    /// Opening/closing weight used for indentation and for deciding whether an `=` starts a
    /// single-line attribute. Template sequences count, quotes and heredoc markers do not.
    var bracketChange: Int {
        switch kind {
        case .oBrace, .oBrack, .oParen, .templateInterp, .templateControl: return 1
        case .cBrace, .cBrack, .cParen, .templateSeqEnd: return -1
        default: return 0
        }
    }

    /// Line comments swallow their newline, so they end a line just like a newline token.
    var endsLine: Bool {
        switch kind {
        case .newline: return true
        case .comment: return bytes.last == UInt8(ascii: "\n")
        default: return false
        }
    }

    func isIdent(_ name: String) -> Bool {
        kind == .ident && bytes.elementsEqual(name.utf8)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Display width as the formatter measures it: grapheme clusters, so a non-ASCII key does
    /// not push the `=` column further than it visually needs.
    var columns: Int {
        // CR is excluded from the fast path because CRLF is a single grapheme cluster.
        if bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            return bytes.count
        }
        return String(decoding: bytes, as: UTF8.self).count
    }
}
