import ArgumentParser
import Foundation
import StampKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Exit 1 if regenerating from the recorded answers with this stamp would change anything.",
        discussion: """
            Reads the answers the repository records (.stamp/answers.yaml) and regenerates in memory. \
            Stale files (the generation changed, or a generated file was deleted) fail the check, and so \
            does a stamp.yaml that says something the recorded answers do not (edited, not regenerated); \
            files edited by hand are listed but fail it only with --strict. Made for CI: run it in the \
            generated repository.
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
            let report = try Workspace(directory: URL(fileURLWithPath: output)).check(blueprint: blueprintOption.source)
            for status in report.stale {
                let reason =
                    status.generated == nil
                    ? "no longer generated" : status.onDisk == nil ? "deleted, still generated" : "stale"
                console.out("\(reason): \(status.path)")
            }
            for status in report.edited {
                console.out("edited by hand: \(status.path)")
            }
            if case .newer(let recorded, let current) = report.compatibility {
                console.out(
                    "blueprint \(report.blueprintName) \(current) is newer than the recorded \(recorded)"
                        + " (hint: `stamp update` brings the repository to it)")
            }
            if !report.questionnaireDrift.isEmpty {
                console.out(
                    "\(RepositoryLayout.questionnairePath) differs from the recorded answers at "
                        + report.questionnaireDrift.joined(separator: ", ")
                        + " (hint: `stamp update` regenerates from it)")
            }
            failed = report.failed(strict: strict)
            console.out(
                failed
                    ? "check failed: `stamp diff\(output == "." ? "" : " --output \(output)")` shows the changes"
                    : "up to date: \(report.statuses.count) generated files")
        }
        if failed { throw ExitCode.differences }
    }
}
