import GeneratedFiles
import Foundation

/// Writes a generation into an output directory: the only code in stamp that changes the disk.
///
/// Everything is decided first (`WritePlanner`: refusals, path and link checks, edit detection),
/// then rendered into a hidden staging directory, then moved into place:
/// - a missing target is created by renaming the staging directory onto it (one rename);
/// - an existing directory (even an empty one, which may be somebody's working directory and
///   must keep its identity) gets one atomic rename per changed file, in the order generated
///   files, deletions, `.stamp/base/`, `.stamp/answers.yaml`, `.stamp/manifest.json` last, so an
///   interrupted write never leaves a manifest that describes files not yet written.
/// On failure every move made so far is undone from a journal and the staging directory removed.
public struct RepositoryWriter: Sendable {
    /// Called with the relative path about to be moved into the output (`.` for the whole tree);
    /// tests throw from it to fail a write half-way. Always a no-op outside tests.
    let beforeEachMove: @Sendable (String) throws -> Void

    public init() {
        self.init(beforeEachMove: { _ in })
    }

    init(beforeEachMove: @escaping @Sendable (String) throws -> Void) {
        self.beforeEachMove = beforeEachMove
    }

    /// Writes `generation` into `directory` (created with its parents when missing) and returns
    /// what was done. With `dryRun` it returns the same plan, and throws the same refusals,
    /// without touching the disk. `force` allows writing into a directory stamp did not
    /// generate and overwriting or deleting files the user changed; it never follows a symbolic
    /// link or replaces a directory.
    @discardableResult
    public func write(
        _ generation: Generation, to directory: URL, force: Bool = false, dryRun: Bool = false
    ) throws -> WritePlan {
        let planned = try WritePlanner().plan(generation, into: directory, force: force)
        if dryRun { return planned.plan }
        if planned.plan.targetState == .missing {
            var plan = planned.plan
            let root = try writeNewDirectory(Self.outputFiles(of: generation), at: planned.root)
            plan.directory = URL(fileURLWithPath: root, isDirectory: true)
            return plan
        }
        try writeInPlace(generation, planned)
        return planned.plan
    }

    /// Why a generated path may not be used even though it is safe: `.stamp/` is stamp's own.
    static func reservedPathReason(_ path: String) -> String? {
        let first = path.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 1).first
        if let first, first.elementsEqual(RepositoryLayout.stampDirectory.utf8) {
            return
                "the path is inside \(RepositoryLayout.stampDirectory)/, which stamp keeps for its own records"
        }
        if path == RepositoryLayout.questionnairePath {
            return "the path is the questionnaire's, which the user keeps"
        }
        return nil
    }

    /// Every file of the finished repository, in write order (manifest last).
    static func outputFiles(of generation: Generation) -> [(path: String, contents: Data)] {
        let generated = generation.files.files.map { (path: $0.path, contents: Data($0.contents.utf8)) }
        let base = generated.map {
            (path: RepositoryLayout.basePath(for: $0.path), contents: $0.contents)
        }
        let questionnaire = generation.questionnaire.map { [(RepositoryLayout.questionnairePath, Data($0.utf8))] } ?? []
        return generated + base + questionnaire + [
            (RepositoryLayout.answersPath, Data(generation.answersYAML.utf8)),
            (RepositoryLayout.manifestPath, generation.manifest.encoded()),
        ]
    }

    /// Builds the repository beside the target, then renames it into place. Returns the final
    /// path with the (possibly just created) parent resolved.
    private func writeNewDirectory(_ files: [(path: String, contents: Data)], at target: String)
        throws -> String
    {
        let url = URL(fileURLWithPath: target)
        let name = url.lastPathComponent
        let createdParents = try Self.makeMissingDirectories(url.deletingLastPathComponent().path)
        var staging: String?
        do {
            let parent = try Disk.realPath(url.deletingLastPathComponent().path)
            let prefix = parent == "/" ? "" : parent
            // Random is fine here: the name never reaches the output, and it avoids clashing
            // with a concurrent or crashed run.
            let stagingPath = "\(prefix)/.\(name)\(RepositoryLayout.stagingPrefix)\(UUID().uuidString)"
            try Disk.makeDirectory(stagingPath)
            staging = stagingPath
            var madeDirectories: Set<String> = []
            for file in files {
                var directory = ""
                for component in file.path.split(separator: "/").dropLast() {
                    directory += "/" + component
                    if madeDirectories.insert(directory).inserted {
                        try Disk.makeDirectory(stagingPath + directory)
                    }
                }
            }
            // Hundreds of small files into a new folder: on every core, as the file system allows.
            _ = try files.parallelMap { file in
                try Disk.createFile(stagingPath + "/" + file.path, contents: file.contents)
            }
            try beforeEachMove(".")
            let final = prefix + "/" + name
            try Disk.move(stagingPath, to: final)
            return final
        } catch {
            if let staging { try? Disk.removeTree(staging) }
            for directory in createdParents.reversed() { _ = try? Disk.removeEmptyDirectory(directory) }
            throw error
        }
    }

    /// `mkdir -p`, returning the directories it created (outermost first) so a failed write can
    /// remove them again. Links above the target are the user's choice and are followed.
    private static func makeMissingDirectories(_ path: String) throws -> [String] {
        var missing: [String] = []
        var current = URL(fileURLWithPath: path)
        while current.path != "/", try Disk.kind(current.path) == nil {
            missing.append(current.path)
            current = current.deletingLastPathComponent()
        }
        var created: [String] = []
        do {
            for directory in missing.reversed() {
                try Disk.makeDirectory(directory)
                created.append(directory)
            }
        } catch {
            for directory in created.reversed() { _ = try? Disk.removeEmptyDirectory(directory) }
            throw error
        }
        return created
    }
}
