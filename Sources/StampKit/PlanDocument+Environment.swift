extension PlanDocument {
    struct Environment: Encodable, Sendable {
        var name: String
        var index: Int
        var protected: Bool
        var size: String
        var domain: String
        var namePrefix: String
        var stateKey: String
        var names: EnvironmentNames
        var secrets: EnvironmentSecrets
        var parameters: EnvironmentParameters
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
            names = environment.names
            secrets = environment.secrets
            parameters = environment.parameters
            network = Network(environment.network)
            sizes = Sizes(environment.size)
            search = Search(dataNodes: environment.search.dataNodes, zoneCount: environment.search.zoneCount)
            deployments = environment.deployments.map(Deployment.init)
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
        var hosts: InstanceHosts
        var buckets: DeploymentBuckets
        var isolation: DataIsolation
        var imageRepository: String

        init(_ deployment: DeploymentPlan) {
            instance = deployment.instance
            environment = deployment.environment
            release = deployment.release.rawValue
            tutorMajorVersion = deployment.release.tutorMajorVersion
            namePrefix = deployment.namePrefix
            hosts = deployment.hosts
            buckets = deployment.buckets
            isolation = deployment.isolation
            imageRepository = deployment.imageRepository
        }
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
