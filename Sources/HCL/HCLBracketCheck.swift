/// Rejects token streams whose brackets do not pair up. Indentation is derived from bracket
/// counts, so an unbalanced file would come out plausibly indented but wrong; refusing it keeps
/// the formatter from hiding a generator bug.
enum HCLBracketCheck {
    static func validate(_ tokens: [HCLToken], in src: [UInt8]) throws(HCLFormatError) {
        var open: [HCLToken] = []
        for token in tokens {
            switch token.kind {
            case .oBrace, .oBrack, .oParen, .templateInterp, .templateControl:
                open.append(token)
            case .cBrace, .cBrack, .cParen, .templateSeqEnd:
                guard let opener = open.last, closes(token.kind, opener.kind) else {
                    var message = "unbalanced bracket: unexpected \"\(token.text)\""
                    if let opener = open.last {
                        let at = SourcePosition(offset: opener.offset, in: src)
                        message += " while \"\(opener.text)\" opened at \(at.line):\(at.column) is still open"
                    }
                    throw HCLFormatError(.unbalancedBracket, at: token.offset, in: src, message)
                }
                open.removeLast()
            default:
                continue
            }
        }
        if let opener = open.last {
            throw HCLFormatError(
                .unbalancedBracket, at: opener.offset, in: src,
                "unbalanced bracket: \"\(opener.text)\" is never closed")
        }
    }

    private static func closes(_ closer: HCLTokenKind, _ opener: HCLTokenKind) -> Bool {
        switch (opener, closer) {
        case (.oBrace, .cBrace), (.oBrack, .cBrack), (.oParen, .cParen),
            (.templateInterp, .templateSeqEnd), (.templateControl, .templateSeqEnd):
            return true
        default:
            return false
        }
    }
}
