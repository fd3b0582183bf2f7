import ArgumentParser
import Foundation
import StampKit

struct BlueprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blueprint",
        abstract: "Work with blueprints.",
        subcommands: [ExportCommand.self]
    )

    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Copy the built-in blueprint into a directory for customising.",
            discussion:
                "Then pass it to `stamp generate --blueprint DIR`. The directory must be new or empty unless --force."
        )

        @Argument(help: ArgumentHelp("Where to write the blueprint.", valueName: "dir"))
        var directory: String

        @Flag(help: "Write into a non-empty directory, replacing files of the same name.")
        var force = false

        func run() throws {
            let console = Console()
            try reportingFailures(console) {
                let blueprint = try BlueprintLoader().builtIn()
                let written = try FolderWriter().write(
                    blueprint.files, to: URL(fileURLWithPath: directory), force: force)
                console.out(
                    "wrote \(written.count) files of blueprint \(blueprint.manifest.name) \(blueprint.manifest.version) to \(directory)"
                )
            }
        }
    }
}
