import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin POSIX calls for the writer. POSIX rather than FileManager because the writer needs
/// exactly these semantics: `lstat` (never follow a link), `rename` (atomic replace, which
/// FileManager's move refuses), `link`, `O_EXCL | O_NOFOLLOW` creation, and the umask applied
/// to new modes. Every failure becomes `OutputError.io` naming the path.
enum Disk {
    enum Kind: Equatable {
        case file, directory, symlink, other
    }

    /// What is at `path`, without following a final symbolic link; nil when nothing is.
    static func kind(_ path: String) throws -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw failure(path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    static func readFile(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Creates a new regular file (never replaces or follows anything). Mode 0644 minus the
    /// user's umask, as every other tool that writes source files does.
    static func createFile(_ path: String, contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        try contents.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                offset += written
            }
        }
    }

    /// A new directory, mode 0755 minus the umask.
    static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 else { throw failure(path) }
    }

    /// Atomic replace of `destination` (same file system).
    static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else { throw failure(destination) }
    }

    static func hardLink(_ source: String, to destination: String) throws {
        guard link(source, destination) == 0 else { throw failure(destination) }
    }

    static func removeFile(_ path: String) throws {
        guard unlink(path) == 0 else { throw failure(path) }
    }

    /// Removes an empty directory; false (not an error) when it still has entries.
    @discardableResult
    static func removeEmptyDirectory(_ path: String) throws -> Bool {
        if rmdir(path) == 0 { return true }
        if errno == ENOTEMPTY || errno == EEXIST { return false }
        throw failure(path)
    }

    /// Removes a staging directory and everything in it. `FileManager` does not follow links
    /// while removing, and staging only ever holds files the writer made.
    static func removeTree(_ path: String) throws {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw OutputError.io(path: path, underlying: "cannot remove: \(error.localizedDescription)")
        }
    }

    static func entries(of directory: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw OutputError.io(
                path: directory, underlying: "cannot list: \(error.localizedDescription)")
        }
    }

    /// The canonical absolute path, every symbolic link resolved.
    static func realPath(_ path: String) throws -> String {
        guard let resolved = realpath(path, nil) else { throw failure(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func currentDirectory() -> String {
        FileManager.default.currentDirectoryPath
    }

    private static func failure(_ path: String) -> OutputError {
        .io(path: path, underlying: String(cString: strerror(errno)))
    }
}
