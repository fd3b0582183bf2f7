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
        var files: [String: GeneratedFile] = [:]
        for rule in blueprint.manifest.files {
            if let condition = rule.when {
                guard let enabled = context.boolean(at: condition) else {
                    throw BlueprintError.unknownCondition(
                        rule: rule.path, condition: condition, known: context.booleanPaths)
                }
                if !enabled { continue }
            }
            guard let source = blueprint.templates[rule.template] else {
                throw BlueprintError.missingTemplate(rule: rule.path, template: rule.template)
            }
            for scope in scopes(rule.forEach, plan: plan, context: context) {
                let file = try renderFile(rule, source: source, scope: scope)
                guard files[file.path] == nil else { throw BlueprintError.duplicateOutputPath(path: file.path) }
                files[file.path] = file
            }
        }
        return FileSet(Array(files.values))
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

    private func renderFile(_ rule: BlueprintManifest.FileRule, source: String, scope: [String: Any]) throws
        -> GeneratedFile
    {
        let path = try template(ContentEscaping.text.pragma + rule.path, name: "path of \(rule.template)")
            .render(scope)
        if let reason = FileSet.unsafePathReason(path) {
            throw BlueprintError.unsafeOutputPath(rule: rule.path, path: path, reason: reason)
        }
        let escaping = ContentEscaping.forPath(path)
        let text = try template(escaping.pragma + "\n" + source, name: rule.template).render(scope)
        return GeneratedFile(path: path, contents: try formatted(text, path: path))
    }

    private func template(_ text: String, name: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch {
            throw BlueprintError.invalidTemplate(template: name, reason: "\(error)")
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
