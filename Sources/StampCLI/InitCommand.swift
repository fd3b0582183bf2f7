import ArgumentParser
import Foundation
import StampKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a questionnaire to start from (default ./stamp.yaml).",
        discussion: """
            On a terminal it asks for the project's essentials, showing each default in brackets \
            (press return to keep it). With --no-input, or when stdin is not a terminal, it writes the \
            documented defaults. It never overwrites a file unless --force.
            """
    )

    @Argument(help: ArgumentHelp("Where to write the questionnaire.", valueName: "path"))
    var path: String = "stamp.yaml"

    @Flag(name: .customLong("no-input"), help: "Do not ask; write the documented defaults.")
    var noInput = false

    @Flag(help: "Overwrite an existing file.")
    var force = false

    func run() throws {
        let console = Console()
        try reportingFailures(console) {
            let url = URL(fileURLWithPath: path)
            if !force, FileManager.default.fileExists(atPath: url.path) {
                throw OutputError.io(path: path, underlying: "already exists (hint: pass --force to overwrite it)")
            }
            let values = noInput || !console.interactive ? StarterValues.defaults : try ask(console)
            let yaml = StarterQuestionnaire.yaml(values)
            // What init writes must validate: a starter that fails would be a stamp bug.
            _ = try QuestionnaireLoader().load(yaml: yaml, file: path)
            try SingleFileWriter().write(yaml, to: url, overwrite: force)
            console.out("wrote \(path): edit it, then run `stamp validate --answers \(path)` and `stamp generate --answers \(path)`")
        }
    }

    /// Asks until every answer passes the questionnaire's own rules.
    private func ask(_ console: Console) throws -> StarterValues {
        var values = StarterValues.defaults
        console.out("stamp init: answer each question or press return to keep the default.")
        let questions: [(String, WritableKeyPath<StarterValues, String>)] = [
            ("Project name (3-16 of a-z, 0-9, -)", \.projectName),
            ("Organization", \.organization),
            ("AWS region", \.region),
            ("AWS account id (12 digits)", \.accountID),
            ("DNS domain every host ends with", \.domain),
            ("GitHub repository (OWNER/NAME)", \.githubRepository),
        ]
        for (question, keyPath) in questions {
            guard let answer = console.ask(question, default: values[keyPath: keyPath]) else {
                throw UsageError(message: "input ended before every question was answered")
            }
            values[keyPath: keyPath] = answer
        }
        guard let zones = console.ask("Availability zones (2-6)", default: String(values.availabilityZones)) else {
            throw UsageError(message: "input ended before every question was answered")
        }
        guard let count = Int(zones) else { throw UsageError(message: "availability zones must be a number, not `\(zones)`") }
        values.availabilityZones = count
        return values
    }
}
