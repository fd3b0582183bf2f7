/// Where stamp keeps its own bookkeeping inside a generated repository (SPEC §6). Generated
/// files never live under `.stamp/`; the writer refuses a generation that tries.
public enum RepositoryLayout {
    public static let stampDirectory = ".stamp"
    /// The questionnaire, kept at the repository's root so that the commands need no flags
    /// inside it; the user's file (comments and all), never a generated one.
    public static let questionnairePath = "stamp.yaml"
    /// Versions and the SHA-256 of every generated file, as last written.
    public static let manifestPath = ".stamp/manifest.json"
    /// The normalised questionnaire the repository was generated from.
    public static let answersPath = ".stamp/answers.yaml"
    /// A byte copy of every generated file: the merge base for `stamp update`.
    public static let baseDirectory = ".stamp/base"

    /// `.stamp/base/<path>`, the merge-base copy of the generated file at `path`.
    public static func basePath(for path: String) -> String {
        "\(baseDirectory)/\(path)"
    }

    /// Prefix of the hidden staging directories the writer creates and always removes.
    static let stagingPrefix = ".stamp-staging-"
}
