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
            touched. The write is atomic: files are staged next to the output and moved into place.
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
            let answers = try QuestionnaireLoader().load(contentsOf: options.answers).answers
            let blueprint = try BlueprintChoice(directory: blueprint).load()
            let repository = try StampGenerator().generate(answers, blueprint: blueprint)
            let directory = URL(fileURLWithPath: output ?? "\(answers.project.name)-infra")
            let plan = try RepositoryWriter().write(repository.generation, to: directory, force: force, dryRun: dryRun)
            console.out(WriteSummary(plan: plan, dryRun: dryRun).text)
        }
    }
}

/// `--blueprint DIR` or the built-in blueprint.
struct BlueprintChoice {
    var directory: String?

    func load() throws -> Blueprint {
        guard let directory else { return try BlueprintLoader().builtIn() }
        return try BlueprintLoader().load(directory: directory)
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

extension BlueprintChoice {
    /// The blueprint to regenerate a repository stamp generated with: `--blueprint DIR` or
    /// the built-in one, refused when its name differs from the recorded one or its version is
    /// older (SPEC §1). A repository without a manifest accepts any.
    func load(for directory: URL) throws -> (blueprint: Blueprint, compatibility: BlueprintCompatibility) {
        let blueprint = try load()
        guard let manifest = try ManifestLoader().manifest(in: directory) else { return (blueprint, .same) }
        do {
            return (
                blueprint,
                try BlueprintCompatibility(
                    recorded: manifest.blueprint,
                    current: .init(name: blueprint.manifest.name, version: blueprint.manifest.version))
            )
        } catch let refusal as BlueprintCompatibility.Refusal {
            throw UsageError(message: "\(directory.path): \(refusal.description)")
        }
    }
}

/// `--blueprint DIR`, shared by the commands that regenerate.
struct BlueprintOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Use the blueprint in this directory instead of the built-in one (it must have the recorded name).",
            valueName: "dir"))
    var blueprint: String?

    var choice: BlueprintChoice { BlueprintChoice(directory: blueprint) }
}
