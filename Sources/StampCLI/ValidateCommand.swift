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

    @OptionGroup var blueprintOption: BlueprintOption

    func run() throws {
        let console = Console()
        try reportingFailures(console) {
            let answers = try QuestionnaireLoader().load(contentsOf: options.path).answers
            // The blueprint is loaded (and checked) too, so a customised one is validated with it.
            _ = try blueprintOption.source.load()
            console.out(
                "\(options.path): ok: project \(answers.project.name), \(answers.environments.count) environment\(answers.environments.count == 1 ? "" : "s"), \(answers.instances.count) instance\(answers.instances.count == 1 ? "" : "s")"
            )
            for warning in try Planner().plan(answers).quotaWarnings {
                console.error("\(options.path): warning: aws.region: \(warning)")
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

    @OptionGroup var blueprintOption: BlueprintOption

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let console = Console()
        try reportingFailures(console) {
            let answers = try QuestionnaireLoader().load(contentsOf: options.path).answers
            let plan = try Planner().plan(answers)
            switch format {
            case .text:
                console.out(PlanReport(plan: plan).text)
            case .json:
                let blueprint = try blueprintOption.source.load()
                console.out(PlanDocument(plan: plan, blueprint: blueprint.manifest).json)
            }
        }
    }
}
