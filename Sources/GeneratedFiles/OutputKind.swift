/// What kind of text a generated file is, from its name: it decides how questionnaire values
/// are escaped in it and whether it is formatted, so the two can never disagree.
public enum OutputKind: String, Sendable, CaseIterable {
    /// Terraform (`.tf`, `.tfvars`) and the tools' HCL configuration (`.hcl`): escaped for
    /// quoted strings and written as `terraform fmt` would.
    case hcl
    /// `.yml`, `.yaml`: escaped for double-quoted scalars.
    case yaml
    /// `.md`: escaped as Markdown text.
    case markdown
    /// Anything else: written as rendered.
    case text

    public init(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".tf") || name.hasSuffix(".tfvars") || name.hasSuffix(".hcl") {
            self = .hcl
        } else if name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            self = .yaml
        } else if name.hasSuffix(".md") {
            self = .markdown
        } else {
            self = .text
        }
    }

    /// Whether the renderer formats files of this kind (HCL only).
    public var isFormatted: Bool { self == .hcl }
}
