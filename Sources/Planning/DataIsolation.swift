/// How one instance is kept apart from the others inside an environment's shared data
/// services: its own database and users, Redis databases and key prefix, index prefix,
/// namespace, and the Secrets Manager names its credentials live under.
public struct DataIsolation: Sendable, Equatable, Encodable {
    /// The Kubernetes namespace of the instance's workloads.
    public var namespace: String
    /// Tutor's Celery broker database (OPENEDX_CELERY_REDIS_DB).
    public var redisCeleryDatabase: Int
    /// Tutor's Django cache database (OPENEDX_CACHE_REDIS_DB).
    public var redisCacheDatabase: Int
    /// Prefixes every cache key, so that even a shared database could not mix instances.
    public var redisKeyPrefix: String
    /// Prefixes every OpenSearch index of the instance.
    public var searchIndexPrefix: String
    /// Prefixes the event bus's Redis streams (EVENT_BUS_TOPIC_PREFIX), kept in the cache database.
    public var eventBusTopicPrefix: String
    public var mysqlDatabase: String
    public var mysqlUser: String
    public var mongodbDatabase: String
    public var mongodbUser: String
    public var secrets: DeploymentSecrets
    /// SSM parameter holding the ARN of the IRSA role of the instance's workloads.
    public var workloadRoleParameter: String

    /// Each instance takes two of Redis's sixteen databases, so an environment holds eight.
    public static let maximumInstancesPerEnvironment = 8

    init(instance: String, position: Int, environmentPrefix: String) {
        namespace = "openedx-\(instance)"
        redisCeleryDatabase = position * 2
        redisCacheDatabase = position * 2 + 1
        redisKeyPrefix = "\(instance):"
        searchIndexPrefix = "\(instance)-"
        eventBusTopicPrefix = instance
        mysqlDatabase = AWSNamer.databaseIdentifier([instance, "openedx"], limit: .mysqlDatabase)
        mysqlUser = AWSNamer.databaseIdentifier([instance, "openedx"], limit: .mysqlUser)
        mongodbDatabase = AWSNamer.databaseIdentifier([instance, "openedx"], limit: .mysqlDatabase)
        mongodbUser = AWSNamer.databaseIdentifier([instance, "openedx"], limit: .mysqlUser)
        secrets = DeploymentSecrets(prefix: "\(environmentPrefix)/\(instance)")
        workloadRoleParameter = "/\(environmentPrefix)/\(instance)/workload-role-arn"
    }
}

/// Secrets Manager names of one instance's credentials (values never leave Secrets Manager).
public struct DeploymentSecrets: Sendable, Equatable, Encodable {
    public var mysql: String
    public var mongodb: String
    /// Secrets Tutor generates once (SECRET_KEY, JWT key, Meilisearch keys), kept across
    /// deploys; Terraform creates it empty and the first deploy fills it.
    public var tutor: String

    init(prefix: String) {
        mysql = "\(prefix)/mysql"
        mongodb = "\(prefix)/mongodb"
        tutor = "\(prefix)/tutor"
    }
}

/// Secrets Manager names of an environment's shared service credentials.
public struct EnvironmentSecrets: Sendable, Equatable, Encodable {
    public var redisAuth: String
    public var openSearchMaster: String
    public var mongodbAdmin: String
    public var mongodbKeyfile: String
    public var mongodbTLS: String
    /// `services.mongodb: external`: the connection string the team fills in.
    public var mongodbConnection: String
    public var sesSMTP: String

    enum CodingKeys: String, CodingKey {
        case redisAuth, mongodbAdmin, mongodbKeyfile, mongodbTLS, mongodbConnection, sesSMTP
        case openSearchMaster = "opensearchMaster"
    }

    init(prefix: String) {
        redisAuth = "\(prefix)/redis/auth"
        openSearchMaster = "\(prefix)/opensearch/master"
        mongodbAdmin = "\(prefix)/mongodb/admin"
        mongodbKeyfile = "\(prefix)/mongodb/keyfile"
        mongodbTLS = "\(prefix)/mongodb/tls"
        mongodbConnection = "\(prefix)/mongodb/connection"
        sesSMTP = "\(prefix)/ses/smtp"
    }
}

/// SSM Parameter Store names under which Terraform publishes the endpoints of an environment's
/// shared services, so the Tutor configuration can name them before they exist.
public struct EnvironmentParameters: Sendable, Equatable, Encodable {
    public var auroraWriterEndpoint: String
    public var auroraReaderEndpoint: String
    public var redisPrimaryEndpoint: String
    public var openSearchEndpoint: String
    /// Comma-separated `host:port` of the MongoDB members (or empty for external MongoDB).
    public var mongodbHosts: String
    /// The first member's address alone: the one host Tutor's init job waits for (Tutor 19-21
    /// append MONGODB_PORT to MONGODB_HOST as a whole, so it cannot be a list).
    public var mongodbFirstMember: String
    public var mongodbReplicaSet: String
    /// The replica set's CA certificate (public): clients verify the members with it, and
    /// the deploy reads it here rather than from the secret that holds the members' keys.
    public var mongodbCACertificate: String
    /// The ALB's IP target group, for the TargetGroupBinding the deploy workflow creates.
    public var albTargetGroupARN: String
    /// The IRSA role of the AWS Load Balancer Controller.
    public var loadBalancerControllerRoleARN: String
    /// The ARN of the RDS-managed master user secret (Tutor's init job creates databases with it).
    public var auroraMasterSecretARN: String
    /// The ARN of the cluster's EBS key, for the default StorageClass the deploy workflow applies.
    public var ebsKMSKeyARN: String

    enum CodingKeys: String, CodingKey {
        case auroraWriterEndpoint, auroraReaderEndpoint, redisPrimaryEndpoint, mongodbHosts, mongodbFirstMember
        case mongodbReplicaSet, mongodbCACertificate, albTargetGroupARN, loadBalancerControllerRoleARN,
            auroraMasterSecretARN, ebsKMSKeyARN
        case openSearchEndpoint = "opensearchEndpoint"
    }

    init(prefix: String) {
        let root = "/\(prefix)"
        auroraMasterSecretARN = "\(root)/aurora/master-secret-arn"
        albTargetGroupARN = "\(root)/alb/target-group-arn"
        loadBalancerControllerRoleARN = "\(root)/eks/load-balancer-controller-role-arn"
        auroraWriterEndpoint = "\(root)/aurora/writer-endpoint"
        auroraReaderEndpoint = "\(root)/aurora/reader-endpoint"
        redisPrimaryEndpoint = "\(root)/redis/primary-endpoint"
        openSearchEndpoint = "\(root)/opensearch/endpoint"
        mongodbHosts = "\(root)/mongodb/hosts"
        mongodbFirstMember = "\(root)/mongodb/first-member"
        ebsKMSKeyARN = "\(root)/eks/ebs-kms-key-arn"
        mongodbReplicaSet = "\(root)/mongodb/replica-set"
        mongodbCACertificate = "\(root)/mongodb/ca-certificate"
    }
}
