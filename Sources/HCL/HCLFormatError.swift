/// Why `HCLFormatter.format` refused an input. The formatter only rewrites whitespace between
/// tokens, so any input whose token structure is broken is rejected whole rather than being
/// "fixed" into something the author never wrote.
public struct HCLFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unterminatedString
        case unterminatedHeredoc
        case unterminatedComment
        case unbalancedBracket
        case invalidCharacter
    }

    public let kind: Kind
    /// 1-based line of the offending position.
    public let line: Int
    /// 1-based column (in characters) of the offending position.
    public let column: Int
    public let message: String

    public init(kind: Kind, line: Int, column: Int, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// Maps byte offsets back to line:column only when an error is raised, so the hot path never
/// pays for position bookkeeping.
struct SourcePosition {
    let line: Int
    let column: Int

    init(offset: Int, in bytes: [UInt8]) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        self.column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
    }
}

extension HCLFormatError {
    init(_ kind: Kind, at offset: Int, in bytes: [UInt8], _ message: String) {
        let position = SourcePosition(offset: offset, in: bytes)
        self.init(kind: kind, line: position.line, column: position.column, message: message)
    }
}
