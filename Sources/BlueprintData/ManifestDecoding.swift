import Foundation
import Yams

extension BlueprintManifest {
    /// A file of the manifest that could not be decoded, and why.
    public struct DecodingError: Error, Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// `blueprint.yaml` plus the file rules of `parts/*.yaml`, in the parts' name order: what
    /// a blueprint folder says. Used by the loader and, at build time, by the embedder, which
    /// stores the result as JSON so that the built-in blueprint loads without YAML.
    public static func decode(manifest text: String, origin: String, parts: [(path: String, text: String)]) throws
        -> BlueprintManifest
    {
        var manifest: BlueprintManifest
        do {
            manifest = try YAMLDecoder().decode(BlueprintManifest.self, from: text)
        } catch {
            throw DecodingError(path: origin, reason: "\(error)")
        }
        for part in parts.sorted(by: { $0.path < $1.path }) {
            do {
                manifest.files += try YAMLDecoder().decode(Part.self, from: part.text).files
            } catch {
                throw DecodingError(path: part.path, reason: "\(error)")
            }
        }
        return manifest
    }

    /// The manifest as the embedder stores it (sorted keys: the same bytes on every build).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public static func fromJSON(_ text: String) throws -> BlueprintManifest {
        try JSONDecoder().decode(BlueprintManifest.self, from: Data(text.utf8))
    }
}
