import Questionnaire

/// One instance in one environment, as templates see it (`deployment`, and each of
/// `environment.instances`).
public struct DeploymentContext: Sendable, Equatable, Encodable {
    public struct Hosts: Sendable, Equatable, Encodable {
        public var lms: String
        public var studio: String
        public var apps: String
        public var cdn: String?
        public var preview: String?
    }

    public struct Buckets: Sendable, Equatable, Encodable {
        public var `public`: String
        public var `private`: String
    }

    public struct Isolation: Sendable, Equatable, Encodable {
        public var namespace: String
        public var redisCeleryDb: Int
        public var redisCacheDb: Int
        public var redisKeyPrefix: String
        public var indexPrefix: String
        public var eventBusTopicPrefix: String
        public var mysqlDatabase: String
        public var mysqlUser: String
        public var mongodbDatabase: String
        public var mongodbUser: String
        public var secrets: DeploymentSecrets
        public var workloadRoleParameter: String
    }

    public var name: String
    public var release: String
    public var environment: String
    public var namePrefix: String
    public var hosts: Hosts
    public var hasCdn: Bool
    public var hasPreview: Bool
    public var tutor: TutorContext
    public var buckets: Buckets
    public var tutorMajorVersion: Int
    public var imageRepository: String
    public var isolation: Isolation
    public var albHosts: [HostRow]
    public var certificateAlternativeNames: [HostRow]

    init(_ deployment: DeploymentPlan, tutor: TutorPins) {
        let hosts = deployment.hosts
        let isolation = deployment.isolation
        name = deployment.instance
        release = deployment.release.rawValue
        environment = deployment.environment
        namePrefix = deployment.namePrefix
        self.hosts = Hosts(
            lms: hosts.lms, studio: hosts.studio, apps: hosts.apps, cdn: hosts.cdn,
            preview: hosts.preview)
        hasCdn = hosts.cdn != nil
        hasPreview = hosts.preview != nil
        self.tutor = tutor.context(for: deployment.release)
        buckets = Buckets(public: deployment.buckets.publicAssets, private: deployment.buckets.privateFiles)
        tutorMajorVersion = deployment.release.tutorMajorVersion
        imageRepository = deployment.imageRepository
        self.isolation = Isolation(
            namespace: isolation.namespace, redisCeleryDb: isolation.redisCeleryDatabase,
            redisCacheDb: isolation.redisCacheDatabase, redisKeyPrefix: isolation.redisKeyPrefix,
            indexPrefix: isolation.searchIndexPrefix, eventBusTopicPrefix: isolation.eventBusTopicPrefix,
            mysqlDatabase: isolation.mysqlDatabase, mysqlUser: isolation.mysqlUser,
            mongodbDatabase: isolation.mongodbDatabase, mongodbUser: isolation.mongodbUser,
            secrets: isolation.secrets, workloadRoleParameter: isolation.workloadRoleParameter)
        albHosts = deployment.loadBalancerHosts.map(HostRow.init)
        certificateAlternativeNames = deployment.certificateAlternativeNames.map(HostRow.init)
    }
}

/// An instance, with its deployments in apply order (unprotected environments first), each
/// knowing the environment it is promoted from.
public struct InstanceContext: Sendable, Equatable, Encodable {
    /// A deployment as the instance's workflows see it: the deployment's keys and these.
    public struct Deployment: Sendable, Equatable, Encodable {
        public struct Parameters: Sendable, Equatable, Encodable {
            public var albTargetGroupArn: String
            public var loadBalancerControllerRoleArn: String
            public var ebsKmsKeyArn: String
        }

        public var deployment: DeploymentContext
        public var protected: Bool
        public var eksCluster: String
        public var environmentNamePrefix: String
        public var configPath: String
        public var hasPreviousEnvironment: Bool
        public var previousEnvironment: String
        public var vpcCidr: String
        public var parameters: Parameters

        enum CodingKeys: String, CodingKey {
            case protected, eksCluster, environmentNamePrefix, configPath, hasPreviousEnvironment
            case previousEnvironment, vpcCidr, parameters
        }

        public func encode(to encoder: any Encoder) throws {
            try deployment.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(protected, forKey: .protected)
            try container.encode(eksCluster, forKey: .eksCluster)
            try container.encode(environmentNamePrefix, forKey: .environmentNamePrefix)
            try container.encode(configPath, forKey: .configPath)
            try container.encode(hasPreviousEnvironment, forKey: .hasPreviousEnvironment)
            try container.encode(previousEnvironment, forKey: .previousEnvironment)
            try container.encode(vpcCidr, forKey: .vpcCidr)
            try container.encode(parameters, forKey: .parameters)
        }
    }

    public struct EnvironmentName: Sendable, Equatable, Encodable {
        public var name: String
    }

    public var deployments: [Deployment]
    public var name: String
    public var release: String
    public var tutorMajorVersion: Int
    public var environments: [EnvironmentName]
    public var imageRepository: String
    public var tutor: TutorLockContext

    init(_ instance: InstancePlan, plan: Plan, tutor: TutorPins) {
        let environments = plan.applyOrder.filter { $0.deployments.contains { $0.instance == instance.name } }
        deployments = environments.enumerated().compactMap { position, environment in
            guard let deployment = environment.deployments.first(where: { $0.instance == instance.name }) else {
                return nil
            }
            let previous = position > 0 ? environments[position - 1].name : ""
            return Deployment(
                deployment: DeploymentContext(deployment, tutor: tutor), protected: environment.protected,
                eksCluster: environment.names.eksCluster, environmentNamePrefix: environment.namePrefix,
                configPath: "tutor/\(instance.name)/\(environment.name)/config.yml",
                hasPreviousEnvironment: position > 0, previousEnvironment: previous,
                vpcCidr: environment.network.vpc.description,
                parameters: Deployment.Parameters(
                    albTargetGroupArn: environment.parameters.albTargetGroupARN,
                    loadBalancerControllerRoleArn: environment.parameters.loadBalancerControllerRoleARN,
                    ebsKmsKeyArn: environment.parameters.ebsKMSKeyARN))
        }
        name = instance.name
        release = instance.release.rawValue
        tutorMajorVersion = instance.release.tutorMajorVersion
        self.environments = instance.environments.map(EnvironmentName.init)
        imageRepository = instance.imageRepository
        self.tutor = tutor.lock(for: instance.release)
    }
}
