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
        let context = TemplateContext(plan: plan, blueprint: blueprint.manifest)
        var jobs: [RenderJob] = []
        var paths = ParsedTemplates()
        for rule in blueprint.manifest.files where try isEnabled(rule, context: context) {
            guard let source = blueprint.templates[rule.template] else {
                throw BlueprintError.missingTemplate(rule: rule.path, template: rule.template)
            }
            let pathTemplate = try paths.parsed(rule.path, named: "path of \(rule.template)", escaping: .text)
            for scope in scopes(rule.forEach, plan: plan, context: context) {
                let path = pathTemplate.render(scope)
                if let reason = FileSet.unsafePathReason(path) {
                    throw BlueprintError.unsafeOutputPath(rule: rule.path, path: path, reason: reason)
                }
                jobs.append(RenderJob(rule: rule, source: source, path: path, scope: scope))
            }
        }
        let templates = try ParsedTemplates.parsing(jobs.map { ($0.source, $0.rule.template, $0.escaping) })
        let rendered = try jobs.map { job in
            let key = ParsedTemplates.key(job.source, escaping: job.escaping)
            guard let template = templates[key] else { preconditionFailure("every job's template was parsed") }
            return GeneratedFile(path: job.path, contents: try formatted(template.render(job.scope), path: job.path))
        }
        var files: [String: GeneratedFile] = [:]
        for file in rendered {
            guard files[file.path] == nil else { throw BlueprintError.duplicateOutputPath(path: file.path) }
            files[file.path] = file
        }
        return FileSet(Array(files.values))
    }

    private func isEnabled(_ rule: BlueprintManifest.FileRule, context: TemplateContext) throws -> Bool {
        guard let condition = rule.when else { return true }
        guard let enabled = context.boolean(at: condition) else {
            throw BlueprintError.unknownCondition(rule: rule.path, condition: condition, known: context.booleanPaths)
        }
        return enabled
    }

    /// The root context plus what one copy of a fanned-out file sees.
    private func scopes(_ fanOut: BlueprintManifest.FanOut?, plan: Plan, context: TemplateContext) -> [[String: Any]] {
        switch fanOut {
        case nil:
            return [context.root]
        case .environment:
            // The context is built from the same plan, so every name has its entry.
            return plan.environments.map {
                context.root.merging(["environment": context.environments[$0.name] ?? [:]]) { $1 }
            }
        case .instance:
            return plan.instances.map { context.root.merging(["instance": context.instances[$0.name] ?? [:]]) { $1 } }
        case .deployment:
            return plan.environments.flatMap { environment in
                environment.deployments.map { deployment in
                    context.root.merging([
                        "environment": context.environments[environment.name] ?? [:],
                        "instance": context.instances[deployment.instance] ?? [:],
                        "deployment": context.deployments[environment.name]?[deployment.instance] ?? [:],
                    ]) { $1 }
                }
            }
        }
    }

    /// HCL files (Terraform's, and the tools' `.hcl` configuration) come out as `terraform fmt`
    /// writes them, whatever the template's layout; the same rule as their escaping decides.
    private func formatted(_ text: String, path: String) throws -> String {
        guard ContentEscaping.forPath(path) == .hcl else { return text }
        do {
            return try HCLFormatter().format(text)
        } catch {
            throw BlueprintError.unformattable(path: path, reason: "\(error)")
        }
    }
}

/// One file to render: its rule, template text, output path and the context it sees.
struct RenderJob {
    let rule: BlueprintManifest.FileRule
    let source: String
    let path: String
    let scope: [String: Any]
    var escaping: ContentEscaping { ContentEscaping.forPath(path) }
}

/// A template parsed with its plain lines lifted out (see TemplateLiterals).
struct ParsedTemplate {
    let template: MustacheTemplate
    let literals: [String: String]

    func render(_ scope: [String: Any]) -> String {
        template.render(literals.isEmpty ? scope : scope.merging(literals) { $1 })
    }
}

/// Each template parsed once per escaping, however many files it renders.
struct ParsedTemplates {
    private var cache: [String: ParsedTemplate] = [:]

    static func key(_ source: String, escaping: ContentEscaping) -> String {
        escaping.rawValue + "\u{0}" + source
    }

    /// Every distinct (template, escaping), parsed on every core.
    static func parsing(_ templates: [(source: String, name: String, escaping: ContentEscaping)]) throws
        -> [String: ParsedTemplate]
    {
        var seen = Set<String>()
        let distinct = templates.filter { seen.insert(key($0.source, escaping: $0.escaping)).inserted }
        let parsed = try distinct.map { try parse($0.source, named: $0.name, escaping: $0.escaping) }
        return Dictionary(uniqueKeysWithValues: zip(distinct.map { key($0.source, escaping: $0.escaping) }, parsed))
    }

    mutating func parsed(_ source: String, named name: String, escaping: ContentEscaping) throws -> ParsedTemplate {
        let key = Self.key(source, escaping: escaping)
        if let parsed = cache[key] { return parsed }
        let parsed = try Self.parse(source, named: name, escaping: escaping)
        cache[key] = parsed
        return parsed
    }

    private static func parse(_ source: String, named name: String, escaping: ContentEscaping) throws
        -> ParsedTemplate
    {
        let lifted = TemplateLiterals(source)
        do {
            return ParsedTemplate(
                template: try MustacheTemplate(string: escaping.pragma + "\n" + lifted.template),
                literals: lifted.literals)
        } catch {
            throw BlueprintError.invalidTemplate(template: name, reason: "\(error)")
        }
    }
}
