import ArgumentParser
import Foundation
import StampKit

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Regenerate a repository stamp generated earlier, keeping your own edits.",
        discussion: """
            Regenerates with --answers (default: the repository's stamp.yaml, else the answers it records) \
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
            "The questionnaire to regenerate from (default: the repository's stamp.yaml, else its recorded answers).",
            valueName: "path"))
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
            let workspace: Workspace
            let loaded: Answers
            if let answers, output == nil {
                loaded = try QuestionnaireLoader().load(contentsOf: answers).answers
                workspace = Workspace.resolve(output: nil, projectName: loaded.project.name)
            } else {
                workspace = Workspace(directory: URL(fileURLWithPath: output ?? "."))
                loaded = try workspace.answers(from: answers)
            }
            let report = try workspace.update(
                answers: loaded, questionnaireFile: answers, blueprint: blueprintOption.source, dryRun: dryRun,
                allowDirty: allowDirty)
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
