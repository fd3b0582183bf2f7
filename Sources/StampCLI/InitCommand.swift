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
            console.out(
                "wrote \(path): edit it, then run `stamp validate --answers \(path)` and `stamp generate --answers \(path)`"
            )
        }
    }

    /// Asks each question until its answer passes the questionnaire's own rules, showing the
    /// rule's message when it does not.
    private func ask(_ console: Console) throws -> StarterValues {
        var values = StarterValues.defaults
        console.out("stamp init: answer each question or press return to keep the default.")
        let questions: [(String, String, WritableKeyPath<StarterValues, String>)] = [
            ("Project name (3-16 of a-z, 0-9, -)", "project.name", \.projectName),
            ("Organization", "project.organization", \.organization),
            ("AWS region", "aws.region", \.region),
            ("AWS account id (12 digits)", "aws.account_id", \.accountID),
            ("DNS domain every host ends with", "dns.domain", \.domain),
            ("GitHub repository (OWNER/NAME)", "github.repository", \.githubRepository),
        ]
        for (question, keyPath, field) in questions {
            try askUntilValid(console, question, keyPath: keyPath, values: &values) { values, answer in
                values[keyPath: field] = answer
                return true
            }
        }
        try askUntilValid(console, "Availability zones (2-6)", keyPath: "aws.availability_zones", values: &values) {
            values, answer in
            guard let count = Int(answer) else { return false }
            values.availabilityZones = count
            return true
        }
        return values
    }

    private func askUntilValid(
        _ console: Console, _ question: String, keyPath: String, values: inout StarterValues,
        apply: (inout StarterValues, String) -> Bool
    ) throws {
        while true {
            let current =
                keyPath == "aws.availability_zones" ? String(values.availabilityZones) : currentValue(values, keyPath)
            guard let answer = console.ask(question, default: current) else {
                throw UsageError(message: "input ended before every question was answered")
            }
            var candidate = values
            guard apply(&candidate, answer) else {
                console.error("`\(answer)` is not a number")
                continue
            }
            let problems = problems(in: candidate, at: keyPath)
            if problems.isEmpty {
                values = candidate
                return
            }
            problems.forEach { console.error($0) }
        }
    }

    private func currentValue(_ values: StarterValues, _ keyPath: String) -> String {
        switch keyPath {
        case "project.name": values.projectName
        case "project.organization": values.organization
        case "aws.region": values.region
        case "aws.account_id": values.accountID
        case "dns.domain": values.domain
        default: values.githubRepository
        }
    }

    /// The messages (with hints) the questionnaire rules give for one key.
    private func problems(in values: StarterValues, at keyPath: String) -> [String] {
        do {
            _ = try QuestionnaireLoader().load(yaml: StarterQuestionnaire.yaml(values), file: path)
            return []
        } catch let error as QuestionnaireError {
            return error.diagnostics.filter { $0.keyPath == keyPath }
                .map { "\($0.message)" + ($0.hint.map { " (\($0))" } ?? "") }
        } catch {
            return ["\(error)"]
        }
    }
}
