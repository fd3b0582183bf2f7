/// The blueprint's data that decisions depend on, typed: its identity, the versions it pins and
/// the Tutor table. Blueprint parses it from `blueprint.yaml`; Planning receives it, so imports
/// still point one way (BlueprintData <- Planning <- Blueprint).
public struct Catalog: Sendable, Equatable {
    public var blueprintName: String
    public var blueprintVersion: String
    /// Engine, Kubernetes and tool versions (`kubernetes: "1.34"`), by key.
    public var versions: [String: String]
    /// Per Open edX release (`sumac` ...): the exact Tutor and plugins the workflows install.
    public var tutor: [String: TutorRelease]

    public init(
        blueprintName: String, blueprintVersion: String, versions: [String: String],
        tutor: [String: TutorRelease]
    ) {
        self.blueprintName = blueprintName
        self.blueprintVersion = blueprintVersion
        self.versions = versions
        self.tutor = tutor
    }
}

/// One release's row of the Tutor table.
public struct TutorRelease: Sendable, Equatable, Codable {
    public var version: String
    /// PyPI project name -> exact version (`tutor-forum: "22.0.0"`).
    public var plugins: [String: String]
    public var constraints: [Constraint]?
    /// `name==version` lines: Tutor, the plugins and every dependency.
    public var requirements: [String]

    public init(version: String, plugins: [String: String], constraints: [Constraint]? = nil, requirements: [String]) {
        self.version = version
        self.plugins = plugins
        self.constraints = constraints
        self.requirements = requirements
    }

    /// A requirement held back, and why (`scripts/lock-tutor` applies it).
    public struct Constraint: Sendable, Equatable, Codable {
        public var requirement: String
        public var reason: String

        public init(requirement: String, reason: String) {
            self.requirement = requirement
            self.reason = reason
        }
    }
}
