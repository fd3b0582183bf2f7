extension PlanDocument {
    struct Environment: Encodable, Sendable {
        var name: String
        var index: Int
        var protected: Bool
        var size: String
        var domain: String
        var namePrefix: String
        var stateKey: String
        var names: Names
        var secrets: Secrets
        var parameters: Parameters
        var network: Network
        var sizes: Sizes
        var search: Search
        var deployments: [Deployment]

        init(_ environment: EnvironmentPlan) {
            name = environment.name
            index = environment.index
            protected = environment.protected
            size = environment.preset.rawValue
            domain = environment.domain
            namePrefix = environment.namePrefix
            stateKey = environment.stateKey
            names = Names(environment.names, prefix: environment.namePrefix)
            secrets = Secrets(environment.secrets)
            parameters = Parameters(environment.parameters)
            network = Network(environment.network)
            sizes = Sizes(environment.size)
            search = Search(dataNodes: environment.search.dataNodes, zoneCount: environment.search.zoneCount)
            deployments = environment.deployments.map(Deployment.init)
        }
    }

    struct Names: Encodable, Sendable {
        var loadBalancer: String
        var targetGroup: String
        var webACL: String
        var logBucket: String
        var backupsBucket: String
        var eksCluster: String
        var auroraCluster: String
        var elasticache: String
        var opensearchDomain: String
        /// The bastion module names its instance `<project>-<environment>-bastion`.
        var bastion: String

        init(_ names: EnvironmentNames, prefix: String) {
            loadBalancer = names.loadBalancer
            targetGroup = names.targetGroup
            webACL = names.webACL
            logBucket = names.logBucket
            backupsBucket = names.backupsBucket
            eksCluster = names.eksCluster
            auroraCluster = names.auroraCluster
            elasticache = names.elastiCache
            opensearchDomain = names.openSearchDomain
            bastion = "\(prefix)-bastion"
        }
    }

    struct Secrets: Encodable, Sendable {
        var redisAuth: String
        var opensearchMaster: String
        var mongodbAdmin: String
        var mongodbKeyfile: String
        var mongodbTLS: String
        var mongodbConnection: String
        var sesSMTP: String

        init(_ secrets: EnvironmentSecrets) {
            redisAuth = secrets.redisAuth
            opensearchMaster = secrets.openSearchMaster
            mongodbAdmin = secrets.mongodbAdmin
            mongodbKeyfile = secrets.mongodbKeyfile
            mongodbTLS = secrets.mongodbTLS
            mongodbConnection = secrets.mongodbConnection
            sesSMTP = secrets.sesSMTP
        }
    }

    struct Parameters: Encodable, Sendable {
        var auroraWriterEndpoint: String
        var auroraReaderEndpoint: String
        var auroraMasterSecretARN: String
        var redisPrimaryEndpoint: String
        var opensearchEndpoint: String
        var mongodbHosts: String
        var mongodbReplicaSet: String
        var mongodbFirstMember: String
        var ebsKmsKeyARN: String
        var albTargetGroupARN: String
        var loadBalancerControllerRoleARN: String

        init(_ parameters: EnvironmentParameters) {
            auroraWriterEndpoint = parameters.auroraWriterEndpoint
            auroraReaderEndpoint = parameters.auroraReaderEndpoint
            auroraMasterSecretARN = parameters.auroraMasterSecretARN
            redisPrimaryEndpoint = parameters.redisPrimaryEndpoint
            opensearchEndpoint = parameters.openSearchEndpoint
            mongodbHosts = parameters.mongodbHosts
            mongodbReplicaSet = parameters.mongodbReplicaSet
            mongodbFirstMember = parameters.mongodbFirstMember
            ebsKmsKeyARN = parameters.ebsKMSKeyARN
            albTargetGroupARN = parameters.albTargetGroupARN
            loadBalancerControllerRoleARN = parameters.loadBalancerControllerRoleARN
        }
    }

    struct Network: Encodable, Sendable {
        var vpc: String
        var natGateways: Int
        var zones: [Zone]

        init(_ network: NetworkPlan) {
            vpc = network.vpc.description
            natGateways = network.natGatewayCount
            zones = network.zones.map {
                Zone(
                    name: $0.name, publicSubnet: $0.publicSubnet.description,
                    applicationSubnet: $0.applicationSubnet.description, dataSubnet: $0.dataSubnet.description)
            }
        }
    }

    struct Zone: Encodable, Sendable {
        var name: String
        var publicSubnet: String
        var applicationSubnet: String
        var dataSubnet: String
    }

    struct Sizes: Encodable, Sendable {
        var eksNodeType: String
        var eksMinNodes: Int
        var eksDesiredNodes: Int
        var eksMaxNodes: Int
        var auroraInstanceClass: String
        var auroraReaders: Int
        var redisNodeType: String
        var redisReplicas: Int
        var opensearchInstanceType: String
        var opensearchMasterType: String
        var opensearchMasterNodes: Int
        var mongodbInstanceType: String
        var mongodbMembers: Int
        var mongodbVolumeGib: Int

        init(_ size: EnvironmentSize) {
            eksNodeType = size.eksNodeType
            eksMinNodes = size.eksMinNodes
            eksDesiredNodes = size.eksDesiredNodes
            eksMaxNodes = size.eksMaxNodes
            auroraInstanceClass = size.auroraInstanceClass
            auroraReaders = size.auroraReaders
            redisNodeType = size.redisNodeType
            redisReplicas = size.redisReplicas
            opensearchInstanceType = size.opensearchInstanceType
            opensearchMasterType = size.opensearchMasterType
            opensearchMasterNodes = size.opensearchMasterNodes
            mongodbInstanceType = size.mongodbInstanceType
            mongodbMembers = size.mongodbMembers
            mongodbVolumeGib = size.mongodbVolumeGiB
        }
    }

    struct Search: Encodable, Sendable {
        var dataNodes: Int
        var zoneCount: Int
    }

    struct Deployment: Encodable, Sendable {
        var instance: String
        var environment: String
        var release: String
        var tutorMajorVersion: Int
        var namePrefix: String
        var hosts: Hosts
        var buckets: Buckets
        var isolation: Isolation
        var imageRepository: String

        init(_ deployment: DeploymentPlan) {
            instance = deployment.instance
            environment = deployment.environment
            release = deployment.release.rawValue
            tutorMajorVersion = deployment.release.tutorMajorVersion
            namePrefix = deployment.namePrefix
            hosts = Hosts(deployment.hosts)
            buckets = Buckets(publicAssets: deployment.buckets.publicAssets, privateFiles: deployment.buckets.privateFiles)
            isolation = Isolation(deployment.isolation)
            imageRepository = deployment.imageRepository
        }
    }

    struct Hosts: Encodable, Sendable {
        var lms: String
        var studio: String
        var preview: String?
        var apps: String
        var meilisearch: String
        var cdn: String?

        init(_ hosts: InstanceHosts) {
            lms = hosts.lms
            studio = hosts.studio
            preview = hosts.preview
            apps = hosts.apps
            meilisearch = hosts.search
            cdn = hosts.cdn
        }
    }

    struct Buckets: Encodable, Sendable {
        var publicAssets: String
        var privateFiles: String
    }

    struct Isolation: Encodable, Sendable {
        var namespace: String
        var redisCeleryDatabase: Int
        var redisCacheDatabase: Int
        var redisKeyPrefix: String
        var searchIndexPrefix: String
        var eventBusTopicPrefix: String
        var mysqlDatabase: String
        var mysqlUser: String
        var mongodbDatabase: String
        var mongodbUser: String
        var secrets: DeploymentSecretNames
        var workloadRoleParameter: String

        init(_ isolation: DataIsolation) {
            namespace = isolation.namespace
            redisCeleryDatabase = isolation.redisCeleryDatabase
            redisCacheDatabase = isolation.redisCacheDatabase
            redisKeyPrefix = isolation.redisKeyPrefix
            searchIndexPrefix = isolation.searchIndexPrefix
            eventBusTopicPrefix = isolation.eventBusTopicPrefix
            mysqlDatabase = isolation.mysqlDatabase
            mysqlUser = isolation.mysqlUser
            mongodbDatabase = isolation.mongodbDatabase
            mongodbUser = isolation.mongodbUser
            secrets = DeploymentSecretNames(
                mysql: isolation.secrets.mysql, mongodb: isolation.secrets.mongodb, tutor: isolation.secrets.tutor)
            workloadRoleParameter = isolation.workloadRoleParameter
        }
    }

    struct DeploymentSecretNames: Encodable, Sendable {
        var mysql: String
        var mongodb: String
        var tutor: String
    }

    struct Instance: Encodable, Sendable {
        var name: String
        var release: String
        var tutorMajorVersion: Int
        var lmsHost: String
        var studioHost: String
        var environments: [String]
        var imageRepository: String

        init(_ instance: InstancePlan) {
            name = instance.name
            release = instance.release.rawValue
            tutorMajorVersion = instance.release.tutorMajorVersion
            lmsHost = instance.lmsHost
            studioHost = instance.studioHost
            environments = instance.environments
            imageRepository = instance.imageRepository
        }
    }
}
