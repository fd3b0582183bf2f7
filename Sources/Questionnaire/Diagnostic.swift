/// One problem found in a questionnaire, printed as
/// `PATH:LINE:COLUMN: error: KEY.PATH: message (hint)`.
public struct Diagnostic: Sendable, Equatable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable { case error, warning }

    public var severity: Severity
    public var file: String
    public var location: SourceLocation?
    /// Dotted key path, `""` for the document itself.
    public var keyPath: String
    public var message: String
    public var hint: String?

    public init(
        severity: Severity = .error, file: String, location: SourceLocation?, keyPath: String,
        message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let position = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        let subject = keyPath.isEmpty ? "" : "\(keyPath): "
        let suffix = hint.map { " (\($0))" } ?? ""
        return "\(position): \(severity.rawValue): \(subject)\(message)\(suffix)"
    }
}

/// Every problem of one questionnaire, thrown at once.
public struct QuestionnaireError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
