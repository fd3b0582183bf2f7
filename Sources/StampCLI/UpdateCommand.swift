import ArgumentParser
import Foundation
import StampKit

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Regenerate a repository stamp generated earlier, keeping your own edits.",
        discussion: """
            Regenerates with --answers (default: the answers the repository records, .stamp/answers.yaml) \
            and applies the change file by file: files you never edited are replaced, files you edited are \
            merged three ways with what stamp generated last time (.stamp/base/), conflicts are written with \
            standard markers and listed (exit 1). Files you deleted stay deleted; files no longer generated \
            are deleted only if you never edited them; files you added are never touched. Refuses a git \
            work tree with uncommitted changes unless --allow-dirty.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The generated repository (default: ./<project.name>-infra with --answers, else .).", valueName: "dir"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The questionnaire to regenerate from (default: the repository's .stamp/answers.yaml).", valueName: "path"))
    var answers: String?

    @Flag(name: .customLong("dry-run"), help: "List what would be done to each file, and write nothing.")
    var dryRun = false

    @Flag(name: .customLong("allow-dirty"), help: "Run even when the git work tree has uncommitted changes.")
    var allowDirty = false

    @OptionGroup var blueprintOption: BlueprintOption

    func run() throws {
        let console = Console()
        var conflicted = false
        try reportingFailures(console) {
            let loaded: Answers
            let directoryPath: String
            if let answers {
                loaded = try QuestionnaireLoader().load(contentsOf: answers).answers
                directoryPath = output ?? "\(loaded.project.name)-infra"
            } else {
                directoryPath = output ?? "."
                let directory = URL(fileURLWithPath: directoryPath)
                guard let yaml = try ManifestLoader().answers(in: directory),
                    try ManifestLoader().manifest(in: directory) != nil
                else { throw OutputError.notGeneratedByStamp(directory: directory.path) }
                let file = "\(directoryPath)/\(RepositoryLayout.answersPath)"
                loaded = try QuestionnaireLoader().load(yaml: yaml, file: file).answers
            }
            let directory = URL(fileURLWithPath: directoryPath)
            let repository = try StampGenerator().generate(
                loaded, blueprint: try blueprintOption.choice.load(for: directory).blueprint)
            if !allowDirty && !dryRun {
                let dirty = GitWorkTree.uncommittedChanges(in: directory)
                if !dirty.isEmpty {
                    throw UsageError(
                        message: "\(directory.path) has uncommitted changes (\(dirty.count) in `git status`)"
                            + " (hint: commit or stash them first so the update is one reviewable change,"
                            + " or pass --allow-dirty)")
                }
            }
            let report = try RepositoryUpdater().update(repository.generation, in: directory, dryRun: dryRun)
            console.out(Self.text(report, dryRun: dryRun))
            if !report.conflicts.isEmpty {
                conflicted = true
                console.error(
                    "error: \(report.conflicts.count) file\(report.conflicts.count == 1 ? "" : "s")"
                        + (dryRun ? " would be left with conflicts:" : " with conflicts:")
                        + report.conflicts.map { "\n  \($0)" }.joined()
                        + "\n(hint: resolve the <<<<<<< ======= >>>>>>> markers, then commit)")
            }
        }
        if conflicted { throw ExitCode.differences }
    }

    static func text(_ report: RepositoryUpdater.Report, dryRun: Bool) -> String {
        let width = RepositoryUpdater.Action.allCases.map(\.rawValue.count).max() ?? 0
        var lines = report.changes.map { entry in
            let verb = entry.action.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            return "\(verb) \(entry.path)" + (entry.note.map { " (\($0))" } ?? "")
        }
        let counts = RepositoryUpdater.Action.allCases.compactMap { action -> String? in
            let count = report.entries.filter { $0.action == action }.count
            return count == 0 ? nil : "\(count) \(action.rawValue)"
        }
        let summary = counts.isEmpty ? "nothing to do" : counts.joined(separator: ", ")
        lines.append((dryRun ? "dry run, nothing written: " : "updated \(report.directory.path): ") + summary)
        return lines.joined(separator: "\n")
    }
}
