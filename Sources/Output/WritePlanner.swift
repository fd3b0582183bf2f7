import GeneratedFiles
import Foundation

/// A plan plus what the writer needs beyond the public report.
struct PlannedWrite: Sendable {
    var plan: WritePlan
    /// Absolute, links resolved; for a missing target, the parent as given (it may not exist).
    var root: String
    /// Generated paths of the previous manifest that this generation drops: their
    /// `.stamp/base/` copies go too, even when the user already deleted the file itself.
    var droppedPaths: [String]
}

/// Reads the output directory and decides what writing a generation would do. It never changes
/// the disk, so a dry run is this alone, and every refusal happens before anything is written.
struct WritePlanner: Sendable {
    func plan(_ generation: Generation, into directory: URL, force: Bool) throws -> PlannedWrite {
        try Self.checkPaths(generation.files)
        let (root, exists) = try Self.resolve(directory)
        let directoryURL = URL(fileURLWithPath: root, isDirectory: true)
        guard exists else {
            let entries = generation.files.paths.map { WritePlan.Entry(path: $0, action: .create) }
            return PlannedWrite(
                plan: WritePlan(directory: directoryURL, targetState: .missing, entries: entries),
                root: root,
                droppedPaths: [])
        }

        let tree = OutputTree(root: root)
        let previous: Manifest?
        let state: WritePlan.TargetState
        if try tree.kind(of: RepositoryLayout.manifestPath) == .file {
            let data = try Disk.readFile(tree.absolute(RepositoryLayout.manifestPath))
            previous = try Manifest.decode(data, path: tree.absolute(RepositoryLayout.manifestPath))
            state = .generated
        } else {
            previous = nil
            state = try Disk.entries(of: root).isEmpty ? .empty : .foreign
        }
        if state == .foreign && !force {
            throw OutputError.notGeneratedByStamp(directory: root)
        }
        if let questionnaire = generation.questionnaire, !force,
            try tree.kind(of: RepositoryLayout.questionnairePath) == .file,
            try Disk.readFile(tree.absolute(RepositoryLayout.questionnairePath)) != Data(questionnaire.utf8)
        {
            throw OutputError.questionnaireDiffers(path: tree.absolute(RepositoryLayout.questionnairePath))
        }

        var entries: [WritePlan.Entry] = []
        for file in generation.files.files {
            let action = try Self.action(for: file, recorded: previous?.files[file.path], in: tree)
            entries.append(WritePlan.Entry(path: file.path, action: action))
        }
        let produced = Set(generation.files.paths)
        let dropped = (previous?.files.keys.filter { !produced.contains($0) } ?? []).sorted()
        for path in dropped {
            // Only regular files are deleted: a directory the user put in the old file's place
            // is theirs now, and nothing at all means the user already deleted it.
            guard try tree.kind(of: path) == .file else { continue }
            let current = ContentHash.sha256(try Disk.readFile(tree.absolute(path)))
            let action: WritePlan.Action = current == previous?.files[path] ? .delete : .deleteEdited
            entries.append(WritePlan.Entry(path: path, action: action))
        }

        // The bookkeeping files are written or removed too, so the same checks apply to them.
        let bookkeeping =
            [RepositoryLayout.manifestPath, RepositoryLayout.answersPath]
            + (generation.files.paths + dropped).map(RepositoryLayout.basePath(for:))
        for path in bookkeeping {
            let kind = try tree.kind(of: path)
            if kind != nil && kind != .file {
                throw OutputError.io(
                    path: tree.absolute(path),
                    underlying: "stamp keeps a file here, but something else is in the way")
            }
        }

        let plan = WritePlan(directory: directoryURL, targetState: state, entries: entries)
        let blocked = plan.pathsNeedingForce
        if !blocked.isEmpty && !force && state == .generated {
            throw OutputError.editedFiles(paths: blocked)
        }
        return PlannedWrite(plan: plan, root: root, droppedPaths: dropped)
    }

    private static func action(for file: GeneratedFile, recorded: String?, in tree: OutputTree) throws
        -> WritePlan.Action
    {
        switch try tree.kind(of: file.path) {
        case nil:
            // A recorded file that is gone was deleted by the user.
            return recorded == nil ? .create : .recreate
        case .file:
            let onDisk = try Disk.readFile(tree.absolute(file.path))
            if onDisk == Data(file.contents.utf8) { return .unchanged }
            return ContentHash.sha256(onDisk) == recorded ? .update : .overwrite
        case .directory, .other, .symlink:
            // Never replaced, even with force: removing a whole directory of the user's is not
            // what "overwrite" promises.
            throw OutputError.io(
                path: tree.absolute(file.path),
                underlying:
                    "stamp generates a file here, but a directory or special file is in the way (hint: move it away)"
            )
        }
    }

    /// Every generated path must be safe, outside `.stamp/`, unique, and never both a file and a
    /// directory (`a` and `a/b`): rather than half-writing, the whole write is refused.
    static func checkPaths(_ files: FileSet) throws {
        var seen: Set<String> = []
        for path in files.paths {
            if let reason = FileSet.unsafePathReason(path) ?? RepositoryWriter.reservedPathReason(path) {
                throw OutputError.unsafePath(path: path, reason: reason)
            }
            if !seen.insert(path).inserted {
                throw OutputError.unsafePath(path: path, reason: "the generation has it twice")
            }
        }
        for path in files.paths {
            var parent = Substring(path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                if seen.contains(String(parent)) {
                    throw OutputError.unsafePath(
                        path: path, reason: "`\(parent)` is generated as a file, not a directory")
                }
            }
        }
    }

    /// The output directory as an absolute path with links resolved once, so a directory the user
    /// names through a link works. When it does not exist yet, its parent is resolved if it exists.
    static func resolve(_ directory: URL) throws -> (root: String, exists: Bool) {
        var path = directory.path
        if !path.hasPrefix("/") { path = Disk.currentDirectory() + "/" + path }
        if try Disk.kind(path) != nil {
            let resolved = try Disk.realPath(path)
            guard try Disk.kind(resolved) == .directory else {
                throw OutputError.io(
                    path: path, underlying: "exists and is not a directory (hint: choose another --output)")
            }
            return (resolved, true)
        }
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard name != "." && name != ".." && !name.isEmpty else {
            throw OutputError.io(path: path, underlying: "not a usable directory name")
        }
        let parent = url.deletingLastPathComponent().path
        let resolvedParent = try Disk.kind(parent) != nil ? try Disk.realPath(parent) : parent
        return ((resolvedParent == "/" ? "" : resolvedParent) + "/" + name, false)
    }
}

/// The existing output directory, walked without ever following a symbolic link.
struct OutputTree: Sendable {
    var root: String

    func absolute(_ relative: String) -> String { root + "/" + relative }

    /// What is at `relative`, nil if nothing. Throws when a component on the way is a link
    /// (even at the end) or a file where a directory must be.
    func kind(of relative: String) throws -> Disk.Kind? {
        var current = root
        let components = relative.split(separator: "/")
        for (index, component) in components.enumerated() {
            current += "/" + component
            guard let kind = try Disk.kind(current) else { return nil }
            if kind == .symlink { throw OutputError.symlinkInPath(path: current) }
            if index == components.count - 1 { return kind }
            if kind != .directory {
                throw OutputError.io(
                    path: current, underlying: "a directory is needed here, but a file is in the way")
            }
        }
        return .directory
    }
}
