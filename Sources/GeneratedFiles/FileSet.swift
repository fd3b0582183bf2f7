/// One file of a generated repository: a safe relative path (`/`-separated, no `..`, no leading
/// `/`) and its exact bytes as UTF-8 text.
public struct GeneratedFile: Sendable, Equatable, Hashable {
    public var path: String
    public var contents: String
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The rendered repository: files sorted by path, each path once.
public struct FileSet: Sendable, Equatable {
    public private(set) var files: [GeneratedFile]

    public init(_ files: [GeneratedFile]) {
        self.files = files.sorted { $0.path < $1.path }
    }

    public var paths: [String] { files.map(\.path) }

    public subscript(path: String) -> GeneratedFile? { files.first { $0.path == path } }

    /// Paths that are empty, absolute, or step outside the repository (`..`, `.`, empty segments,
    /// backslashes, NUL); the writer refuses a FileSet that has any.
    public static func unsafePathReason(_ path: String) -> String? {
        let bytes = path.utf8
        if bytes.isEmpty { return "the path is empty" }
        if bytes.first == UInt8(ascii: "/") { return "the path is absolute" }
        if bytes.contains(UInt8(ascii: "\\")) || bytes.contains(0) { return "the path contains a backslash or NUL" }
        for segment in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if segment.isEmpty { return "the path has an empty segment" }
            if segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) {
                return "the path contains `\(String(decoding: segment, as: UTF8.self))`"
            }
        }
        return nil
    }
}
