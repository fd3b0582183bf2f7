import ArgumentParser

/// SPEC §1 exit codes.
extension ExitCode {
    /// `diff`/`check` found differences, or `update` left conflicts.
    static let differences = ExitCode(1)
    /// Invalid questionnaire, blueprint or usage.
    static let invalidInput = ExitCode(2)
    /// I/O or environment failure.
    static let ioFailure = ExitCode(3)
}
