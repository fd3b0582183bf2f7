import Foundation
import PackagePlugin

/// Lists every file under `blueprints/` as an input and asks `BlueprintEmbedder` to write them
/// into one Swift source, so editing a template re-embeds it on the next build.
@main
struct EmbedBlueprints: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "blueprints")
        let inputs = try blueprintFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedBlueprints.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) blueprint files",
                executable: try context.tool(named: "BlueprintEmbedder").url,
                // The file list is part of the command line so that adding or removing a file
                // changes the command and re-runs it (a changed input list alone does not).
                arguments: [root.path(percentEncoded: false), output.path(percentEncoded: false)]
                    + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func blueprintFiles(under root: URL) throws -> [URL] {
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in walker
        where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
