import ArgumentParser
import Foundation
import StampKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "Show what regenerating would change: a unified diff of the new generation against the files on disk.",
        discussion:
            "Exit 0 when they are identical, 1 when they differ. Files you added are not stamp's and never appear."
    )

    @OptionGroup var options: AnswersOption

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The generated repository (default: . inside one, else ./<project.name>-infra).", valueName: "dir"))
    var output: String?

    @Flag(help: "Print one line per changed file with its added and removed line counts.")
    var stat = false

    @OptionGroup var blueprintOption: BlueprintOption

    func run() throws {
        let console = Console()
        var different = false
        try reportingFailures(console) {
            let answers = try QuestionnaireLoader().load(contentsOf: options.path).answers
            let workspace = Workspace.resolve(output: output, projectName: answers.project.name)
            let changes = try workspace.diff(answers: answers, blueprint: blueprintOption.source)
            different = !changes.isEmpty
            console.out(stat ? statText(changes) : diffText(changes, colour: console.colorOutput), ifEmpty: true)
        }
        if different { throw ExitCode.differences }
    }

    private func diffText(_ changes: [FileStatus], colour: Bool) -> String {
        let text = changes.map { UnifiedDiff.render(path: $0.path, old: $0.onDisk, new: $0.generated) }.joined()
        return colour ? Self.coloured(text) : text
    }

    private func statText(_ changes: [FileStatus]) -> String {
        let rows = changes.map { change -> (String, Int, Int) in
            let counts = UnifiedDiff.counts(old: change.onDisk, new: change.generated)
            return (change.path, counts.added, counts.removed)
        }
        let width = rows.map(\.0.count).max() ?? 0
        var lines = rows.map { "\($0.0.padding(toLength: width, withPad: " ", startingAt: 0)) | +\($0.1) -\($0.2)" }
        let added = rows.map(\.1).reduce(0, +)
        let removed = rows.map(\.2).reduce(0, +)
        lines.append(
            "\(rows.count) file\(rows.count == 1 ? "" : "s") changed, \(added) insertions(+), \(removed) deletions(-)")
        return lines.joined(separator: "\n")
    }

    /// Green additions, red removals, cyan hunk headers, bold file headers.
    static func coloured(_ diff: String) -> String {
        diff.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let code: String? =
                if line.hasPrefix("diff --git") || line.hasPrefix("+++ ") || line.hasPrefix("--- ") {
                    "1"
                } else if line.hasPrefix("@@") { "36" } else if line.hasPrefix("+") { "32" } else if line.hasPrefix("-")
                { "31" } else { nil }
            return code.map { "\u{1B}[\($0)m\(line)\u{1B}[0m" } ?? String(line)
        }.joined(separator: "\n")
    }
}

extension Console {
    /// Writes `text` unless it is empty (a diff of identical trees prints nothing).
    func out(_ text: String, ifEmpty: Bool) {
        if !text.isEmpty { out(text) }
    }
}
