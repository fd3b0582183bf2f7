import Foundation
import Yams

/// A repository stamp generated (or is about to), and what stamp does with it: the front door
/// of `diff`, `check` and `update`, and of `validate` and `explain` run inside one. The CLI only
/// parses flags and prints what this returns.
public struct Workspace: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    /// The repository in the current directory when it is one stamp generated, else the default
    /// `./<project>-infra` of the questionnaire (SPEC §1).
    public static func resolve(output: String?, projectName: @autoclosure () throws -> String) rethrows -> Workspace {
        if let output { return Workspace(directory: URL(fileURLWithPath: output)) }
        let current = Workspace(directory: URL(fileURLWithPath: "."))
        if current.isGenerated { return current }
        return Workspace(directory: URL(fileURLWithPath: "\(try projectName())-infra"))
    }

    /// Whether stamp generated it (it has `.stamp/manifest.json`).
    public var isGenerated: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(RepositoryLayout.manifestPath).path)
    }

    /// `stamp.yaml` at the repository's root.
    public var questionnaireURL: URL { directory.appendingPathComponent(RepositoryLayout.questionnairePath) }

    var displayPath: String { directory.path }

    /// The answers recorded at the last generation (`.stamp/answers.yaml`).
    public func recordedAnswers() throws -> Answers {
        guard let yaml = try ManifestLoader().answers(in: directory),
            try ManifestLoader().manifest(in: directory) != nil
        else { throw OutputError.notGeneratedByStamp(directory: directory.path) }
        return try QuestionnaireLoader().load(yaml: yaml, file: "\(displayPath)/\(RepositoryLayout.answersPath)")
            .answers
    }

    /// The questionnaire to regenerate from: an explicit file, else the repository's
    /// `stamp.yaml`, else (a repository generated before stamp kept it there) the recorded answers.
    public func answers(from file: String?) throws -> Answers {
        if let file { return try QuestionnaireLoader().load(contentsOf: file).answers }
        if FileManager.default.fileExists(atPath: questionnaireURL.path) {
            return try QuestionnaireLoader().load(contentsOf: questionnaireURL.path).answers
        }
        return try recordedAnswers()
    }

    /// The blueprint to regenerate with (SPEC §1): the chosen one, refused when its name differs
    /// from the recorded one or its version is older; a repository without a manifest accepts any.
    public func blueprint(_ source: BlueprintSource) throws -> (
        blueprint: Blueprint, compatibility: BlueprintCompatibility
    ) {
        let blueprint = try source.load()
        guard let manifest = try ManifestLoader().manifest(in: directory) else { return (blueprint, .same) }
        do {
            let current = Manifest.BlueprintReference(
                name: blueprint.manifest.name, version: blueprint.manifest.version)
            return (blueprint, try BlueprintCompatibility(recorded: manifest.blueprint, current: current))
        } catch let refusal as BlueprintCompatibility.Refusal {
            throw WorkspaceError.blueprintRefused("\(directory.path): \(refusal.description)")
        }
    }

    /// The keys on which the repository's `stamp.yaml` and the recorded answers disagree
    /// (`environments.staging.size`); empty when it is missing or says the same.
    public func questionnaireDrift() throws -> [String] {
        guard FileManager.default.fileExists(atPath: questionnaireURL.path) else { return [] }
        let current = try QuestionnaireLoader().load(contentsOf: questionnaireURL.path).answers.normalizedYAML()
        let recorded = try recordedAnswers().normalizedYAML()
        guard current != recorded else { return [] }
        return AnswersDifference.keys(between: try Yams.load(yaml: recorded), and: try Yams.load(yaml: current))
    }
}

/// Which blueprint a command uses: the one compiled into stamp, or a folder (`--blueprint DIR`).
public enum BlueprintSource: Sendable, Equatable {
    case builtIn
    case directory(String)

    public init(directory: String?) {
        self = directory.map(BlueprintSource.directory) ?? .builtIn
    }

    /// The questionnaire and this blueprint, read side by side (each is a YAML decode and
    /// independent of the other): what `generate` needs before it can plan.
    public func load(with questionnaire: String) throws -> (answers: Answers, blueprint: Blueprint) {
        enum Loaded: Sendable {
            case answers(Answers)
            case blueprint(Blueprint)
        }
        let source = self
        let loaded = try [0, 1].parallelMap { index -> Loaded in
            index == 0
                ? .answers(try QuestionnaireLoader().load(contentsOf: questionnaire).answers)
                : .blueprint(try source.load())
        }
        guard case .answers(let answers) = loaded[0], case .blueprint(let blueprint) = loaded[1] else {
            preconditionFailure("parallelMap keeps the order")
        }
        return (answers, blueprint)
    }

    public func load() throws -> Blueprint {
        switch self {
        case .builtIn: try BlueprintLoader().builtIn()
        case .directory(let path): try BlueprintLoader().load(directory: path)
        }
    }
}

public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
    case blueprintRefused(String)
    case dirtyWorkTree(directory: String, changes: Int)
    case questionnaireEdited(path: String, keys: [String])

    public var description: String {
        switch self {
        case .blueprintRefused(let message): message
        case .dirtyWorkTree(let directory, let changes):
            "\(directory) has uncommitted changes (\(changes) in `git status`)"
                + " (hint: commit or stash them first so the update is one reviewable change, or pass --allow-dirty)"
        case .questionnaireEdited(let path, let keys):
            "\(path) has edits not yet regenerated (\(keys.joined(separator: ", "))), and --answers would replace it"
                + " (hint: run `stamp update` without --answers to regenerate from it, or copy your questionnaire over it)"
        }
    }
}

/// Dotted key paths where two normalised questionnaires differ.
enum AnswersDifference {
    static func keys(between old: Any?, and new: Any?, at path: String = "") -> [String] {
        if let old = old as? [String: Any], let new = new as? [String: Any] {
            return Set(old.keys).union(new.keys).sorted().flatMap { key in
                keys(between: old[key], and: new[key], at: path.isEmpty ? key : "\(path).\(key)")
            }
        }
        if let old = old as? [Any], let new = new as? [Any], old.count == new.count {
            return zip(old, new).enumerated().flatMap { index, pair in
                keys(between: pair.0, and: pair.1, at: "\(path)[\(index)]")
            }
        }
        return "\(old ?? "nil")" == "\(new ?? "nil")" ? [] : [path]
    }
}
