/// The token rewrites `terraform fmt` performs on the parsed body before whitespace formatting:
/// unwrapping legacy `"${expr}"` attribute values, upgrading 0.11-style variable types, and
/// re-quoting block labels. Only attribute values and block labels are touched: values nested
/// inside object or tuple constructors are left as written, exactly like Terraform.
struct TerraformRewrites {
    private let tokens: [HCLToken]
    private var edits: [(range: Range<Int>, replacement: [HCLToken])] = []

    static func apply(to tokens: [HCLToken]) -> [HCLToken] {
        var rewrites = TerraformRewrites(tokens: tokens)
        _ = rewrites.parseBody(from: 0, inBlocks: [], nested: false)
        guard !rewrites.edits.isEmpty else { return tokens }
        var result: [HCLToken] = []
        result.reserveCapacity(tokens.count)
        var next = 0
        for edit in rewrites.edits {
            result.append(contentsOf: tokens[next..<edit.range.lowerBound])
            result.append(contentsOf: edit.replacement)
            next = edit.range.upperBound
        }
        result.append(contentsOf: tokens[next...])
        return result
    }

    private init(tokens: [HCLToken]) {
        self.tokens = tokens
    }

    /// Walks one body and returns the index of the token that ended it (`}` or EOF). Anything
    /// that is not an attribute or block is skipped: Terraform would have rejected such input
    /// before formatting, and the lexer already guarantees balanced brackets.
    private mutating func parseBody(from start: Int, inBlocks: [String], nested: Bool) -> Int {
        var index = start
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .eof:
                return index
            case .cBrace where nested:
                return index
            case .ident:
                var next = index + 1
                while tokens[next].kind == .comment, !tokens[next].endsLine { next += 1 }
                if tokens[next].kind == .equal {
                    let end = attributeEnd(from: next + 1)
                    rewriteAttribute(named: token.text, value: next + 1..<end, inBlocks: inBlocks)
                    index = end
                } else if let brace = rewriteLabels(from: index + 1) {
                    let close = parseBody(from: brace + 1, inBlocks: inBlocks + [token.text], nested: true)
                    index = close + 1
                } else {
                    index = next
                }
            default:
                index += 1
            }
        }
        return index
    }

    /// An attribute value runs to the end of its line at bracket depth zero, or to the `}` of a
    /// single-line block such as `x { a = 1 }`.
    private func attributeEnd(from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < tokens.count {
            let token = tokens[index]
            if depth == 0, token.endsLine || token.kind == .eof { return index }
            let change = token.bracketChange
            if change < 0, depth == 0 { return index }
            depth += change
            index += 1
        }
        return index
    }

    private mutating func rewriteAttribute(named name: String, value: Range<Int>, inBlocks: [String]) {
        var lower = value.lowerBound
        var upper = value.upperBound
        while lower < upper, tokens[lower].kind == .comment { lower += 1 }
        while upper > lower, tokens[upper - 1].kind == .comment { upper -= 1 }
        let expression = Array(tokens[lower..<upper])
        let replacement: [HCLToken]?
        if inBlocks == ["variable"], name == "type" {
            replacement = Self.legacyTypeReplacement(expression)
        } else {
            replacement = Self.unwrappedInterpolation(expression)
        }
        if let replacement { edits.append((lower..<upper, replacement)) }
    }

    /// `"${expr}"` becomes `expr` when the string holds exactly one interpolation and no literal
    /// text of its own; interpolations inside nested quoted strings do not count.
    static func unwrappedInterpolation(_ expression: [HCLToken]) -> [HCLToken]? {
        guard expression.count >= 5,
            expression[0].kind == .oQuote, expression[1].kind == .templateInterp,
            expression[expression.count - 2].kind == .templateSeqEnd,
            expression[expression.count - 1].kind == .cQuote
        else { return nil }
        let inside = expression[2..<expression.count - 2]
        var quotes = 0
        for token in inside {
            switch token.kind {
            case .oQuote: quotes += 1
            case .cQuote: quotes -= 1
            case .templateInterp, .templateSeqEnd, .quotedLit:
                if quotes <= 0 { return nil }
            default: continue
            }
        }
        var lower = inside.startIndex
        var upper = inside.endIndex
        while lower < upper, inside[lower].kind == .newline { lower += 1 }
        while upper > lower, inside[upper - 1].kind == .newline { upper -= 1 }
        return Array(inside[lower..<upper])
    }

    /// Terraform 0.11 wrote variable types as strings (`"string"`, `"list"`, `"map"`, which
    /// meant string elements); bare `list`/`map`/`set` mean collections of `any`.
    static func legacyTypeReplacement(_ expression: [HCLToken]) -> [HCLToken]? {
        func call(_ name: String, _ argument: String) -> [HCLToken] {
            [
                HCLToken(synthesized: .ident, name), HCLToken(synthesized: .oParen, "("),
                HCLToken(synthesized: .ident, argument), HCLToken(synthesized: .cParen, ")"),
            ]
        }
        if expression.count == 1, expression[0].kind == .ident {
            let name = expression[0].text
            return ["list", "map", "set"].contains(name) ? call(name, "any") : nil
        }
        guard expression.count == 3, expression[0].kind == .oQuote,
            expression[1].kind == .quotedLit, expression[2].kind == .cQuote
        else { return nil }
        switch expression[1].text {
        case "string": return [HCLToken(synthesized: .ident, "string")]
        case "list": return call("list", "string")
        case "map": return call("map", "string")
        default: return nil
        }
    }

    /// Labels between a block type and its `{` are rewritten as canonical quoted strings, which
    /// also drops comments placed between labels. Returns the index of the `{`, or nil when the
    /// tokens are not a block header.
    private mutating func rewriteLabels(from start: Int) -> Int? {
        var index = start
        var labels: [HCLToken] = []
        var changed = false
        // Comments after the last label survive; only those between labels are lost.
        var labelsEnd = start
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .oBrace:
                if changed, labelsEnd > start { edits.append((start..<labelsEnd, labels)) }
                return index
            case .ident:
                labels += Self.quotedLabel(token.text)
                changed = true
                index += 1
                labelsEnd = index
            case .comment where !token.endsLine:
                // Terraform drops a comment between labels; one after the last survives.
                changed = changed || index + 1 < tokens.count && tokens[index + 1].kind != .oBrace
                index += 1
            case .oQuote:
                var close = index + 1
                while close < tokens.count, tokens[close].kind != .cQuote, !tokens[close].endsLine { close += 1 }
                guard close < tokens.count, tokens[close].kind == .cQuote else { return nil }
                let quoted = Array(tokens[index...close])
                if Self.isCanonical(quoted) {
                    labels += quoted
                } else {
                    labels += Self.requotedLabel(quoted)
                    changed = true
                }
                index = close + 1
                labelsEnd = index
            default:
                return nil
            }
        }
        return nil
    }

    /// A label of printable ASCII without escapes or template starts is already as Terraform
    /// writes it: most labels, so they skip the decode and re-encode.
    private static func isCanonical(_ quoted: [HCLToken]) -> Bool {
        guard quoted.count == 3, quoted[1].kind == .quotedLit else { return false }
        return quoted[1].bytes.allSatisfy { byte in
            (0x20...0x7E).contains(byte) && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "\"")
                && byte != UInt8(ascii: "$") && byte != UInt8(ascii: "%")
        }
    }

    private static func requotedLabel(_ quoted: [HCLToken]) -> [HCLToken] {
        if quoted.count == 2 { return quotedLabel("") }
        guard quoted.count == 3, quoted[1].kind == .quotedLit,
            let value = HCLStringLiteral.unescape(quoted[1].bytes)
        else { return quoted }
        return quotedLabel(value)
    }

    private static func quotedLabel(_ value: String) -> [HCLToken] {
        var result = [HCLToken(synthesized: .oQuote, "\"")]
        if !value.isEmpty {
            result.append(HCLToken(synthesized: .quotedLit, HCLStringLiteral.escape(value)))
        }
        result.append(HCLToken(synthesized: .cQuote, "\""))
        return result
    }
}
