import Crypto
import Foundation

/// The service rules an AWS name must satisfy (SPEC §5).
public struct NameLimit: Sendable, Equatable {
    public var service: String
    public var maxLength: Int

    public static let openSearchDomain = NameLimit(service: "OpenSearch domain", maxLength: 28)
    public static let elastiCache = NameLimit(service: "ElastiCache replication group", maxLength: 40)
    public static let loadBalancer = NameLimit(service: "load balancer", maxLength: 32)
    public static let targetGroup = NameLimit(service: "target group", maxLength: 32)
    public static let iamRole = NameLimit(service: "IAM role", maxLength: 64)
    public static let s3Bucket = NameLimit(service: "S3 bucket", maxLength: 63)
    public static let rdsCluster = NameLimit(service: "RDS cluster", maxLength: 63)
    public static let eksCluster = NameLimit(service: "EKS cluster", maxLength: 100)
    public static let general = NameLimit(service: "resource", maxLength: 63)
    public static let mysqlDatabase = NameLimit(service: "MySQL database", maxLength: 64)
    public static let mysqlUser = NameLimit(service: "MySQL user", maxLength: 32)
}

/// Derives every AWS name from `<project>-<env>[-<instance>][-<purpose>]`.
///
/// Questionnaire limits (project 16, environment 10, instance 12 characters) make every name
/// fit as is; when a blueprint asks for a longer purpose than fits, the name is cut and a
/// short stable hash of the full name keeps it unique, so a name never silently collides.
public struct AWSNamer: Sendable {
    public var project: String
    /// Hash of account and region, so bucket names (global across AWS) stay unique per account.
    public var accountRegionHash: String

    public init(project: String, accountID: String, region: String) {
        self.project = project
        self.accountRegionHash = Self.shortHash("\(accountID):\(region)")
    }

    public func name(_ parts: [String], limit: NameLimit = .general) -> String {
        Self.fit(([project] + parts).joined(separator: "-"), limit: limit)
    }

    /// A globally unique bucket name: `<project>-<parts>-<hash>`.
    public func bucket(_ parts: [String]) -> String {
        let stem = ([project] + parts).joined(separator: "-")
        let suffix = "-" + accountRegionHash
        return Self.fit(
            stem, limit: NameLimit(service: "S3 bucket", maxLength: NameLimit.s3Bucket.maxLength - suffix.count))
            + suffix
    }

    /// MySQL and MongoDB identifiers: `_` instead of `-`.
    public static func databaseIdentifier(_ parts: [String], limit: NameLimit) -> String {
        fit(parts.joined(separator: "_").replacingOccurrences(of: "-", with: "_"), limit: limit, separator: "_")
    }

    static func fit(_ name: String, limit: NameLimit, separator: Character = "-") -> String {
        guard name.count > limit.maxLength else { return name }
        let hash = shortHash(name)
        var stem = String(name.prefix(limit.maxLength - hash.count - 1))
        // RDS and ElastiCache reject a trailing or doubled separator.
        while stem.last == separator { stem.removeLast() }
        return stem + String(separator) + hash
    }

    static func shortHash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
    }
}
