import BlueprintData
import GeneratedFiles
import HCL
import Mustache
import Planning

/// (Plan, Blueprint) -> FileSet. Pure: no disk, no clock, no environment; the same inputs
/// always give the same bytes.
public struct BlueprintRenderer: Sendable {
    public init() {
        ContentEscaping.registerAll()
    }

    public func render(_ plan: Plan, with blueprint: Blueprint) throws -> FileSet {
        let scopes = try RenderScopes(RenderModel(plan: plan, catalog: blueprint.manifest.catalog))
        var jobs: [RenderJob] = []
        for rule in blueprint.manifest.files where try isEnabled(rule, root: scopes.root) {
            guard let source = blueprint.templates[rule.template] else {
                throw BlueprintError.missingTemplate(rule: rule.path, template: rule.template)
            }
            // Most paths are plain text; only fanned-out ones name their copy.
            let pathTemplate =
                rule.path.contains("{{")
                ? try ParsedTemplates.parse(rule.path, named: "path of \(rule.template)", escaping: .text) : nil
            for scope in Self.scopes(rule.forEach, plan: plan, scopes: scopes) {
                let path = pathTemplate?.render(scope) ?? rule.path
                if let reason = FileSet.unsafePathReason(path) {
                    throw BlueprintError.unsafeOutputPath(rule: rule.path, path: path, reason: reason)
                }
                jobs.append(RenderJob(rule: rule, source: source, path: path, scope: scope))
            }
        }
        let templates = try ParsedTemplates.parsing(jobs.map { ($0.source, $0.rule.template, $0.escaping) })
        let rendered = try jobs.parallelMap { job in
            let key = ParsedTemplates.key(job.source, escaping: job.escaping)
            guard let template = templates[key] else { preconditionFailure("every job's template was parsed") }
            return GeneratedFile(
                path: job.path, contents: try Self.formatted(template.render(job.scope), path: job.path))
        }
        var files: [String: GeneratedFile] = [:]
        for file in rendered {
            guard files[file.path] == nil else { throw BlueprintError.duplicateOutputPath(path: file.path) }
            files[file.path] = file
        }
        return FileSet(Array(files.values))
    }

    private func isEnabled(_ rule: BlueprintManifest.FileRule, root: [String: RenderValue]) throws -> Bool {
        guard let condition = rule.when else { return true }
        guard case .bool(let enabled) = RenderValue.object(root).value(at: condition) else {
            throw BlueprintError.unknownCondition(
                rule: rule.path, condition: condition, known: RenderValue.object(root).booleanPaths)
        }
        return enabled
    }

    /// The root plus what one copy of a fanned-out file sees.
    private static func scopes(_ fanOut: BlueprintManifest.FanOut?, plan: Plan, scopes: RenderScopes)
        -> [[String: RenderValue]]
    {
        let root = scopes.root
        let none = RenderValue.object([:])
        switch fanOut {
        case nil:
            return [root]
        case .environment:
            return plan.environments.map {
                root.merging(["environment": scopes.environments[$0.name] ?? none]) { $1 }
            }
        case .instance:
            return plan.instances.map { root.merging(["instance": scopes.instances[$0.name] ?? none]) { $1 } }
        case .deployment:
            return plan.environments.flatMap { environment in
                environment.deployments.map { deployment in
                    root.merging([
                        "environment": scopes.environments[environment.name] ?? none,
                        "instance": scopes.instances[deployment.instance] ?? none,
                        "deployment": scopes.deployments[environment.name]?[deployment.instance] ?? none,
                    ]) { $1 }
                }
            }
        }
    }

    /// HCL files (Terraform's, and the tools' `.hcl` configuration) come out as `terraform fmt`
    /// writes them, whatever the template's layout; the same rule as their escaping decides.
    private static func formatted(_ text: String, path: String) throws -> String {
        guard OutputKind(path: path).isFormatted else { return text }
        do {
            return try HCLFormatter().format(text)
        } catch {
            throw BlueprintError.unformattable(path: path, reason: "\(error)")
        }
    }
}

/// One file to render: its rule, template text, output path and the context it sees.
struct RenderJob: Sendable {
    let rule: BlueprintManifest.FileRule
    let source: String
    let path: String
    let scope: [String: RenderValue]
    var escaping: ContentEscaping { ContentEscaping.forPath(path) }
}

/// A template parsed with its plain lines lifted out (see TemplateLiterals).
struct ParsedTemplate: Sendable {
    let pieces: [MustacheTemplate]
    let literals: [String: RenderValue]

    func render(_ scope: [String: RenderValue]) -> String {
        let context = RenderValue.object(literals.isEmpty ? scope : scope.merging(literals) { $1 })
        return pieces.map { $0.render(context) }.joined()
    }
}

/// Each template parsed once per escaping, however many files it renders.
enum ParsedTemplates {
    static func key(_ source: String, escaping: ContentEscaping) -> String {
        escaping.rawValue + "\u{0}" + source
    }

    /// Every distinct (template, escaping), parsed on every core.
    static func parsing(_ templates: [(source: String, name: String, escaping: ContentEscaping)]) throws
        -> [String: ParsedTemplate]
    {
        var seen = Set<String>()
        let distinct = templates.filter { seen.insert(key($0.source, escaping: $0.escaping)).inserted }
        let parsed = try distinct.parallelMap { try parse($0.source, named: $0.name, escaping: $0.escaping) }
        return Dictionary(uniqueKeysWithValues: zip(distinct.map { key($0.source, escaping: $0.escaping) }, parsed))
    }

    static func parse(_ source: String, named name: String, escaping: ContentEscaping) throws
        -> ParsedTemplate
    {
        let lifted = TemplateLiterals(source)
        do {
            return ParsedTemplate(
                pieces: try lifted.pieces.map { try MustacheTemplate(string: escaping.pragma + "\n" + $0) },
                literals: lifted.literals.mapValues(RenderValue.string))
        } catch {
            throw BlueprintError.invalidTemplate(template: name, reason: "\(error)")
        }
    }
}
