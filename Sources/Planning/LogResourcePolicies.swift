import Questionnaire

/// A CloudWatch Logs resource policy: the grant that lets an AWS service write into log
/// groups. An account holds 10 per region and the quota cannot be raised, so stamp keeps
/// one per service and log-group prefix per region, shared by every environment
/// (terraform/global), never one per environment.
public struct LogResourcePolicy: Sendable, Equatable, Encodable {
    public enum Writer: String, Sendable, Encodable {
        case route53, waf, opensearch, elasticache
    }

    public var writer: Writer
    public var name: String
    public var region: String
    /// The log groups it covers (`*` is any environment), or nil when AWS keeps the policy.
    public var logGroupPattern: String?
    /// The service principal it admits, and the resources that service writes for.
    public var principal: String = ""
    public var sourceARN: String = ""
    /// ElastiCache creates and keeps its own policy when it delivers logs to CloudWatch
    /// Logs; it counts against the quota all the same.
    public var createdByAWS: Bool { logGroupPattern == nil }
}

/// CloudWatch Logs' resource policies per account and region (not adjustable).
public enum LogResourcePolicyQuota {
    public static let perRegion = 10

    /// Every policy the repository needs, in the regions they live in.
    public static func policies(_ answers: Answers) -> [LogResourcePolicy] {
        policies(project: answers.project, aws: answers.aws, dns: answers.dns, services: answers.services)
    }

    public static func policies(
        project settings: Answers.Project, aws: Answers.AWS, dns: Answers.DNS, services: Answers.Services
    ) -> [LogResourcePolicy] {
        let project = settings.name
        let region = aws.region
        let account = aws.accountID
        let cloudFrontRegion = "us-east-1"
        var policies: [LogResourcePolicy] = []
        if dns.hostedZoneID == nil {
            // Route 53 delivers query logs only to us-east-1 (terraform/global/dns.tf).
            policies.append(
                .init(
                    writer: .route53, name: "\(project)-route53-query-logging", region: cloudFrontRegion,
                    logGroupPattern: "/aws/route53/\(dns.domain)", principal: "route53.amazonaws.com"))
        }
        if services.waf {
            // WAF requires the prefix aws-waf-logs-; regional and CloudFront-scope log groups share it.
            let regions =
                [region] + (services.cloudfront && region != cloudFrontRegion ? [cloudFrontRegion] : [])
            policies += regions.map {
                .init(
                    writer: .waf, name: "\(project)-waf-log-delivery", region: $0,
                    logGroupPattern: "aws-waf-logs-\(project)-*",
                    principal: "delivery.logs.amazonaws.com", sourceARN: "arn:aws:logs:\($0):\(account):*")
            }
        }
        if services.opensearch {
            policies.append(
                .init(
                    writer: .opensearch, name: "\(project)-opensearch-log-publishing", region: region,
                    logGroupPattern: "/aws/opensearch/\(project)-*", principal: "es.amazonaws.com",
                    sourceARN: "arn:aws:es:\(region):\(account):domain/\(project)-*"))
        }
        policies.append(
            .init(writer: .elasticache, name: "(kept by ElastiCache)", region: region, logGroupPattern: nil))
        return policies
    }

    /// How many each region uses, by region name.
    public static func usage(_ policies: [LogResourcePolicy]) -> [String: Int] {
        Dictionary(grouping: policies, by: \.region).mapValues(\.count)
    }
}
