import Questionnaire

/// One environment, as templates see it (`environment`, each of `environments` and of
/// `apply_order`).
public struct EnvironmentContext: Sendable, Equatable, Encodable {
    public struct VPC: Sendable, Equatable, Encodable {
        public var cidr: String
        public var name: String
        public var singleNatGateway: Bool
        public var natGatewayPerAz: Bool
        public var flowLogRetentionDays: Int
    }

    public struct Zone: Sendable, Equatable, Encodable {
        public var name: String
        public var publicCidr: String
        public var applicationCidr: String
        public var dataCidr: String
    }

    /// One row of the README's subnet table.
    public struct Subnet: Sendable, Equatable, Encodable {
        public var tier: String
        public var zone: String
        public var cidr: String
        public var addresses: Int
    }

    public struct Sizes: Sendable, Equatable, Encodable {
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
        public var opensearchMasterType: String
        public var opensearchMasterNodes: Int
        public var opensearchDedicatedMasters: Bool
        public var opensearchZoneCount: Int
        public var opensearchZoneAwareness: Bool
        public var mongodbInstanceType: String
        public var mongodbMembers: Int
        public var mongodbVolumeGib: Int
    }

    public var name: String
    public var protected: Bool
    public var size: String
    public var deletionProtection: Bool
    public var domain: String
    public var namePrefix: String
    public var stateKey: String
    public var names: EnvironmentNames
    public var secrets: EnvironmentSecrets
    public var logRetentionDays: Int
    public var parameters: EnvironmentParameters
    public var vpc: VPC
    public var availabilityZones: [Zone]
    public var subnets: [Subnet]
    public var sizes: Sizes
    public var instances: [DeploymentContext]

    init(_ environment: EnvironmentPlan, tutor: TutorPins) {
        let network = environment.network
        name = environment.name
        protected = environment.protected
        size = environment.preset.rawValue
        deletionProtection = environment.protectsData
        domain = environment.domain
        namePrefix = environment.namePrefix
        stateKey = environment.stateKey
        names = environment.names
        secrets = environment.secrets
        logRetentionDays = environment.flowLogRetentionDays
        parameters = environment.parameters
        vpc = VPC(
            cidr: network.vpc.description, name: environment.namePrefix, singleNatGateway: network.singleNATGateway,
            natGatewayPerAz: !network.singleNATGateway,
            flowLogRetentionDays: environment.flowLogRetentionDays)
        availabilityZones = network.zones.map {
            Zone(
                name: $0.name, publicCidr: $0.publicSubnet.description,
                applicationCidr: $0.applicationSubnet.description, dataCidr: $0.dataSubnet.description)
        }
        subnets = Self.subnets(network)
        sizes = Self.sizes(environment)
        instances = environment.deployments.map { DeploymentContext($0, tutor: tutor) }
    }

    /// Grouped by tier, then zone.
    private static func subnets(_ network: NetworkPlan) -> [Subnet] {
        let tiers: [(String, KeyPath<ZonePlan, IPv4CIDR>)] = [
            ("public", \.publicSubnet), ("application", \.applicationSubnet), ("data", \.dataSubnet),
        ]
        return tiers.flatMap { tier, keyPath in
            network.zones.map { zone in
                let cidr = zone[keyPath: keyPath]
                return Subnet(tier: tier, zone: zone.name, cidr: cidr.description, addresses: cidr.usableAddresses)
            }
        }
    }

    private static func sizes(_ environment: EnvironmentPlan) -> Sizes {
        let size = environment.size
        return Sizes(
            eksNodeType: size.eksNodeType, eksMinNodes: size.eksMinNodes, eksDesiredNodes: size.eksDesiredNodes,
            eksMaxNodes: size.eksMaxNodes, auroraInstanceClass: size.auroraInstanceClass,
            auroraReaders: size.auroraReaders, redisNodeType: size.redisNodeType, redisReplicas: size.redisReplicas,
            opensearchInstanceType: size.opensearchInstanceType, opensearchDataNodes: environment.search.dataNodes,
            opensearchMasterType: size.opensearchMasterType, opensearchMasterNodes: size.opensearchMasterNodes,
            opensearchDedicatedMasters: size.opensearchMasterNodes > 0,
            opensearchZoneCount: environment.search.zoneCount,
            opensearchZoneAwareness: environment.search.zoneAwareness,
            mongodbInstanceType: size.mongodbInstanceType, mongodbMembers: size.mongodbMembers,
            mongodbVolumeGib: size.mongodbVolumeGiB)
    }
}

/// An environment in apply order, with the root applied just before it (`global` for the
/// first), so that workflows chain their apply jobs with `needs:`.
public struct ApplyStep: Sendable, Equatable, Encodable {
    public var environment: EnvironmentContext
    public var applyAfter: String

    enum CodingKeys: String, CodingKey { case applyAfter }

    public func encode(to encoder: any Encoder) throws {
        try environment.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(applyAfter, forKey: .applyAfter)
    }
}
