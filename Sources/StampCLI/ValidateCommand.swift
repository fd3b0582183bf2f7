import ArgumentParser
import StampKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a questionnaire and print every problem it has.",
        discussion: "Problems are printed as PATH:LINE:COLUMN: error: KEY.PATH: message (hint). Exit 2 when there are any."
    )

    @OptionGroup var options: AnswersOption

    func run() throws {
        let console = Console()
        try reportingFailures(console) {
            let loaded = try QuestionnaireLoader().load(contentsOf: options.answers)
            let answers = loaded.answers
            console.out(
                "\(options.answers): ok: project \(answers.project.name), \(answers.environments.count) environment\(answers.environments.count == 1 ? "" : "s"), \(answers.instances.count) instance\(answers.instances.count == 1 ? "" : "s")"
            )
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show what would be built: environments, instances, hosts, subnets and sizes."
    )

    @OptionGroup var options: AnswersOption

    func run() throws {
        let console = Console()
        try reportingFailures(console) {
            let answers = try QuestionnaireLoader().load(contentsOf: options.answers).answers
            console.out(PlanReport(plan: Planner().plan(answers)).text)
        }
    }
}
