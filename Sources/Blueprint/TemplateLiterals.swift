/// A Mustache template with its runs of tag-free lines lifted out as literals.
///
/// Why: swift-mustache 2.1.1's parser works a `Character` at a time and measures the distance to
/// the end of the template on every read, so parsing took 70% of `stamp generate` and grew with
/// the square of a template's length. Most of a template is plain text: each run of whole lines
/// without a tag becomes one line `{{& _stamp_literal_N}}` (delimiters as set there) whose value
/// is the run without its last newline. An interpolation tag is never standalone, and the lines
/// around the run are untouched, so Mustache's standalone-line rules see the same lines and the
/// output is byte-identical; the names are looked up from any section, since no context key
/// starts with `_stamp_`. The parser also measures the distance to the end of its text on every
/// read, so the result is cut into pieces of a few kilobytes at placeholder lines outside every
/// section (a piece after a set-delimiter tag first sets the same delimiters, which on a line
/// with a tag renders nothing); the pieces render one after the other. A template the scan does
/// not understand (an unclosed tag) is left whole, for the parser to report.
struct TemplateLiterals {
    static let namePrefix = "_stamp_literal_"
    /// Shorter runs are left in place: a tag costs the parser about as much as this much text.
    static let minimumLength = 32
    /// Pieces are cut at the first opportunity past this length.
    static let pieceLength = 512

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
            var index = 0
            var runStart: Int?
            while index < bytes.count {
                // At a line start.
                if let end = plainLineEnd(from: index) {
                    if runStart == nil { runStart = index }
                    index = end
                    continue
                }
                if let start = runStart { lift(start..<index) }
                runStart = nil
                guard let next = lineWithTagsEnd(from: index) else { return nil }
                out += bytes[index..<next]
                index = next
            }
            if let start = runStart { lift(start..<bytes.count) }
            return (pieces + [String(decoding: out, as: UTF8.self)], literals)
        }

        /// Replaces whole lines by one placeholder line, keeping the run's last newline outside.
        private mutating func lift(_ run: Range<Int>) {
            let endsWithNewline = bytes[run.upperBound - 1] == UInt8(ascii: "\n")
            let text = bytes[run.lowerBound..<(endsWithNewline ? run.upperBound - 1 : run.upperBound)]
            guard text.count >= TemplateLiterals.minimumLength else {
                out += bytes[run]
                return
            }
            if depth == 0, out.count >= TemplateLiterals.pieceLength {
                pieces.append(String(decoding: out, as: UTF8.self))
                out =
                    open == Array("{{".utf8)
                    ? [] : Array("{{=".utf8) + open + [UInt8(ascii: " ")] + close + Array("=}}".utf8)
            }
            let name = TemplateLiterals.namePrefix + String(literals.count)
            literals[name] = String(decoding: text, as: UTF8.self)
            out += open + Array("& \(name)".utf8) + close
            if endsWithNewline { out.append(UInt8(ascii: "\n")) }
        }

        /// The index after the line at `start` (its newline included) if it has no opening delimiter.
        private func plainLineEnd(from start: Int) -> Int? {
            var index = start
            while index < bytes.count {
                if matches(open, at: index) { return nil }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "\n") { return index }
            }
            return index
        }

        /// The index after the line at `start`, skipping whole tags (which may span lines) and
        /// following set-delimiter tags; nil for an unclosed tag.
        private mutating func lineWithTagsEnd(from start: Int) -> Int? {
            var index = start
            while index < bytes.count {
                if matches(open, at: index) {
                    guard let end = tagEnd(from: index) else { return nil }
                    index = end
                    continue
                }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "\n") { return index }
            }
            return index
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
