import GeneratedFiles
import Crypto
import Foundation

/// `.stamp/manifest.json`: which stamp and blueprint produced a repository, and the SHA-256 of
/// every generated file as written. Comparing those hashes with the disk is how stamp tells the
/// user's edits from its own bytes; `.stamp/` files themselves are not listed.
public struct Manifest: Codable, Sendable, Equatable {
    /// The blueprint a repository was generated from.
    public struct BlueprintReference: Codable, Sendable, Equatable {
        public var name: String
        public var version: String

        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    public var stampVersion: String
    public var blueprint: BlueprintReference
    /// Generated path -> lowercase hex SHA-256 of its bytes.
    public var files: [String: String]

    public init(stampVersion: String, blueprint: BlueprintReference, files: [String: String]) {
        self.stampVersion = stampVersion
        self.blueprint = blueprint
        self.files = files
    }

    /// The manifest of a generation: every file hashed as the writer will write it (UTF-8).
    public init(stampVersion: String, blueprint: BlueprintReference, fileSet: FileSet) {
        var files: [String: String] = [:]
        for file in fileSet.files {
            files[file.path] = ContentHash.sha256(Data(file.contents.utf8))
        }
        self.init(stampVersion: stampVersion, blueprint: blueprint, files: files)
    }

    // Explicit keys rather than `.convertToSnakeCase`: that strategy would also rewrite the
    // file paths used as dictionary keys.
    enum CodingKeys: String, CodingKey {
        case stampVersion = "stamp_version"
        case blueprint
        case files
    }

    /// Deterministic JSON: sorted keys, pretty printed, `/` unescaped (paths stay readable in a
    /// diff), and a final newline so the file is a well-formed text file.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and dictionaries of strings cannot fail.
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(0x0A)
        return data
    }

    /// Decodes and checks a manifest; `path` only names the file in errors. Every listed path
    /// must be safe, because the writer deletes files the manifest names.
    public static func decode(_ data: Data, path: String = RepositoryLayout.manifestPath) throws
        -> Manifest
    {
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch let error as DecodingError {
            throw OutputError.invalidManifest(path: path, reason: reason(for: error))
        } catch {
            throw OutputError.invalidManifest(path: path, reason: "\(error)")
        }
        for (file, hash) in manifest.files.sorted(by: { $0.key < $1.key }) {
            if let unsafe = FileSet.unsafePathReason(file) ?? RepositoryWriter.reservedPathReason(file) {
                throw OutputError.invalidManifest(path: path, reason: "it lists `\(file)`: \(unsafe)")
            }
            if !ContentHash.isSHA256(hash) {
                throw OutputError.invalidManifest(
                    path: path, reason: "the hash of `\(file)` is not 64 lowercase hex digits: `\(hash)`")
            }
        }
        return manifest
    }

    private static func reason(for error: DecodingError) -> String {
        func keyPath(_ context: DecodingError.Context, _ last: CodingKey? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            return keys.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "the key `\(keyPath(context, key))` is missing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "`\(keyPath(context))` should be \(type == String.self ? "a string" : "an object")"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "it is not valid JSON" : "`\(keyPath(context))` is malformed"
        @unknown default:
            return "\(error)"
        }
    }
}

/// SHA-256 as stamp records it: lowercase hex of the exact bytes.
public enum ContentHash {
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }

    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
