/// A Mustache template with its plain text lifted out as literals.
///
/// Why: swift-mustache 2.1.1's parser works a `Character` at a time and measures the distance to
/// the end of the template on every read, so parsing took 70% of `stamp generate` and grew with
/// the square of a template's length. Most of a template is plain text: the text between two
/// tags becomes one interpolation `{{&_N}}` (delimiters as set there) whose value
/// is that text, except the parts Mustache's standalone-line rule looks at. A section, comment
/// or delimiter tag alone on its line (with spaces) drops that line; so the text after a tag is
/// lifted from its first newline on when the rest of the tag's line is blank, and the text
/// before a tag stops at its last newline when the start of the tag's line is blank. An
/// interpolation is never standalone and makes no line blank, so every tag keeps its standalone
/// status and the output is byte-identical; the names are found from any section, since no
/// context key starts with `_` (a test holds the model to that). The result is cut into pieces of about a kilobyte where a
/// literal starts a line outside every section (a piece after a set-delimiter tag first sets the
/// same delimiters; on a line with a tag that renders nothing), as the parser's cost also grows
/// with the length of what it parses. A template the scan does not understand (an unclosed tag,
/// a line break other than `\n`) is left whole, for the parser to handle.
struct TemplateLiterals {
    static let namePrefix = "_"
    /// Shorter text is left in place: a tag costs the parser about as much as this much text.
    static let minimumLength = 24
    /// Pieces are cut at the first opportunity past this length.
    static let pieceLength = 256

    /// The template to parse, in pieces to parse separately and render one after the other.
    let pieces: [String]
    /// Placeholder name -> the text it stands for.
    let literals: [String: String]

    init(_ source: String) {
        var scan = Scan(bytes: Array(source.utf8))
        if let (pieces, literals) = scan.run() {
            self.pieces = pieces
            self.literals = literals
        } else {
            self.pieces = [source]
            self.literals = [:]
        }
    }

    private struct Scan {
        static let newline = UInt8(ascii: "\n")
        let bytes: [UInt8]
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var out: [UInt8] = []
        var pieces: [String] = []
        var depth = 0
        var literals: [String: String] = [:]

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func run() -> ([String], [String: String])? {
            guard !Self.hasOtherLineBreaks(bytes) else { return nil }
            var index = 0
            var textStart = 0
            while index < bytes.count {
                guard let candidate = bytes[index...].firstIndex(of: open[0]) else { break }
                guard matches(open, at: candidate) else {
                    index = candidate + 1
                    continue
                }
                index = candidate
                text(textStart..<index, afterTag: textStart > 0, beforeTag: true)
                // Delimiters set by this tag apply to the text after it.
                guard let end = tagEnd(from: index) else { return nil }
                out += bytes[index..<end]
                index = end
                textStart = end
            }
            text(textStart..<bytes.count, afterTag: textStart > 0, beforeTag: false)
            return (pieces + [String(decoding: out, as: UTF8.self)], literals)
        }

        /// The text between two tags (or the template's ends): what Mustache's standalone rule
        /// reads stays, the rest becomes one literal.
        private mutating func text(_ range: Range<Int>, afterTag: Bool, beforeTag: Bool) {
            guard !range.isEmpty else { return }
            var start = range.lowerBound
            var end = range.upperBound
            if let firstNewline = bytes[range].firstIndex(of: Self.newline),
                let lastNewline = bytes[range].lastIndex(of: Self.newline)
            {
                if afterTag && isBlank(range.lowerBound..<firstNewline) { start = firstNewline + 1 }
                if beforeTag && isBlank(lastNewline + 1..<range.upperBound) { end = lastNewline }
            } else if isBlank(range) {
                end = start
            }
            guard end - start >= TemplateLiterals.minimumLength else {
                out += bytes[range]
                return
            }
            out += bytes[range.lowerBound..<start]
            let startsLine = start == 0 || bytes[start - 1] == Self.newline
            if startsLine, depth == 0, out.count >= TemplateLiterals.pieceLength {
                pieces.append(String(decoding: out, as: UTF8.self))
                out =
                    open == Array("{{".utf8)
                    ? [] : Array("{{=".utf8) + open + [UInt8(ascii: " ")] + close + Array("=}}".utf8)
            }
            let name = TemplateLiterals.namePrefix + String(literals.count)
            literals[name] = String(decoding: bytes[start..<end], as: UTF8.self)
            out += open + Array("&\(name)".utf8) + close
            out += bytes[end..<range.upperBound]
        }

        /// Only spaces, tabs and carriage returns: what Mustache may treat as a blank line.
        private func isBlank(_ range: Range<Int>) -> Bool {
            bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        }

        /// Vertical tab, form feed, NEL, LS, PS: Swift calls them newlines, this scan does not.
        private static func hasOtherLineBreaks(_ bytes: [UInt8]) -> Bool {
            // Lead bytes first: most templates have none (0xE2 also starts `–`).
            guard bytes.contains(where: { $0 == 0x0B || $0 == 0x0C || $0 == 0xC2 || $0 == 0xE2 }) else { return false }
            return String(decoding: bytes, as: UTF8.self).unicodeScalars.contains {
                ["\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains($0)
            }
        }

        private mutating func tagEnd(from start: Int) -> Int? {
            let contentStart = start + open.count
            let triple = contentStart < bytes.count && bytes[contentStart] == UInt8(ascii: "{")
            let closing = triple ? [UInt8(ascii: "}")] + close : close
            guard let contentEnd = firstIndex(of: closing, from: contentStart) else { return nil }
            let content = bytes[contentStart..<contentEnd].drop { $0 == UInt8(ascii: " ") }
            switch content.first {
            case UInt8(ascii: "#"), UInt8(ascii: "^"): depth += 1
            case UInt8(ascii: "/"): depth -= 1
            case UInt8(ascii: "="): setDelimiters(Array(content))
            default: break
            }
            return contentEnd + closing.count
        }

        /// `=<% %>=` -> open `<%`, close `%>`.
        private mutating func setDelimiters(_ content: [UInt8]) {
            let inner = content.dropFirst().reversed().drop { $0 == UInt8(ascii: " ") }.dropFirst().reversed()
            let parts = inner.split(separator: UInt8(ascii: " "))
            guard parts.count == 2 else { return }
            open = Array(parts[0])
            close = Array(parts[1])
        }

        private func matches(_ needle: [UInt8], at index: Int) -> Bool {
            guard index + needle.count <= bytes.count else { return false }
            for offset in needle.indices where bytes[index + offset] != needle[offset] { return false }
            return true
        }

        private func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
            var index = start
            while index + needle.count <= bytes.count {
                if matches(needle, at: index) { return index }
                index += 1
            }
            return nil
        }
    }
}
