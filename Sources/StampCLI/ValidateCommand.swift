import ArgumentParser
import StampKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a questionnaire and print every problem it has.",
        discussion:
            "Problems are printed as PATH:LINE:COLUMN: error: KEY.PATH: message (hint). Exit 2 when there are any. Account quotas the repository needs beyond AWS's defaults are printed as warnings (exit 0)."
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
            for warning in try Planner().plan(answers).quotaWarnings {
                console.error("\(options.answers): warning: aws.region: \(warning)")
            }
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show what would be built: environments, instances, hosts, subnets and sizes.",
        discussion: """
            --format json prints the whole plan as one JSON document (snake_case keys, sorted), \
            with the blueprint's pinned versions: the names, hosts, secrets, parameters and \
            subnets stamp decided, for scripts.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: AnswersOption

    @Option(
        name: .long,
        help: ArgumentHelp("Use the blueprint in this directory instead of the built-in one.", valueName: "dir"))
    var blueprint: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let console = Console()
        try reportingFailures(console) {
            let answers = try QuestionnaireLoader().load(contentsOf: options.answers).answers
            let plan = try Planner().plan(answers)
            switch format {
            case .text:
                console.out(PlanReport(plan: plan).text)
            case .json:
                let blueprint = try BlueprintChoice(directory: blueprint).load()
                console.out(PlanDocument(plan: plan, blueprint: blueprint.manifest).json)
            }
        }
    }
}
