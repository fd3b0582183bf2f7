import ArgumentParser
import Foundation
import StampKit

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate the infrastructure repository from a questionnaire.",
        discussion: """
            Writes into --output (default ./<project.name>-infra). A directory stamp did not generate, \
            or generated files you edited, are only overwritten with --force; files you added are never \
            touched. The write is atomic: files are staged next to the output and moved into place. The \
            questionnaire is kept at the repository's stamp.yaml (copied, comments and all, when it was \
            elsewhere), so that inside the repository validate, explain, diff, check and update need no flags.
            """
    )

    @OptionGroup var options: AnswersOption

    @Option(
        name: .long, help: ArgumentHelp("The directory to write (default: ./<project.name>-infra).", valueName: "dir"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Use the blueprint in this directory instead of the built-in one.", valueName: "dir"))
    var blueprint: String?

    @Flag(help: "Write into a directory stamp did not generate, and replace files you edited.")
    var force = false

    @Flag(name: .customLong("dry-run"), help: "List what would be written, and write nothing.")
    var dryRun = false

    func run() throws {
        let console = Console()
        try reportingFailures(console) {
            let (answers, loaded) = try BlueprintSource(directory: blueprint).load(with: options.path)
            let workspace = Workspace(directory: URL(fileURLWithPath: output ?? "\(answers.project.name)-infra"))
            let plan = try workspace.generate(
                answers, questionnaireFile: options.path, blueprint: loaded, force: force, dryRun: dryRun)
            console.out(WriteSummary(plan: plan, dryRun: dryRun).text)
        }
    }
}

/// What a write did (or, in a dry run, would do), one line per file that changes.
struct WriteSummary {
    var plan: WritePlan
    var dryRun: Bool

    var text: String {
        var lines = plan.entries.filter { $0.action != .unchanged }.map { "\(verb($0.action)) \($0.path)" }
        let counts = WritePlan.Action.allCases.compactMap { action -> String? in
            let count = plan.entries.filter { $0.action == action }.count
            return count == 0 ? nil : "\(count) \(action.rawValue)"
        }
        let summary = counts.isEmpty ? "nothing to write" : counts.joined(separator: ", ")
        lines.append((dryRun ? "dry run, nothing written: " : "wrote \(plan.directory.path): ") + summary)
        return lines.joined(separator: "\n")
    }

    private func verb(_ action: WritePlan.Action) -> String {
        switch action {
        case .create: "create "
        case .update: "update "
        case .unchanged: "keep   "
        case .delete: "delete "
        case .overwrite: "replace"
        case .recreate: "restore"
        case .deleteEdited: "delete "
        }
    }
}

/// `--blueprint DIR`, shared by the commands that regenerate.
struct BlueprintOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Use the blueprint in this directory instead of the built-in one (in a generated repository, one of the recorded name).",
            valueName: "dir"))
    var blueprint: String?

    var source: BlueprintSource { BlueprintSource(directory: blueprint) }
}
