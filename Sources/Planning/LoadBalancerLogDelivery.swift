/// Who writes ALB access logs into the log bucket. Regions that opened before August 2022
/// deliver them as the region's Elastic Load Balancing account (found with
/// `data.aws_elb_service_account`); newer regions as the log-delivery service principal.
public enum LoadBalancerLogDelivery: String, Sendable, Equatable {
    case regionalAccount
    case servicePrincipal

    static let regionsWithRegionalAccount: Set<String> = [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-south-1",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
        "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-north-1",
        "me-south-1", "sa-east-1",
    ]

    public init(region: String) {
        self = Self.regionsWithRegionalAccount.contains(region) ? .regionalAccount : .servicePrincipal
    }
}
