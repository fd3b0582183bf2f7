import GeneratedFiles
import Foundation

/// `stamp update`: applies a new generation to a repository stamp generated earlier, keeping
/// the user's own work. Per generated or recorded path, with base = `.stamp/base/<path>` (what
/// stamp wrote last time), ours = the file on disk and theirs = the new generation:
/// - untouched files (disk matches the manifest's hash) are replaced by theirs;
/// - edited files are merged three ways; conflicts are written with markers and listed;
/// - a file the user deleted stays deleted; a file no longer generated is deleted only when
///   untouched; files stamp never recorded are never touched.
/// The new manifest records the hashes of the new generation (not of merged bytes, so a merged
/// file still counts as edited next time) and `.stamp/base/` becomes the new generation. The
/// write itself is `RepositoryWriter`'s: staged, one atomic rename per file, manifest last, never
/// through a symbolic link or outside the directory.
public struct RepositoryUpdater: Sendable {
    public enum Action: String, Sendable, Equatable, CaseIterable {
        /// Not on disk and never recorded: written.
        case create
        /// Untouched by the user: replaced by the new generation.
        case update
        /// Edited by the user and changed by stamp: merged cleanly.
        case merge
        /// Edited by the user and changed by stamp in the same place: written with conflict markers.
        case conflict
        /// No longer generated and untouched: deleted.
        case delete
        /// Edited by the user and no longer generated (or never written by stamp, or not
        /// mergeable text): left as it is.
        case keepEdited = "keep-edited"
        /// Generated earlier, deleted by the user, still generated: left deleted.
        case keptDeleted = "kept-deleted"
        /// Nothing to write.
        case unchanged
    }

    public struct Entry: Sendable, Equatable {
        public var path: String
        public var action: Action
        /// Why a file was kept, for the report; nil otherwise.
        public var note: String?

        public init(path: String, action: Action, note: String? = nil) {
            self.path = path
            self.action = action
            self.note = note
        }
    }

    public struct Report: Sendable, Equatable {
        /// The repository, links resolved.
        public var directory: URL
        /// Sorted by path.
        public var entries: [Entry]

        public var changes: [Entry] { entries.filter { $0.action != .unchanged } }
        public var conflicts: [String] { entries.filter { $0.action == .conflict }.map(\.path) }
    }

    let writer: RepositoryWriter

    public init() {
        self.init(writer: RepositoryWriter())
    }

    init(writer: RepositoryWriter) {
        self.writer = writer
    }

    /// Plans the update of `directory` to `generation` and, unless `dryRun`, applies it. Throws
    /// `OutputError.notGeneratedByStamp` for a directory without a manifest, before anything is
    /// written. Conflicts are not an error: they are in the report.
    @discardableResult
    public func update(_ generation: Generation, in directory: URL, dryRun: Bool = false) throws -> Report {
        let (root, exists) = try WritePlanner.resolve(directory)
        let tree = OutputTree(root: root)
        guard exists, try tree.kind(of: RepositoryLayout.manifestPath) == .file else {
            throw OutputError.notGeneratedByStamp(directory: exists ? root : directory.path)
        }
        let manifestPath = tree.absolute(RepositoryLayout.manifestPath)
        let previous = try Manifest.decode(try Disk.readFile(manifestPath), path: manifestPath)
        // With force the planner refuses nothing for edits; it still checks every path, link and
        // bookkeeping file, and classifies each path against the manifest and the disk.
        let planned = try WritePlanner().plan(generation, into: URL(fileURLWithPath: root), force: true)
        let update = try Self.decide(planned, generation: generation, previous: previous, tree: tree)
        let report = Report(directory: URL(fileURLWithPath: root, isDirectory: true), entries: update.entries)
        if dryRun { return report }
        let write = PlannedWrite(
            plan: WritePlan(directory: report.directory, targetState: .generated, entries: update.writes),
            root: root,
            droppedPaths: planned.droppedPaths)
        try writer.writeInPlace(generation, write, overrides: update.overrides)
        return report
    }
}
