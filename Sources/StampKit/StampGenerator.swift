@_exported import Blueprint
@_exported import BlueprintData
@_exported import GeneratedFiles
@_exported import Output
@_exported import Planning
@_exported import Questionnaire

/// The library's front door: answers + blueprint -> the generated repository, in memory.
public struct StampGenerator: Sendable {
    /// The stamp release; recorded only in `.stamp/manifest.json`, never in generated files.
    public static let version = "0.1.0"

    public init() {}

    public func generate(_ answers: Answers, blueprint: Blueprint) throws -> GeneratedRepository {
        let plan = try Planner().plan(answers)
        let files = try BlueprintRenderer().render(plan, with: blueprint)
        let generation = Generation(
            files: files, answersYAML: answers.normalizedYAML(), stampVersion: Self.version,
            blueprint: .init(name: blueprint.manifest.name, version: blueprint.manifest.version))
        return GeneratedRepository(plan: plan, generation: generation)
    }
}

/// One generation and the plan it was rendered from.
public struct GeneratedRepository: Sendable {
    public var plan: Plan
    public var generation: Generation
}
