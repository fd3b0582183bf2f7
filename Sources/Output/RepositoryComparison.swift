import GeneratedFiles
import Foundation

/// One generated path compared three ways: what stamp recorded last time (the manifest's hash),
/// what is on disk now, and what a new generation produces. Read-only: `stamp diff` and
/// `stamp check` are built on it, and it never writes.
public struct FileStatus: Sendable, Equatable {
    public var path: String
    /// The bytes on disk now; nil when missing.
    public var onDisk: String?
    /// The new generation's text; nil when it no longer produces the path.
    public var generated: String?
    /// The manifest's hash of what stamp wrote last time; nil when it never recorded the path.
    public var recordedHash: String?
    /// The hash of `onDisk`.
    public var diskHash: String?

    /// The file on disk differs from the new generation (created, changed or deleted by it).
    public var differsFromGeneration: Bool { onDisk != generated }

    /// The user changed or deleted a file stamp wrote.
    public var editedByUser: Bool { recordedHash != nil && diskHash != recordedHash }

    /// A regeneration (`stamp update`) would change this path: the new generation differs from
    /// what stamp wrote last time, or the user deleted a file stamp still generates.
    public var stale: Bool {
        let generatedHash = generated.map { ContentHash.sha256(Data($0.utf8)) }
        if generatedHash != recordedHash { return true }
        return generated != nil && onDisk == nil
    }
}

/// Compares a new generation with a repository on disk.
public struct RepositoryComparison: Sendable {
    public var directory: URL
    public init(directory: URL) { self.directory = directory }

    /// Every path the new generation produces or the manifest records, sorted; files the user
    /// added are not stamp's and never appear.
    public func statuses(of generation: Generation) throws -> [FileStatus] {
        let loader = ManifestLoader()
        let manifest = try loader.manifest(in: directory)
        let generated = Dictionary(uniqueKeysWithValues: generation.files.files.map { ($0.path, $0.contents) })
        let recorded = manifest?.files ?? [:]
        return try Set(generated.keys).union(recorded.keys).sorted().map { path in
            let data = try loader.currentContents(of: path, in: directory)
            return FileStatus(
                path: path, onDisk: data.map { String(decoding: $0, as: UTF8.self) }, generated: generated[path],
                recordedHash: recorded[path], diskHash: data.map(ContentHash.sha256))
        }
    }
}
