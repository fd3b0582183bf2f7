/// `blueprint.yaml`: which files a blueprint produces, from which template, how often, and when.
public struct BlueprintManifest: Sendable, Equatable, Codable {
    public var name: String
    public var version: String
    public var description: String?
    /// Engine, Kubernetes and tool versions, pinned in one place; templates read them as
    /// `versions.<key>`.
    public var versions: [String: String]?
    /// Per Open edX release (`sumac` ...): the exact Tutor, its plugins and the full lock of
    /// their dependencies that the workflows install (`scripts/lock-tutor` writes the locks).
    public var tutor: [String: TutorRelease]?
    public var files: [FileRule]

    /// The data Planning decides with.
    public var catalog: Catalog {
        Catalog(blueprintName: name, blueprintVersion: version, versions: versions ?? [:], tutor: tutor ?? [:])
    }

    /// `parts/<name>.yaml`: more file rules, so each module's files are listed beside each other.
    public struct Part: Sendable, Equatable, Codable {
        public var files: [FileRule]
    }

    public struct FileRule: Sendable, Equatable, Codable {
        /// The output path; may hold Mustache tags (`terraform/environments/{{environment.name}}/main.tf`).
        public var path: String
        /// Relative to the blueprint's `templates/` folder.
        public var template: String
        public var forEach: FanOut?
        /// A boolean of the root context (`services.cloudfront`); the file exists only when it is true.
        public var when: String?

        enum CodingKeys: String, CodingKey {
            case path, template
            case forEach = "for_each"
            case when
        }
    }

    /// How many copies of a file a blueprint asks for.
    public enum FanOut: String, Sendable, Equatable, Codable, CaseIterable {
        /// One per environment; the template sees `environment`.
        case environment
        /// One per instance; the template sees `instance`.
        case instance
        /// One per instance per environment it runs in; the template sees `instance`,
        /// `environment` and `deployment`.
        case deployment
    }
}
