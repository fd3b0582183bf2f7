import GeneratedFiles
import Foundation
import Yams

/// Loads a blueprint from the copy embedded in the binary or from a user's folder.
public struct BlueprintLoader: Sendable {
    public static let builtInName = "openedx-aws"
    static let manifestFile = "blueprint.yaml"
    static let templatesFolder = "templates/"
    static let partsFolder = "parts/"

    public init() {}

    /// The blueprint compiled into stamp (from `blueprints/openedx-aws`).
    public func builtIn() throws -> Blueprint {
        let prefix = Self.builtInName + "/"
        let files = EmbeddedBlueprints.files.reduce(into: [String: String]()) { result, entry in
            if entry.key.hasPrefix(prefix) { result[String(entry.key.dropFirst(prefix.count))] = entry.value }
        }
        return try blueprint(from: files, origin: "built-in blueprint \(Self.builtInName)")
    }

    /// A blueprint folder (`blueprint.yaml` + `templates/`), e.g. one `stamp blueprint export` wrote.
    public func load(directory: String) throws -> Blueprint {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let manifest = root.appendingPathComponent(Self.manifestFile)
        guard FileManager.default.fileExists(atPath: manifest.path) else {
            throw BlueprintError.notFound(path: manifest.path)
        }
        return try blueprint(from: try readTree(root), origin: manifest.path)
    }

    func blueprint(from files: [String: String], origin: String) throws -> Blueprint {
        guard let text = files[Self.manifestFile] else { throw BlueprintError.notFound(path: origin) }
        // `parts/*.yaml` add file rules grouped by concern (one per module), in name order.
        let parts = files.filter { $0.key.hasPrefix(Self.partsFolder) && $0.key.hasSuffix(".yaml") }
            .sorted { $0.key < $1.key }.map { (path: $0.key, text: $0.value) }
        // Decoded on every core: YAML decoding is most of the time it takes to load a blueprint.
        let decoded = try ([(path: origin, text: text)] + parts).enumerated().map { ($0.offset, $0.element) }
            .parallelMap { index, source in
                do {
                    return index == 0
                        ? Decoded.manifest(try YAMLDecoder().decode(BlueprintManifest.self, from: source.text))
                        : Decoded.part(try YAMLDecoder().decode(BlueprintManifest.Part.self, from: source.text).files)
                } catch {
                    throw BlueprintError.invalidManifest(path: source.path, reason: "\(error)")
                }
            }
        guard case .manifest(var manifest) = decoded.first else { throw BlueprintError.notFound(path: origin) }
        for case .part(let rules) in decoded.dropFirst() { manifest.files += rules }
        var templates: [String: String] = [:]
        for (path, contents) in files where path.hasPrefix(Self.templatesFolder) {
            templates[String(path.dropFirst(Self.templatesFolder.count))] = contents
        }
        for rule in manifest.files where templates[rule.template] == nil {
            throw BlueprintError.missingTemplate(rule: rule.path, template: rule.template)
        }
        try TutorTableCheck(table: manifest.tutor ?? [:]).check()
        try ConditionCheck.check(manifest)
        return Blueprint(manifest: manifest, templates: templates, files: files)
    }

    private enum Decoded: Sendable {
        case manifest(BlueprintManifest)
        case part([BlueprintManifest.FileRule])
    }

    private func readTree(_ root: URL) throws -> [String: String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else {
            throw BlueprintError.unreadable(path: root.path, reason: "not a readable folder")
        }
        var files: [String: String] = [:]
        while let relative = walker.nextObject() as? String {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            do {
                files[relative] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw BlueprintError.unreadable(path: url.path, reason: "not UTF-8 text")
            }
        }
        return files
    }
}
