import GeneratedFiles
/// Why a blueprint cannot be loaded or rendered.
public enum BlueprintError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case invalidManifest(path: String, reason: String)
    case missingTemplate(rule: String, template: String)
    case invalidTemplate(template: String, reason: String)
    case unknownCondition(rule: String, condition: String, known: [String])
    case unsafeOutputPath(rule: String, path: String, reason: String)
    case duplicateOutputPath(path: String)
    case unformattable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "blueprint not found at \(path) (hint: `stamp blueprint export DIR` writes a copy of the built-in blueprint to start from)"
        case .unreadable(let path, let reason):
            "cannot read blueprint file \(path): \(reason)"
        case .invalidManifest(let path, let reason):
            "\(path): invalid blueprint manifest: \(reason)"
        case .missingTemplate(let rule, let template):
            "blueprint.yaml: file `\(rule)` names template `\(template)`, which is not in templates/"
        case .invalidTemplate(let template, let reason):
            "templates/\(template): not a valid Mustache template: \(reason)"
        case .unknownCondition(let rule, let condition, let known):
            "blueprint.yaml: file `\(rule)` has `when: \(condition)`, which is not a boolean of the context (known: \(known.joined(separator: ", ")))"
        case .unsafeOutputPath(let rule, let path, let reason):
            "blueprint.yaml: file `\(rule)` renders to `\(path)`: \(reason); generated files must stay inside the output directory"
        case .duplicateOutputPath(let path):
            "blueprint.yaml: two files render to `\(path)`"
        case .unformattable(let path, let reason):
            "\(path): the rendered Terraform cannot be formatted: \(reason) (a template bug: check the template that writes it)"
        }
    }
}
