/// The account-level AWS limits a first apply meets, with what this repository needs of
/// each in its region, so that the README can say what to check before applying. The
/// adjustable ones are raised through Service Quotas; CloudWatch Logs' resource policies
/// cannot be (LogResourcePolicyQuota keeps their count constant).
public struct AccountQuota: Sendable, Equatable, Encodable {
    public var name: String
    /// AWS's default for a new account; nil where AWS sets it per account.
    public var defaultValue: Int?
    /// What this repository uses at most (all environments at their maximum size).
    public var needed: Int
    public var adjustable: Bool
    /// The `aws` command that prints the account's value.
    public var check: String

    /// Service Quotas' command for an adjustable quota.
    static func serviceQuota(_ service: String, _ code: String, region: String) -> String {
        "aws service-quotas get-service-quota --region \(region) --service-code \(service) --quota-code \(code) --query Quota.Value"
    }
}

extension Plan {
    /// vCPUs of an EC2 instance type, from its size (`large` 2, `xlarge` 4, `<n>xlarge`
    /// 4n): true for every general-purpose, compute and memory family stamp's presets use.
    static func vCPUs(of instanceType: String) -> Int {
        let size = instanceType.split(separator: ".").last.map(String.init) ?? ""
        switch size {
        case "nano", "micro", "small", "medium", "large": return 2
        case "xlarge": return 4
        default:
            let multiple = Int(size.replacingOccurrences(of: "xlarge", with: "")) ?? 1
            return 4 * multiple
        }
    }

    /// The bastion's instance type (the bastion module's default).
    static let bastionInstanceType = "t4g.small"

    public var accountQuotas: [AccountQuota] {
        let natGateways = environments.map(\.network.natGatewayCount).reduce(0, +)
        let vCPUs = environments.map { environment in
            let size = environment.size
            var count = size.eksMaxNodes * Self.vCPUs(of: size.eksNodeType)
            if services.mongodb == .replicaSet {
                count += size.mongodbMembers * Self.vCPUs(of: size.mongodbInstanceType)
            }
            if services.bastion { count += Self.vCPUs(of: Self.bastionInstanceType) }
            return count
        }.reduce(0, +)
        let logPolicies = LogResourcePolicyQuota.usage(logResourcePolicies).values.max() ?? 0
        let region = aws.region
        let quota = { (service: String, code: String) in AccountQuota.serviceQuota(service, code, region: region) }
        return [
            AccountQuota(
                name: "VPCs per region", defaultValue: 5, needed: environments.count, adjustable: true,
                check: quota("vpc", "L-F678F1CE")),
            AccountQuota(
                name: "Internet gateways per region", defaultValue: 5, needed: environments.count,
                adjustable: true, check: quota("vpc", "L-A4707A72")),
            AccountQuota(
                name: "Elastic IP addresses (one per NAT gateway)", defaultValue: 5, needed: natGateways,
                adjustable: true, check: quota("ec2", "L-0263D0A3")),
            AccountQuota(
                name: "NAT gateways per availability zone", defaultValue: 5, needed: environments.count,
                adjustable: true, check: quota("vpc", "L-FE5A380F")),
            AccountQuota(
                name: "Running On-Demand Standard instances, in vCPUs (EKS nodes at their maximum, MongoDB, bastion)",
                defaultValue: nil, needed: vCPUs, adjustable: true, check: quota("ec2", "L-1216C47A")),
            AccountQuota(
                name: "CloudWatch Logs resource policies (the busiest region)",
                defaultValue: LogResourcePolicyQuota.perRegion, needed: logPolicies, adjustable: false,
                check: "aws logs describe-resource-policies --region \(region) --query 'length(resourcePolicies)'"),
        ]
    }
}

extension Plan {
    /// The quotas this repository needs beyond AWS's default, one sentence each, for
    /// `stamp validate` and `stamp explain` to print as warnings: an adjustable quota is
    /// raised in Service Quotas before the first apply.
    public var quotaWarnings: [String] {
        accountQuotas.compactMap { quota in
            guard let limit = quota.defaultValue, quota.needed > limit else { return nil }
            let action = quota.adjustable ? "raise it in Service Quotas before the first apply" : "it cannot be raised"
            return "\(quota.name): this repository needs \(quota.needed), AWS's default is \(limit); "
                + "\(action) (check: \(quota.check))"
        }
    }
}
