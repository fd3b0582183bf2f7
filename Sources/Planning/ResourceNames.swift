/// The AWS names of one environment's shared resources (SPEC §5), each fitted to its service.
public struct EnvironmentNames: Sendable, Equatable, Encodable {
    public var loadBalancer: String
    public var targetGroup: String
    public var webACL: String
    public var logBucket: String
    public var backupsBucket: String
    public var eksCluster: String
    public var auroraCluster: String
    public var elastiCache: String
    public var openSearchDomain: String
    /// The bastion module names its instance `<project>-<environment>-bastion`.
    public var bastion: String

    /// Keys for `stamp explain --format json` (snake_cased there).
    enum CodingKeys: String, CodingKey {
        case loadBalancer, targetGroup, webACL, logBucket, backupsBucket, eksCluster, auroraCluster, bastion
        case elastiCache = "elasticache"
        case openSearchDomain = "opensearchDomain"
    }

    init(environment: String, namer: AWSNamer) {
        loadBalancer = namer.name([environment], limit: .loadBalancer)
        targetGroup = namer.name([environment, "ingress"], limit: .targetGroup)
        webACL = namer.name([environment])
        logBucket = namer.bucket([environment, "logs"])
        backupsBucket = namer.bucket([environment, "backups"])
        eksCluster = namer.name([environment], limit: .eksCluster)
        auroraCluster = namer.name([environment], limit: .rdsCluster)
        elastiCache = namer.name([environment], limit: .elastiCache)
        openSearchDomain = namer.name([environment], limit: .openSearchDomain)
        bastion = namer.name([environment]) + "-bastion"
    }
}

/// The buckets of one instance in one environment.
public struct DeploymentBuckets: Sendable, Equatable, Encodable {
    /// Course images and other files meant to be public, served through CloudFront.
    public var publicAssets: String
    /// Learner uploads, grade reports, exports: reached through pre-signed URLs only.
    public var privateFiles: String

    init(environment: String, instance: String, namer: AWSNamer) {
        publicAssets = namer.bucket([environment, instance, "public"])
        privateFiles = namer.bucket([environment, instance, "private"])
    }
}
