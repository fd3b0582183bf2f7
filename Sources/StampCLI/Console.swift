import Foundation

/// Where the CLI writes: stdout for results, stderr for diagnostics. Colour only on a terminal
/// and never when NO_COLOR is set.
public struct Console: Sendable {
    public var colorOutput: Bool
    public var colorErrors: Bool
    public var interactive: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        colorOutput = !noColor && isatty(STDOUT_FILENO) == 1
        colorErrors = !noColor && isatty(STDERR_FILENO) == 1
        interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    public func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    public func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardError.write(Data((colorErrors ? Self.highlight(line) : line).utf8))
    }

    /// Reads a line typed at the terminal, nil at end of input.
    public func ask(_ question: String, default value: String) -> String? {
        FileHandle.standardOutput.write(Data("\(question) [\(value)]: ".utf8))
        guard let answer = readLine() else { return nil }
        let trimmed = answer.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? value : trimmed
    }

    /// Red `error:` and yellow `warning:` in diagnostics.
    private static func highlight(_ text: String) -> String {
        text.replacingOccurrences(of: ": error: ", with: ": \u{1B}[31merror:\u{1B}[0m ")
            .replacingOccurrences(of: ": warning: ", with: ": \u{1B}[33mwarning:\u{1B}[0m ")
    }
}
