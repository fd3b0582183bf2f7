import Questionnaire

/// One availability zone's three subnets (SPEC §4).
public struct ZonePlan: Sendable, Equatable {
    public var name: String
    public var letter: String
    /// Load balancer and NAT gateways.
    public var publicSubnet: IPv4CIDR
    /// EKS nodes and pods: the largest.
    public var applicationSubnet: IPv4CIDR
    /// Aurora, Redis, OpenSearch, MongoDB.
    public var dataSubnet: IPv4CIDR
}

/// One environment's VPC: its CIDR, zones and NAT layout.
public struct NetworkPlan: Sendable, Equatable {
    public var vpc: IPv4CIDR
    public var zones: [ZonePlan]
    public var natGatewayCount: Int

    public var singleNATGateway: Bool { natGatewayCount == 1 }
}

/// Lays out subnets so that a zone's subnets depend only on its position, never on how many
/// zones there are: adding a zone later never renumbers the existing ones.
///
/// The VPC is cut in eighths. Eighths 0-5 are the application subnets of zone slots 0-5;
/// eighth 6 is cut in eighths again for the public subnets, eighth 7 likewise for the data
/// subnets. For a /16 that is /19 application, /22 public and /22 data subnets; for a /20,
/// /23, /26 and /26. Slots 6 and 7 of the small blocks stay free for later use.
public struct NetworkPlanner: Sendable {
    public static let maximumZones = 6

    public init() {}

    public func plan(vpc: IPv4CIDR, zoneNames: [String], size: SizePreset) -> NetworkPlan {
        precondition(zoneNames.count <= Self.maximumZones, "at most \(Self.maximumZones) zones")
        let publicBlock = vpc.subnet(newBits: 3, index: 6)
        let dataBlock = vpc.subnet(newBits: 3, index: 7)
        let zones = zoneNames.enumerated().map { slot, name in
            ZonePlan(
                name: name,
                letter: String(name.last.map(String.init) ?? ""),
                publicSubnet: publicBlock.subnet(newBits: 3, index: slot),
                applicationSubnet: vpc.subnet(newBits: 3, index: slot),
                dataSubnet: dataBlock.subnet(newBits: 3, index: slot)
            )
        }
        return NetworkPlan(vpc: vpc, zones: zones, natGatewayCount: natGatewayCount(zones: zones.count, size: size))
    }

    /// One NAT gateway per zone where the size promises no single point of failure; one shared
    /// NAT for `small`, where the cost matters more than surviving a zone outage.
    func natGatewayCount(zones: Int, size: SizePreset) -> Int {
        size.isHighlyAvailable ? zones : 1
    }
}

extension IPv4CIDR {
    /// Addresses a subnet offers to resources: AWS reserves five in every subnet.
    public var usableAddresses: Int { Int(size) - 5 }
}
