/// The questionnaire (`stamp.yaml`, SPEC §2) after decoding and defaulting: every optional field
/// has its default applied, so later stages never re-derive one.
public struct Answers: Sendable, Equatable, Codable {
    public var version: Int
    public var project: Project
    public var aws: AWS
    public var dns: DNS
    public var github: GitHub
    public var environments: [Environment]
    public var instances: [Instance]
    public var services: Services
    public var sizes: [SizePreset: SizeOverrides]

    public init(
        version: Int = 1, project: Project, aws: AWS, dns: DNS, github: GitHub,
        environments: [Environment], instances: [Instance], services: Services = Services(),
        sizes: [SizePreset: SizeOverrides] = [:]
    ) {
        self.version = version
        self.project = project
        self.aws = aws
        self.dns = dns
        self.github = github
        self.environments = environments
        self.instances = instances
        self.services = services
        self.sizes = sizes
    }

    public struct Project: Sendable, Equatable, Codable {
        public var name: String
        public var organization: String
        public var contact: String?
        public init(name: String, organization: String, contact: String? = nil) {
            self.name = name
            self.organization = organization
            self.contact = contact
        }
    }

    public struct AWS: Sendable, Equatable, Codable {
        public var region: String
        /// Twelve digits exactly as written (leading zeros kept).
        public var accountID: String
        /// Zone names, e.g. `["us-east-1a", "us-east-1b"]`, or zone IDs (`use1-az1`), as
        /// listed: a count in the questionnaire becomes the region's first zones in letter order.
        public var availabilityZones: [String]
        /// IAM roles of the account given cluster-admin access entries in every environment;
        /// empty: terraform/global creates `<project>-eks-admin`, assumable with MFA.
        public var adminRoleARNs: [String]
        public init(region: String, accountID: String, availabilityZones: [String], adminRoleARNs: [String] = []) {
            self.region = region
            self.accountID = accountID
            self.availabilityZones = availabilityZones
            self.adminRoleARNs = adminRoleARNs
        }
    }

    public struct DNS: Sendable, Equatable, Codable {
        public var domain: String
        /// nil: `terraform/global` creates the zone.
        public var hostedZoneID: String?
        public init(domain: String, hostedZoneID: String? = nil) {
            self.domain = domain
            self.hostedZoneID = hostedZoneID
        }
    }

    public struct GitHub: Sendable, Equatable, Codable {
        /// `OWNER/NAME`.
        public var repository: String
        public var defaultBranch: String
        public init(repository: String, defaultBranch: String = "main") {
            self.repository = repository
            self.defaultBranch = defaultBranch
        }
    }

    public struct Environment: Sendable, Equatable, Codable {
        public var name: String
        public var size: SizePreset
        public var protected: Bool
        /// How many of `aws.availabilityZones` (the first ones) this environment uses.
        public var availabilityZoneCount: Int
        /// `a.b.c.d/p`, already defaulted to `10.<index>.0.0/16`.
        public var networkCIDR: String
        public init(name: String, size: SizePreset, protected: Bool, availabilityZoneCount: Int, networkCIDR: String) {
            self.name = name
            self.size = size
            self.protected = protected
            self.availabilityZoneCount = availabilityZoneCount
            self.networkCIDR = networkCIDR
        }
    }

    public struct Instance: Sendable, Equatable, Codable {
        public var name: String
        public var lmsHost: String
        public var studioHost: String
        public var release: Release
        /// Environment names, in questionnaire order of `environments`.
        public var environments: [String]
        public init(name: String, lmsHost: String, studioHost: String, release: Release, environments: [String]) {
            self.name = name
            self.lmsHost = lmsHost
            self.studioHost = studioHost
            self.release = release
            self.environments = environments
        }
    }

    public struct Services: Sendable, Equatable, Codable {
        public var bastion: Bool
        public var waf: Bool
        public var opensearch: Bool
        public var cloudfront: Bool
        public var ses: Bool
        public var mongodb: MongoDBMode
        public init(
            bastion: Bool = true, waf: Bool = true, opensearch: Bool = true, cloudfront: Bool = true,
            ses: Bool = true, mongodb: MongoDBMode = .replicaSet
        ) {
            self.bastion = bastion
            self.waf = waf
            self.opensearch = opensearch
            self.cloudfront = cloudfront
            self.ses = ses
            self.mongodb = mongodb
        }
    }
}

public enum SizePreset: String, Sendable, Equatable, Codable, CaseIterable, Comparable, CodingKeyRepresentable {
    case small, medium, large, xlarge

    /// Presets grow in declaration order.
    private var rank: Int {
        switch self {
        case .small: 0
        case .medium: 1
        case .large: 2
        case .xlarge: 3
        }
    }

    public static func < (lhs: SizePreset, rhs: SizePreset) -> Bool { lhs.rank < rhs.rank }

    /// `medium` and larger have no single point of failure (SPEC §2).
    public var isHighlyAvailable: Bool { self >= .medium }
}

public enum Release: String, Sendable, Equatable, Codable, CaseIterable {
    case sumac, teak, ulmo, verawood

    /// The Tutor major version that installs this Open edX release.
    public var tutorMajorVersion: Int {
        switch self {
        case .sumac: 19
        case .teak: 20
        case .ulmo: 21
        case .verawood: 22
        }
    }

    /// Sumac and Teak serve course previews on their own host (Tutor's PREVIEW_LMS_HOST); from
    /// Ulmo on the Learning MFE previews courses and Tutor has no such setting.
    public var servesPreviewHost: Bool {
        switch self {
        case .sumac, .teak: true
        case .ulmo, .verawood: false
        }
    }
}

public enum MongoDBMode: String, Sendable, Equatable, Codable, CaseIterable {
    case replicaSet = "replica-set"
    case external
}

/// Overrides of one size preset's values (SPEC §3); nil keeps the preset's value.
public struct SizeOverrides: Sendable, Equatable, Codable {
    public var eksNodeType: String?
    public var eksMinNodes: Int?
    public var eksDesiredNodes: Int?
    public var eksMaxNodes: Int?
    public var auroraInstanceClass: String?
    public var auroraReaders: Int?
    public var redisNodeType: String?
    public var redisReplicas: Int?
    public var opensearchInstanceType: String?
    public var opensearchDataNodes: Int?
    public var opensearchMasterType: String?
    public var opensearchMasterNodes: Int?
    public var mongodbInstanceType: String?
    public var mongodbMembers: Int?
    public var mongodbVolumeGiB: Int?

    public init() {}

    /// The YAML key of every field, in the order the README documents them.
    public static let keys: [String] = [
        "eks_node_type", "eks_min_nodes", "eks_desired_nodes", "eks_max_nodes",
        "aurora_instance_class", "aurora_readers", "redis_node_type", "redis_replicas",
        "opensearch_instance_type", "opensearch_data_nodes", "opensearch_master_type", "opensearch_master_nodes",
        "mongodb_instance_type", "mongodb_members", "mongodb_volume_gib",
    ]
}
