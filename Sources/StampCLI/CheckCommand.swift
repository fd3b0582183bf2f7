import ArgumentParser
import Foundation
import StampKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Exit 1 if regenerating from the recorded answers with this stamp would change anything.",
        discussion: """
            Reads the answers the repository records (.stamp/answers.yaml) and regenerates in memory. \
            Stale files (the generation changed, or a generated file was deleted) fail the check; files \
            edited by hand are listed but fail it only with --strict. Made for CI: run it in the generated \
            repository.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The generated repository.", valueName: "dir"))
    var output: String = "."

    @Flag(help: "Fail on files edited by hand too.")
    var strict = false

    @OptionGroup var blueprintOption: BlueprintOption

    func run() throws {
        let console = Console()
        var failed = false
        try reportingFailures(console) {
            let directory = URL(fileURLWithPath: output)
            guard let yaml = try ManifestLoader().answers(in: directory),
                try ManifestLoader().manifest(in: directory) != nil
            else { throw OutputError.notGeneratedByStamp(directory: directory.path) }
            let answers = try QuestionnaireLoader().load(yaml: yaml, file: "\(output)/\(RepositoryLayout.answersPath)")
                .answers
            let (blueprint, compatibility) = try blueprintOption.choice.load(for: directory)
            let repository = try StampGenerator().generate(answers, blueprint: blueprint)
            let statuses = try RepositoryComparison(directory: directory).statuses(of: repository.generation)
            let stale = statuses.filter(\.stale)
            let edited = statuses.filter { $0.editedByUser && $0.onDisk != nil && !$0.stale }
            for status in stale {
                let reason =
                    status.generated == nil
                    ? "no longer generated" : status.onDisk == nil ? "deleted, still generated" : "stale"
                console.out("\(reason): \(status.path)")
            }
            for status in edited {
                console.out("edited by hand: \(status.path)")
            }
            if case .newer(let recorded, let current) = compatibility {
                console.out(
                    "blueprint \(blueprint.manifest.name) \(current) is newer than the recorded \(recorded)"
                        + " (hint: `stamp update` brings the repository to it)")
            }
            failed = !stale.isEmpty || (strict && !edited.isEmpty) || compatibility != .same
            let answersPath = "\(output)/\(RepositoryLayout.answersPath)"
            console.out(
                failed
                    ? "check failed: `stamp diff --answers \(answersPath) --output \(output)` shows the changes"
                    : "up to date: \(statuses.count) generated files")
        }
        if failed { throw ExitCode.differences }
    }
}
