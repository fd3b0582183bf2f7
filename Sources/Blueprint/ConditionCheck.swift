import BlueprintData
import Planning
import Questionnaire

/// A blueprint's `when:` rules name booleans of the render model's root (`services.ses`,
/// `dns.create_zone`); a rule naming anything else is refused when the blueprint loads, not
/// when some questionnaire first reaches it.
struct ConditionCheck {
    /// Every boolean of the root context by dotted path. The root's booleans are fields of
    /// fixed types, so a plan of any questionnaire has them all; this one has no environments.
    static func knownConditions(catalog: Catalog) throws -> [String] {
        let answers = Answers(
            project: .init(name: "sample", organization: "Sample"),
            aws: .init(
                region: "us-east-1", accountID: "000000000000", availabilityZones: ["us-east-1a", "us-east-1b"]),
            dns: .init(domain: "sample.example"), github: .init(repository: "sample/sample"), environments: [],
            instances: [], services: Answers.Services())
        let root = try RenderValueEncoder.encode(RenderModel(plan: try Planner().plan(answers), catalog: catalog).root)
        return root.booleanPaths
    }

    static func check(_ manifest: BlueprintManifest) throws {
        let conditions = manifest.files.compactMap(\.when)
        guard !conditions.isEmpty else { return }
        let known = try knownConditions(catalog: manifest.catalog)
        for rule in manifest.files {
            guard let condition = rule.when, !known.contains(condition) else { continue }
            throw BlueprintError.unknownCondition(rule: rule.path, condition: condition, known: known)
        }
    }
}
