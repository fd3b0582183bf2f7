import Foundation

extension Workspace {
    /// What regenerating from `answers` would change: every file that differs from the new
    /// generation.
    public func diff(answers: Answers, blueprint source: BlueprintSource) throws -> [FileStatus] {
        let repository = try StampGenerator().generate(answers, blueprint: try blueprint(source).blueprint)
        return try RepositoryComparison(directory: directory).statuses(of: repository.generation)
            .filter(\.differsFromGeneration)
    }

    /// `stamp check`: regenerates from the recorded answers in memory and compares.
    public func check(blueprint source: BlueprintSource) throws -> CheckReport {
        let answers = try recordedAnswers()
        let (blueprint, compatibility) = try blueprint(source)
        let repository = try StampGenerator().generate(answers, blueprint: blueprint)
        let statuses = try RepositoryComparison(directory: directory).statuses(of: repository.generation)
        return CheckReport(
            statuses: statuses, compatibility: compatibility, blueprintName: blueprint.manifest.name,
            questionnaireDrift: try questionnaireDrift())
    }

    /// `stamp update`: regenerates and merges file by file (RepositoryUpdater), refusing a
    /// dirty git work tree unless `allowDirty`. A questionnaire from outside the repository
    /// replaces its `stamp.yaml` too, unless that has edits of its own not yet regenerated.
    public func update(
        answers: Answers, questionnaireFile: String? = nil, blueprint source: BlueprintSource, dryRun: Bool,
        allowDirty: Bool
    ) throws -> RepositoryUpdater.Report {
        var generation = try StampGenerator().generate(answers, blueprint: try blueprint(source).blueprint).generation
        if let file = questionnaireFile, !Self.isSameFile(file, questionnaireURL.path) {
            let drift = try questionnaireDrift()
            guard drift.isEmpty else {
                throw WorkspaceError.questionnaireEdited(path: questionnaireURL.path, keys: drift)
            }
            generation.questionnaire = try String(contentsOfFile: file, encoding: .utf8)
        }
        if !allowDirty && !dryRun {
            let dirty = GitWorkTree.uncommittedChanges(in: directory)
            if !dirty.isEmpty { throw WorkspaceError.dirtyWorkTree(directory: directory.path, changes: dirty.count) }
        }
        return try RepositoryUpdater().update(generation, in: directory, dryRun: dryRun)
    }
}

/// What `stamp check` found.
public struct CheckReport: Sendable {
    public var statuses: [FileStatus]
    public var compatibility: BlueprintCompatibility
    public var blueprintName: String
    /// Keys on which `stamp.yaml` says something the recorded answers do not.
    public var questionnaireDrift: [String]

    /// Files a regeneration would change (or that were deleted and are still generated).
    public var stale: [FileStatus] { statuses.filter(\.stale) }
    /// Files edited by hand that a regeneration would not otherwise change.
    public var edited: [FileStatus] { statuses.filter { $0.editedByUser && $0.onDisk != nil && !$0.stale } }

    public func failed(strict: Bool) -> Bool {
        !stale.isEmpty || (strict && !edited.isEmpty) || compatibility != .same || !questionnaireDrift.isEmpty
    }
}

extension Workspace {
    /// `stamp generate`: writes the generation, and keeps the questionnaire it came from at
    /// `stamp.yaml` when that file lives elsewhere (comments and all).
    public func generate(
        _ answers: Answers, questionnaireFile: String, blueprint: Blueprint, force: Bool, dryRun: Bool
    ) throws -> WritePlan {
        var generation = try StampGenerator().generate(answers, blueprint: blueprint).generation
        if !Self.isSameFile(questionnaireFile, questionnaireURL.path) {
            generation.questionnaire = try String(contentsOfFile: questionnaireFile, encoding: .utf8)
        }
        return try RepositoryWriter().write(generation, to: directory, force: force, dryRun: dryRun)
    }

    static func isSameFile(_ first: String, _ second: String) -> Bool {
        let resolved = [first, second].map {
            URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path
        }
        return resolved[0] == resolved[1]
    }
}
