/// Writes YAML scalars that read back as the same text, whatever the text is.
public enum YAMLText {
    /// Words YAML 1.1 or 1.2 would read as a boolean or null when unquoted.
    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    /// Unquoted when that is unambiguous (starts with a letter, only letters, digits and `._/-`,
    /// not a reserved word), else double-quoted. Numbers-looking text (`10.0.0.0/16`,
    /// `000123`) therefore always gets quotes.
    static func scalar(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, first.isASCIILetter,
            scalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || "._/-".unicodeScalars.contains($0) }),
            !reservedWords.contains(text.lowercased())
        else { return quoted(text) }
        return text
    }

    /// A double-quoted scalar: `"` and `\` escaped, and every character libyaml would not accept
    /// printed (controls, U+FEFF, U+2028/9, non-characters) as an escape.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7f...0x9f).contains(value) {
                    out += "\\x" + hex(value, width: 2)
                } else if value == 0xfeff || value == 0xfffe || value == 0xffff {
                    out += "\\u" + hex(value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `[a, b]` with each item written by `scalar`.
    static func flowList(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
