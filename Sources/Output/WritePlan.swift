import GeneratedFiles
import Foundation

/// What one generation is written from: the rendered files plus what goes into `.stamp/`.
public struct Generation: Sendable, Equatable {
    public var files: FileSet
    /// The normalised questionnaire, written verbatim to `.stamp/answers.yaml`.
    public var answersYAML: String
    public var stampVersion: String
    public var blueprint: Manifest.BlueprintReference
    /// The questionnaire's own text, to keep at `stamp.yaml` when it came from elsewhere; nil
    /// leaves the repository's `stamp.yaml` as it is.
    public var questionnaire: String?

    public init(
        files: FileSet, answersYAML: String, stampVersion: String,
        blueprint: Manifest.BlueprintReference, questionnaire: String? = nil
    ) {
        self.files = files
        self.answersYAML = answersYAML
        self.stampVersion = stampVersion
        self.blueprint = blueprint
        self.questionnaire = questionnaire
    }

    /// The manifest this generation writes.
    public var manifest: Manifest {
        Manifest(stampVersion: stampVersion, blueprint: blueprint, fileSet: files)
    }
}

/// What writing a generation does (or did) to each generated path, sorted by path. It covers
/// the generated files only: `.stamp/` is rewritten on every write, and files the user added
/// are never touched, so neither appears.
public struct WritePlan: Sendable, Equatable {
    /// The output directory as found before the write.
    public enum TargetState: String, Sendable, Equatable {
        /// Nothing there yet (missing parents are created too).
        case missing
        /// An existing empty directory.
        case empty
        /// A directory with `.stamp/manifest.json`.
        case generated
        /// A non-empty directory without a manifest (written only with force).
        case foreign
    }

    public enum Action: String, Sendable, Equatable, CaseIterable {
        /// Not on disk yet.
        case create
        /// Stamp's earlier bytes, unedited, replaced by the new ones.
        case update
        /// The disk already has exactly these bytes; the file is not rewritten (mtime kept).
        case unchanged
        /// Stamp's earlier file, unedited, no longer generated.
        case delete
        /// Bytes stamp did not write (edited by the user, or a file stamp never recorded) are
        /// replaced. Needs force.
        case overwrite
        /// Generated earlier, deleted by the user, written again. Needs force.
        case recreate
        /// No longer generated and edited by the user, deleted anyway. Needs force.
        case deleteEdited

        /// Whether the action would lose something the user did, so happens only with force.
        public var needsForce: Bool {
            switch self {
            case .overwrite, .recreate, .deleteEdited: true
            case .create, .update, .unchanged, .delete: false
            }
        }
    }

    public struct Entry: Sendable, Equatable {
        public var path: String
        public var action: Action

        public init(path: String, action: Action) {
            self.path = path
            self.action = action
        }
    }

    /// The output directory, symbolic links resolved.
    public var directory: URL
    public var targetState: TargetState
    public var entries: [Entry]

    public init(directory: URL, targetState: TargetState, entries: [Entry]) {
        self.directory = directory
        self.targetState = targetState
        self.entries = entries.sorted { $0.path < $1.path }
    }

    /// Entries that change the disk.
    public var changes: [Entry] { entries.filter { $0.action != .unchanged } }

    /// Paths whose action needs force: the edits a write would lose.
    public var pathsNeedingForce: [String] { entries.filter(\.action.needsForce).map(\.path) }
}
