/// A YAML document as stamp reads it: scalars keep the text as written (stamp does its own
/// typing, so an unquoted `000123456789` keeps its zeros and `yes` is not a boolean), every node
/// keeps its 1-based line and column, and aliases are already expanded (within a budget, see
/// `YAMLDocumentLoader`). Mapping keys are always scalars.
enum YAMLNode: Sendable, Equatable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(let mapping): mapping.location
        case .sequence(let sequence): sequence.location
        }
    }

    /// How a diagnostic names what was found instead of the expected kind of value.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar): scalar.isNull ? "nothing" : scalar.quotedForMessage
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    /// nil for an absent value (`key:`, `~`, `null`), which optional keys treat like a missing key.
    var unlessNull: YAMLNode? {
        if case .scalar(let scalar) = self, scalar.isNull { return nil }
        return self
    }
}

struct YAMLScalar: Sendable, Equatable {
    enum Style: Sendable, Equatable {
        /// Unquoted: the only style that may mean a number, a boolean or null.
        case plain
        /// Single- or double-quoted, or a `|` / `>` block: always text.
        case quoted
    }

    var text: String
    var style: Style
    var location: SourceLocation

    /// YAML 1.2's null spellings; only unquoted ones mean null.
    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    var isNull: Bool { style == .plain && Self.nullSpellings.contains(text) }

    /// The value as a diagnostic quotes it: the text in backticks, with `"…"` when it was quoted,
    /// because the quotes are often the problem (`"true"` where a boolean is expected).
    var quotedForMessage: String {
        style == .quoted ? "`\"\(text.escapedForMessage)\"`" : "`\(text.escapedForMessage)`"
    }
}

struct YAMLMapping: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var key: YAMLScalar
        var value: YAMLNode
    }

    var entries: [Entry]
    var location: SourceLocation
}

struct YAMLSequence: Sendable, Equatable {
    var items: [YAMLNode]
    var location: SourceLocation
}

extension String {
    /// Control characters and long values would make a one-line diagnostic unreadable.
    var escapedForMessage: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out.count > 80 ? String(out.prefix(77)) + "..." : out
    }
}
