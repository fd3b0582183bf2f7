import Questionnaire
import BlueprintData

/// What the blueprint's templates see, decided: the plan and the catalog as typed, encodable
/// values. The renderer encodes it (keys in snake_case, documented in the blueprint's
/// CONTEXT.md) and fans it out; templates only read it. Lists are in output order.
public struct RenderModel: Sendable, Equatable {
    public var root: RootContext
    /// By environment name: what `for_each: environment` files see as `environment`.
    public var environments: [String: EnvironmentContext]
    /// By instance name: what `for_each: instance` files see as `instance`.
    public var instances: [String: InstanceContext]
    /// By environment, then instance: what `for_each: deployment` files see as `deployment`.
    public var deployments: [String: [String: DeploymentContext]]

    public init(plan: Plan, catalog: Catalog) {
        let tutor = TutorPins(catalog.tutor)
        let environments = plan.environments.map { EnvironmentContext($0, tutor: tutor) }
        let instances = plan.instances.map { InstanceContext($0, plan: plan, tutor: tutor) }
        root = RootContext(plan: plan, catalog: catalog, environments: environments, instances: instances)
        self.environments = Dictionary(uniqueKeysWithValues: environments.map { ($0.name, $0) })
        self.instances = Dictionary(uniqueKeysWithValues: instances.map { ($0.name, $0) })
        self.deployments = Dictionary(
            uniqueKeysWithValues: environments.map { environment in
                (environment.name, Dictionary(uniqueKeysWithValues: environment.instances.map { ($0.name, $0) }))
            })
    }
}

/// `{{value}}` rows of a list, for lists of plain strings.
public struct ValueRow: Sendable, Equatable, Encodable {
    public var value: String
}

/// `{{host}}` rows of a list of host names.
public struct HostRow: Sendable, Equatable, Encodable {
    public var host: String
}

/// The Tutor table as templates see it, per release.
struct TutorPins {
    var table: [String: TutorRelease]

    init(_ table: [String: TutorRelease]) {
        self.table = table
    }

    // The blueprint loader checked that every release has a row.
    func context(for release: Release) -> TutorContext { TutorContext(table[release.rawValue]) }
    func lock(for release: Release) -> TutorLockContext { TutorLockContext(table[release.rawValue]) }
}

/// The Tutor a deployment runs: its version and plugins.
public struct TutorContext: Sendable, Equatable, Encodable {
    public struct Plugin: Sendable, Equatable, Encodable {
        public var name: String
        public var version: String
    }

    public var version: String
    public var plugins: [Plugin]

    init(_ row: TutorRelease?) {
        version = row?.version ?? ""
        plugins = (row?.plugins ?? [:]).sorted { $0.key < $1.key }.map { Plugin(name: $0.key, version: $0.value) }
    }
}

/// An instance's Tutor with the full lock its workflows install (`tutor/<instance>/requirements.txt`);
/// only the instance carries the lock, so it is not repeated in every deployment.
public struct TutorLockContext: Sendable, Equatable, Encodable {
    public struct Line: Sendable, Equatable, Encodable {
        public var line: String
    }

    public var version: String
    public var plugins: [TutorContext.Plugin]
    public var requirements: [Line]

    init(_ row: TutorRelease?) {
        let pins = TutorContext(row)
        version = pins.version
        plugins = pins.plugins
        requirements = (row?.requirements ?? []).map(Line.init)
    }
}
