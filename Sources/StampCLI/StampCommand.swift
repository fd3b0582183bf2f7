import ArgumentParser
import Foundation
import StampKit

/// `stamp`: the command line (SPEC §1).
public struct StampCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stamp",
        abstract:
            "Turn one questionnaire (stamp.yaml) into a ready-to-apply Open edX on AWS infrastructure repository.",
        discussion: """
            Exit codes: 0 success; 1 differences found or conflicts left; 2 invalid questionnaire, \
            blueprint or usage; 3 I/O or environment failure.
            """,
        version: StampGenerator.version,
        subcommands: [
            InitCommand.self, ValidateCommand.self, GenerateCommand.self, ExplainCommand.self,
            DiffCommand.self, CheckCommand.self, UpdateCommand.self, BlueprintCommand.self,
        ]
    )

    public init() {}

    /// Runs stamp with `arguments` (without the program name) and exits with the SPEC's codes:
    /// argument errors are usage errors (2), not argument-parser's default 64.
    public static func main(arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                Console().out(message)
                Foundation.exit(0)
            }
            Console().error(message)
            Foundation.exit(ExitCode.invalidInput.rawValue)
        }
    }
}

/// `--answers PATH`, shared by the commands that read a questionnaire.
struct AnswersOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The questionnaire to read (default: stamp.yaml).", valueName: "path"))
    var answers: String?

    /// The file to read: `--answers`, else `./stamp.yaml`; in a repository stamp generated
    /// before it kept `stamp.yaml`, the answers it recorded.
    var path: String {
        if let answers { return answers }
        let here = Workspace(directory: URL(fileURLWithPath: "."))
        if !FileManager.default.fileExists(atPath: RepositoryLayout.questionnairePath), here.isGenerated {
            return RepositoryLayout.answersPath
        }
        return RepositoryLayout.questionnairePath
    }
}

/// Runs a command body, turning library errors into stderr text and SPEC exit codes.
func reportingFailures(_ console: Console, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let code as ExitCode {
        throw code
    } catch let error as QuestionnaireError {
        console.error(error.description)
        throw ExitCode.invalidInput
    } catch let error as BlueprintError {
        console.error("error: \(error)")
        throw ExitCode.invalidInput
    } catch let error as UsageError {
        console.error("error: \(error.message)")
        throw ExitCode.invalidInput
    } catch let error as WorkspaceError {
        console.error("error: \(error)")
        throw ExitCode.invalidInput
    } catch {
        console.error("error: \(error)")
        throw ExitCode.ioFailure
    }
}

/// A wrong combination of arguments found after parsing.
struct UsageError: Error {
    var message: String
}
