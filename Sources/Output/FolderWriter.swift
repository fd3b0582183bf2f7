import GeneratedFiles
import Foundation

/// Writes plain files that are not a generated repository: a blueprint copy
/// (`stamp blueprint export`) or a starter questionnaire (`stamp init`). Same guarantees as
/// `RepositoryWriter`: paths stay inside the target, no symbolic link is followed, and every
/// file appears whole (written to a temporary name beside it, then renamed).
public struct FolderWriter: Sendable {
    public init() {}

    /// Writes `files` (relative path -> text) into `directory`, which must be missing or empty
    /// unless `force`. Returns the paths written, sorted.
    @discardableResult
    public func write(_ files: [String: String], to directory: URL, force: Bool) throws -> [String] {
        let fileSet = FileSet(files.map { GeneratedFile(path: $0.key, contents: $0.value) })
        try WritePlanner.checkPaths(fileSet)
        let (root, exists) = try WritePlanner.resolve(directory)
        if exists, !force, !(try Disk.entries(of: root).isEmpty) {
            throw OutputError.directoryNotEmpty(directory: root)
        }
        if !exists { try makeDirectories(root) }
        let tree = OutputTree(root: root)
        for file in fileSet.files {
            try writeFile(file, in: tree)
        }
        return fileSet.paths
    }

    private func writeFile(_ file: GeneratedFile, in tree: OutputTree) throws {
        var parent = ""
        for component in file.path.split(separator: "/").dropLast() {
            parent += parent.isEmpty ? String(component) : "/" + component
            switch try tree.kind(of: parent) {
            case nil: try Disk.makeDirectory(tree.absolute(parent))
            case .directory: break
            default:
                throw OutputError.io(
                    path: tree.absolute(parent), underlying: "a directory is needed here, but a file is in the way")
            }
        }
        if let kind = try tree.kind(of: file.path), kind != .file {
            throw OutputError.io(path: tree.absolute(file.path), underlying: "is not a regular file")
        }
        try SingleFileWriter.replace(tree.absolute(file.path), with: Data(file.contents.utf8))
    }

    /// `mkdir -p` for a target that does not exist yet.
    private func makeDirectories(_ path: String) throws {
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            if try Disk.kind(current) == nil { try Disk.makeDirectory(current) }
        }
    }
}

/// Writes one file atomically: `stamp init`'s questionnaire.
public struct SingleFileWriter: Sendable {
    public init() {}

    /// Writes `text` to `url`; an existing file is replaced only when `overwrite`. A symbolic
    /// link at `url` is refused rather than followed.
    public func write(_ text: String, to url: URL, overwrite: Bool) throws {
        let path = url.path
        switch try Disk.kind(path) {
        case nil: break
        case .file where overwrite: break
        case .file: throw OutputError.io(path: path, underlying: "already exists (hint: pass --force to overwrite it)")
        case .symlink: throw OutputError.symlinkInPath(path: path)
        default: throw OutputError.io(path: path, underlying: "is not a regular file")
        }
        try Self.replace(path, with: Data(text.utf8))
    }

    /// Writes beside `path` under a temporary name, then renames over it.
    static func replace(_ path: String, with contents: Data) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).stamp-\(UUID().uuidString)").path
        try Disk.createFile(temporary, contents: contents)
        do {
            try Disk.move(temporary, to: path)
        } catch {
            try? Disk.removeFile(temporary)
            throw error
        }
    }
}
