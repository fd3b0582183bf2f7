import StampCLI

StampCommand.main(arguments: Array(CommandLine.arguments.dropFirst()))
