import Foundation

/// Writing into an existing directory: stage every changed file, then one atomic rename per
/// file, journaling each change so a failure can put the directory back.
extension RepositoryWriter {
    private enum Step {
        /// Rename the staged file over `path`.
        case install(path: String, staged: String)
        /// Move `path` out of the way, then remove parent directories it leaves empty, up to
        /// (not including) `keeping`.
        case remove(path: String, keeping: String)

        var path: String {
            switch self {
            case .install(let path, _), .remove(let path, _): path
            }
        }
    }

    private enum Undo {
        case restore(backup: String, to: String)
        case removeFile(String)
        case removeDirectory(String)
        case recreateDirectory(String)
    }

    func writeInPlace(_ generation: Generation, _ planned: PlannedWrite) throws {
        let tree = OutputTree(root: planned.root)
        // Staged inside the target, not beside it: `rename` only works within one file system,
        // and an existing output directory is often a mount point (a container volume) whose
        // parent is another file system.
        let staging = tree.absolute(RepositoryLayout.stagingPrefix + UUID().uuidString)
        try Disk.makeDirectory(staging)
        var journal: [Undo] = []
        do {
            let steps = try stage(generation, planned, tree: tree, in: staging)
            for (index, step) in steps.enumerated() {
                try beforeEachMove(step.path)
                try perform(step, tree: tree, backup: "\(staging)/backup-\(index)", journal: &journal)
            }
        } catch {
            let leftovers = Self.rollBack(journal)
            try? Disk.removeTree(staging)
            guard leftovers.isEmpty else {
                throw OutputError.io(
                    path: planned.root,
                    underlying:
                        "\(error); undoing the partial write also failed, check \(leftovers.joined(separator: ", "))"
                )
            }
            throw error
        }
        // The write is complete; a staging directory that cannot be removed is left for the
        // user rather than reported as a failed write.
        try? Disk.removeTree(staging)
    }

    /// Writes the new bytes of every file that changes into `staging` and returns the moves,
    /// manifest last. Unchanged files are not rewritten, so their modification times stay.
    private func stage(
        _ generation: Generation, _ planned: PlannedWrite, tree: OutputTree, in staging: String
    ) throws
        -> [Step]
    {
        let contents = Dictionary(
            uniqueKeysWithValues: Self.outputFiles(of: generation).map { ($0.path, $0.contents) })
        var steps: [Step] = []
        func install(_ path: String) throws {
            let staged = "\(staging)/\(steps.count)"
            try Disk.createFile(staged, contents: contents[path]!)
            steps.append(.install(path: path, staged: staged))
        }
        func installIfChanged(_ path: String) throws {
            if try tree.kind(of: path) == .file, try Disk.readFile(tree.absolute(path)) == contents[path] {
                return
            }
            try install(path)
        }

        for entry in planned.plan.entries {
            switch entry.action {
            case .create, .update, .overwrite, .recreate: try install(entry.path)
            case .unchanged, .delete, .deleteEdited: break
            }
        }
        for entry in planned.plan.entries where entry.action == .delete || entry.action == .deleteEdited {
            steps.append(.remove(path: entry.path, keeping: ""))
        }
        for path in generation.files.paths {
            try installIfChanged(RepositoryLayout.basePath(for: path))
        }
        for path in planned.droppedPaths
        where try tree.kind(of: RepositoryLayout.basePath(for: path)) == .file {
            steps.append(
                .remove(path: RepositoryLayout.basePath(for: path), keeping: RepositoryLayout.baseDirectory)
            )
        }
        try installIfChanged(RepositoryLayout.answersPath)
        try installIfChanged(RepositoryLayout.manifestPath)
        return steps
    }

    private func perform(_ step: Step, tree: OutputTree, backup: String, journal: inout [Undo]) throws {
        switch step {
        case .install(let path, let staged):
            try Self.makeParents(of: path, in: tree, journal: &journal)
            let destination = tree.absolute(path)
            // `tree.kind` throws on a link: the plan checked already, this narrows the window.
            if try tree.kind(of: path) == .file {
                try Self.keepCopy(of: destination, at: backup)
                try Disk.move(staged, to: destination)
                journal.append(.restore(backup: backup, to: destination))
            } else {
                try Disk.move(staged, to: destination)
                journal.append(.removeFile(destination))
            }
        case .remove(let path, let keeping):
            guard try tree.kind(of: path) == .file else { return }
            let destination = tree.absolute(path)
            try Disk.move(destination, to: backup)
            journal.append(.restore(backup: backup, to: destination))
            // A dropped module should not leave its empty folder behind.
            var directory = Self.parent(of: path)
            while !directory.isEmpty && directory != keeping {
                let absolute = tree.absolute(directory)
                guard try Disk.removeEmptyDirectory(absolute) else { break }
                journal.append(.recreateDirectory(absolute))
                directory = Self.parent(of: directory)
            }
        }
    }

    /// `a/b` for `a/b/c`, empty for a top-level path.
    private static func parent(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// Creates the missing directories above `path`, journaling each.
    private static func makeParents(of path: String, in tree: OutputTree, journal: inout [Undo])
        throws
    {
        var directory = ""
        for component in path.split(separator: "/").dropLast() {
            directory += directory.isEmpty ? String(component) : "/" + component
            if try tree.kind(of: directory) == nil {
                try Disk.makeDirectory(tree.absolute(directory))
                journal.append(.removeDirectory(tree.absolute(directory)))
            }
        }
    }

    /// A second name for the file about to be replaced, so the replacement stays one atomic
    /// rename and can be undone with another. A hard link keeps the old inode (mode, times);
    /// file systems without hard links get a byte copy.
    private static func keepCopy(of path: String, at backup: String) throws {
        do {
            try Disk.hardLink(path, to: backup)
        } catch {
            try Disk.createFile(backup, contents: try Disk.readFile(path))
        }
    }

    /// Undoes the journal newest first; returns what could not be undone. This restores the
    /// directory fully unless the disk fails again meanwhile; a crash (or kill) half-way
    /// cannot be undone at all, which is why the manifest moves last: the old manifest then
    /// still describes stamp's previous files, so nothing the user edited looks like stamp's,
    /// and rerunning the same generation finds the files already moved unchanged and finishes.
    private static func rollBack(_ journal: [Undo]) -> [String] {
        var failed: [String] = []
        for undo in journal.reversed() {
            do {
                switch undo {
                case .restore(let backup, let path): try Disk.move(backup, to: path)
                case .removeFile(let path): try Disk.removeFile(path)
                case .removeDirectory(let path): try Disk.removeEmptyDirectory(path)
                case .recreateDirectory(let path): try Disk.makeDirectory(path)
                }
            } catch {
                failed.append("\(error)")
            }
        }
        return failed
    }
}
