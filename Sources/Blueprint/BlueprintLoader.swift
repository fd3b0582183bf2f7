import BlueprintData
import GeneratedFiles
import Foundation

/// Loads a blueprint from the copy embedded in the binary or from a user's folder.
public struct BlueprintLoader: Sendable {
    public static let builtInName = "openedx-aws"
    static let manifestFile = "blueprint.yaml"
    static let templatesFolder = "templates/"
    static let partsFolder = "parts/"

    public init() {}

    /// The blueprint compiled into stamp (from `blueprints/openedx-aws`); its manifest was
    /// decoded from YAML when stamp was built.
    public func builtIn() throws -> Blueprint {
        let prefix = Self.builtInName + "/"
        let files = EmbeddedBlueprints.files.reduce(into: [String: String]()) { result, entry in
            if entry.key.hasPrefix(prefix) { result[String(entry.key.dropFirst(prefix.count))] = entry.value }
        }
        let origin = "built-in blueprint \(Self.builtInName)"
        guard let json = EmbeddedBlueprints.manifests[Self.builtInName] else {
            throw BlueprintError.notFound(path: origin)
        }
        let manifest: BlueprintManifest
        do {
            manifest = try BlueprintManifest.fromJSON(json)
        } catch {
            throw BlueprintError.invalidManifest(path: origin, reason: "\(error)")
        }
        return try blueprint(manifest: manifest, files: files, checkConditions: false)
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
            .map { (path: $0.key, text: $0.value) }
        do {
            return try blueprint(
                manifest: try BlueprintManifest.decode(manifest: text, origin: origin, parts: parts), files: files)
        } catch let error as BlueprintManifest.DecodingError {
            throw BlueprintError.invalidManifest(path: error.path, reason: error.reason)
        }
    }

    /// Checks a decoded manifest against its templates and the planner, and pairs them. The
    /// built-in blueprint's `when:` rules are held to the render model by a test instead
    /// (`ConditionCheckTests`), as they cannot change after stamp is built.
    private func blueprint(manifest: BlueprintManifest, files: [String: String], checkConditions: Bool = true)
        throws -> Blueprint
    {
        var templates: [String: String] = [:]
        for (path, contents) in files where path.hasPrefix(Self.templatesFolder) {
            templates[String(path.dropFirst(Self.templatesFolder.count))] = contents
        }
        for rule in manifest.files where templates[rule.template] == nil {
            throw BlueprintError.missingTemplate(rule: rule.path, template: rule.template)
        }
        try TutorTableCheck(table: manifest.tutor ?? [:]).check()
        if checkConditions { try ConditionCheck.check(manifest) }
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
