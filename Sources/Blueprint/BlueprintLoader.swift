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
        var manifest: BlueprintManifest
        do {
            manifest = try YAMLDecoder().decode(BlueprintManifest.self, from: text)
        } catch {
            throw BlueprintError.invalidManifest(path: origin, reason: "\(error)")
        }
        // `parts/*.yaml` add file rules grouped by concern (one per module), in name order.
        for (path, text) in files.sorted(by: { $0.key < $1.key })
        where path.hasPrefix(Self.partsFolder) && path.hasSuffix(".yaml") {
            do {
                manifest.files += try YAMLDecoder().decode(BlueprintManifest.Part.self, from: text).files
            } catch {
                throw BlueprintError.invalidManifest(path: path, reason: "\(error)")
            }
        }
        var templates: [String: String] = [:]
        for (path, contents) in files where path.hasPrefix(Self.templatesFolder) {
            templates[String(path.dropFirst(Self.templatesFolder.count))] = contents
        }
        for rule in manifest.files where templates[rule.template] == nil {
            throw BlueprintError.missingTemplate(rule: rule.path, template: rule.template)
        }
        try TutorTableCheck(table: manifest.tutor ?? [:]).check()
        return Blueprint(manifest: manifest, templates: templates, files: files)
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
