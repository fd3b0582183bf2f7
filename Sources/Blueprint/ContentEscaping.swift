import GeneratedFiles
import Mustache
import Questionnaire

/// How `{{value}}` is escaped, chosen by the output file's type so that questionnaire text
/// (an organization name with quotes, `${`, backslashes) can never break the file it lands in.
enum ContentEscaping: String, CaseIterable {
    case hcl = "STAMP_HCL"
    case yaml = "STAMP_YAML"
    case markdown = "STAMP_MARKDOWN"
    case text = "STAMP_TEXT"

    static func forPath(_ path: String) -> ContentEscaping {
        switch OutputKind(path: path) {
        case .hcl: .hcl
        case .yaml: .yaml
        case .markdown: .markdown
        case .text: .text
        }
    }

    /// The pragma that selects this escaping; prefixed to every template before parsing.
    var pragma: String { "{{% CONTENT_TYPE: \(rawValue)}}" }

    func escape(_ text: String) -> String {
        // Most values (names, hosts, ARNs) are printable ASCII that no escaping changes.
        if Self.isPlain(text, for: self) { return text }
        switch self {
        case .hcl: return Self.escapeHCL(text)
        case .yaml: return Self.escapeYAML(text)
        case .markdown: return Self.escapeMarkdown(text)
        case .text: return text
        }
    }

    /// Registration is idempotent; the library keeps the types in a locked table.
    static func registerAll() {
        for escaping in allCases {
            MustacheContentTypes.register(Escaper(escaping: escaping), named: escaping.rawValue)
        }
    }

    private struct Escaper: MustacheContentType {
        let escaping: ContentEscaping
        func escapeText(_ text: String) -> String { escaping.escape(text) }
    }

    /// Printable ASCII without any character the escaping of `kind` would change.
    static func isPlain(_ text: String, for kind: ContentEscaping) -> Bool {
        text.utf8.allSatisfy { byte in
            guard byte >= 0x20, byte < 0x7F else { return false }
            switch kind {
            case .hcl: return byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "{")
            case .yaml: return byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "\"")
            case .markdown: return !"\\`*[]<>|#_".utf8.contains(byte)
            case .text: return true
            }
        }
    }

    /// Inside an HCL quoted string: escapes, and `${`/`%{` so that text is never a template.
    static func escapeHCL(_ text: String) -> String {
        var out = ""
        var previous: Character?
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "{" where previous == "$" || previous == "%": out += (previous.map(String.init) ?? "") + "{"
            default: out.append(character)
            }
            previous = character
        }
        return out
    }

    /// Inside a YAML double-quoted scalar: the questionnaire's own writer, without its quotes.
    static func escapeYAML(_ text: String) -> String {
        String(YAMLText.quoted(text).dropFirst().dropLast())
    }

    /// Markdown text (not code spans): characters that would start markup, table cells, or HTML.
    /// `_` inside a word is left alone, so `main_openedx` stays readable in the raw file.
    static func escapeMarkdown(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "[", "]", "<", ">", "|", "#":
                out += "\\" + String(character)
            case "_":
                let before = index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber)
                let after =
                    index + 1 < characters.count
                    && (characters[index + 1].isLetter || characters[index + 1].isNumber)
                out += before && after ? "_" : "\\_"
            case "\n", "\r":
                out += " "
            default:
                out.append(character)
            }
        }
        return out
    }
}
