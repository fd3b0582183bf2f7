/// What one environment runs (SPEC §3): a size preset with the questionnaire's `sizes`
/// overrides applied.
public struct EnvironmentSize: Sendable, Equatable, Codable {
    public var eksNodeType: String
    public var eksMinNodes: Int
    public var eksDesiredNodes: Int
    public var eksMaxNodes: Int
    public var auroraInstanceClass: String
    public var auroraReaders: Int
    public var redisNodeType: String
    public var redisReplicas: Int
    public var opensearchInstanceType: String
    public var opensearchDataNodes: Int
    /// Dedicated master type; the data node type when the preset has no dedicated masters.
    public var opensearchMasterType: String
    public var opensearchMasterNodes: Int
    public var mongodbInstanceType: String
    public var mongodbMembers: Int
    public var mongodbVolumeGiB: Int

    public init(
        eksNodeType: String, eksMinNodes: Int, eksDesiredNodes: Int, eksMaxNodes: Int,
        auroraInstanceClass: String, auroraReaders: Int, redisNodeType: String, redisReplicas: Int,
        opensearchInstanceType: String, opensearchDataNodes: Int, opensearchMasterType: String,
        opensearchMasterNodes: Int, mongodbInstanceType: String, mongodbMembers: Int, mongodbVolumeGiB: Int
    ) {
        self.eksNodeType = eksNodeType
        self.eksMinNodes = eksMinNodes
        self.eksDesiredNodes = eksDesiredNodes
        self.eksMaxNodes = eksMaxNodes
        self.auroraInstanceClass = auroraInstanceClass
        self.auroraReaders = auroraReaders
        self.redisNodeType = redisNodeType
        self.redisReplicas = redisReplicas
        self.opensearchInstanceType = opensearchInstanceType
        self.opensearchDataNodes = opensearchDataNodes
        self.opensearchMasterType = opensearchMasterType
        self.opensearchMasterNodes = opensearchMasterNodes
        self.mongodbInstanceType = mongodbInstanceType
        self.mongodbMembers = mongodbMembers
        self.mongodbVolumeGiB = mongodbVolumeGiB
    }

    /// The SPEC §3 table.
    public static func preset(_ preset: SizePreset) -> EnvironmentSize {
        switch preset {
        case .small:
            EnvironmentSize(
                eksNodeType: "t3.large", eksMinNodes: 2, eksDesiredNodes: 2, eksMaxNodes: 4,
                auroraInstanceClass: "db.t4g.medium", auroraReaders: 0, redisNodeType: "cache.t4g.small",
                redisReplicas: 0,
                opensearchInstanceType: "t3.medium.search", opensearchDataNodes: 1,
                opensearchMasterType: "t3.medium.search",
                opensearchMasterNodes: 0, mongodbInstanceType: "t3.medium", mongodbMembers: 1, mongodbVolumeGiB: 50)
        case .medium:
            EnvironmentSize(
                eksNodeType: "m6i.large", eksMinNodes: 2, eksDesiredNodes: 3, eksMaxNodes: 6,
                auroraInstanceClass: "db.r6g.large", auroraReaders: 1, redisNodeType: "cache.m6g.large",
                redisReplicas: 1,
                opensearchInstanceType: "m6g.large.search", opensearchDataNodes: 2,
                opensearchMasterType: "m6g.large.search",
                opensearchMasterNodes: 3, mongodbInstanceType: "m6i.large", mongodbMembers: 3, mongodbVolumeGiB: 100)
        case .large:
            EnvironmentSize(
                eksNodeType: "m6i.xlarge", eksMinNodes: 3, eksDesiredNodes: 3, eksMaxNodes: 9,
                auroraInstanceClass: "db.r6g.xlarge", auroraReaders: 2, redisNodeType: "cache.m6g.large",
                redisReplicas: 2,
                opensearchInstanceType: "m6g.large.search", opensearchDataNodes: 3,
                opensearchMasterType: "m6g.large.search",
                opensearchMasterNodes: 3, mongodbInstanceType: "m6i.large", mongodbMembers: 3, mongodbVolumeGiB: 200)
        case .xlarge:
            EnvironmentSize(
                eksNodeType: "m6i.2xlarge", eksMinNodes: 3, eksDesiredNodes: 6, eksMaxNodes: 18,
                auroraInstanceClass: "db.r6g.2xlarge", auroraReaders: 2, redisNodeType: "cache.r6g.xlarge",
                redisReplicas: 2,
                opensearchInstanceType: "r6g.large.search", opensearchDataNodes: 3,
                opensearchMasterType: "m6g.large.search",
                opensearchMasterNodes: 3, mongodbInstanceType: "r6i.large", mongodbMembers: 3, mongodbVolumeGiB: 500)
        }
    }

    /// This size with every non-nil override applied.
    public func applying(_ overrides: SizeOverrides) -> EnvironmentSize {
        var size = self
        if let value = overrides.eksNodeType { size.eksNodeType = value }
        if let value = overrides.eksMinNodes { size.eksMinNodes = value }
        if let value = overrides.eksDesiredNodes { size.eksDesiredNodes = value }
        if let value = overrides.eksMaxNodes { size.eksMaxNodes = value }
        if let value = overrides.auroraInstanceClass { size.auroraInstanceClass = value }
        if let value = overrides.auroraReaders { size.auroraReaders = value }
        if let value = overrides.redisNodeType { size.redisNodeType = value }
        if let value = overrides.redisReplicas { size.redisReplicas = value }
        if let value = overrides.opensearchInstanceType {
            // Without dedicated masters the master type follows the data type (see the property).
            if size.opensearchMasterNodes == 0, size.opensearchMasterType == size.opensearchInstanceType {
                size.opensearchMasterType = value
            }
            size.opensearchInstanceType = value
        }
        if let value = overrides.opensearchDataNodes { size.opensearchDataNodes = value }
        if let value = overrides.opensearchMasterNodes {
            // Turning dedicated masters on for `small` picks the type the larger presets use.
            if size.opensearchMasterNodes == 0, value > 0, overrides.opensearchMasterType == nil {
                size.opensearchMasterType = "m6g.large.search"
            }
            size.opensearchMasterNodes = value
        }
        if let value = overrides.opensearchMasterType { size.opensearchMasterType = value }
        if let value = overrides.mongodbInstanceType { size.mongodbInstanceType = value }
        if let value = overrides.mongodbMembers { size.mongodbMembers = value }
        if let value = overrides.mongodbVolumeGiB { size.mongodbVolumeGiB = value }
        return size
    }
}

public extension Answers {
    /// The preset's values with this questionnaire's `sizes` overrides applied.
    func size(of preset: SizePreset) -> EnvironmentSize {
        let base = EnvironmentSize.preset(preset)
        return sizes[preset].map(base.applying) ?? base
    }
}

extension SizeOverrides {
    /// The keys whose value is an instance type (text); the others are counts.
    static let typeKeys: Set<String> = [
        "eks_node_type", "aurora_instance_class", "redis_node_type", "opensearch_instance_type",
        "opensearch_master_type", "mongodb_instance_type",
    ]

    subscript(text key: String) -> String? {
        get {
            switch key {
            case "eks_node_type": eksNodeType
            case "aurora_instance_class": auroraInstanceClass
            case "redis_node_type": redisNodeType
            case "opensearch_instance_type": opensearchInstanceType
            case "opensearch_master_type": opensearchMasterType
            case "mongodb_instance_type": mongodbInstanceType
            default: nil
            }
        }
        set {
            switch key {
            case "eks_node_type": eksNodeType = newValue
            case "aurora_instance_class": auroraInstanceClass = newValue
            case "redis_node_type": redisNodeType = newValue
            case "opensearch_instance_type": opensearchInstanceType = newValue
            case "opensearch_master_type": opensearchMasterType = newValue
            case "mongodb_instance_type": mongodbInstanceType = newValue
            default: break
            }
        }
    }

    subscript(number key: String) -> Int? {
        get {
            switch key {
            case "eks_min_nodes": eksMinNodes
            case "eks_desired_nodes": eksDesiredNodes
            case "eks_max_nodes": eksMaxNodes
            case "aurora_readers": auroraReaders
            case "redis_replicas": redisReplicas
            case "opensearch_data_nodes": opensearchDataNodes
            case "opensearch_master_nodes": opensearchMasterNodes
            case "mongodb_members": mongodbMembers
            case "mongodb_volume_gib": mongodbVolumeGiB
            default: nil
            }
        }
        set {
            switch key {
            case "eks_min_nodes": eksMinNodes = newValue
            case "eks_desired_nodes": eksDesiredNodes = newValue
            case "eks_max_nodes": eksMaxNodes = newValue
            case "aurora_readers": auroraReaders = newValue
            case "redis_replicas": redisReplicas = newValue
            case "opensearch_data_nodes": opensearchDataNodes = newValue
            case "opensearch_master_nodes": opensearchMasterNodes = newValue
            case "mongodb_members": mongodbMembers = newValue
            case "mongodb_volume_gib": mongodbVolumeGiB = newValue
            default: break
            }
        }
    }
}
