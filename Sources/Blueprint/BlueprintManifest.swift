import BlueprintData

/// A loaded blueprint: its manifest and every template's text by template path.
public struct Blueprint: Sendable, Equatable {
    public var manifest: BlueprintManifest
    public var templates: [String: String]
    /// Every file of the blueprint folder (manifest, templates, docs) by relative path: what
    /// `stamp blueprint export` writes.
    public var files: [String: String]

    public init(manifest: BlueprintManifest, templates: [String: String], files: [String: String]) {
        self.manifest = manifest
        self.templates = templates
        self.files = files
    }
}
