import Planning
import Questionnaire

extension TemplateContext {
    static func environment(_ environment: EnvironmentPlan, tutor: TutorPins) -> [String: Any] {
        let network = environment.network
        return [
            "name": environment.name, "index": environment.index, "is_first": environment.isFirst,
            "protected": environment.protected, "size": environment.preset.rawValue,
            "deletion_protection": environment.protectsData,
            "domain": environment.domain, "name_prefix": environment.namePrefix,
            "state_key": environment.stateKey,
            "names": names(environment.names),
            "secrets": [
                "redis_auth": environment.secrets.redisAuth, "opensearch_master": environment.secrets.openSearchMaster,
                "mongodb_admin": environment.secrets.mongodbAdmin,
                "mongodb_keyfile": environment.secrets.mongodbKeyfile,
                "mongodb_tls": environment.secrets.mongodbTLS,
                "mongodb_connection": environment.secrets.mongodbConnection,
                "ses_smtp": environment.secrets.sesSMTP,
            ],
            "log_retention_days": environment.flowLogRetentionDays,
            "parameters": [
                "aurora_writer_endpoint": environment.parameters.auroraWriterEndpoint,
                "aurora_reader_endpoint": environment.parameters.auroraReaderEndpoint,
                "redis_primary_endpoint": environment.parameters.redisPrimaryEndpoint,
                "opensearch_endpoint": environment.parameters.openSearchEndpoint,
                "mongodb_hosts": environment.parameters.mongodbHosts,
                "mongodb_replica_set": environment.parameters.mongodbReplicaSet,
                "mongodb_first_member": environment.parameters.mongodbFirstMember,
                "mongodb_ca_certificate": environment.parameters.mongodbCACertificate,
                "ebs_kms_key_arn": environment.parameters.ebsKMSKeyARN,
                "alb_target_group_arn": environment.parameters.albTargetGroupARN,
                "aurora_master_secret_arn": environment.parameters.auroraMasterSecretARN,
                "load_balancer_controller_role_arn": environment.parameters.loadBalancerControllerRoleARN,
            ],
            "vpc": [
                "cidr": network.vpc.description, "name": environment.namePrefix,
                "single_nat_gateway": network.singleNATGateway,
                "nat_gateway_per_az": !network.singleNATGateway,
                "nat_gateway_count": network.natGatewayCount,
                "flow_log_retention_days": environment.flowLogRetentionDays,
            ],
            "availability_zones": network.zones.map { zone in
                [
                    "name": zone.name, "letter": zone.letter, "public_cidr": zone.publicSubnet.description,
                    "application_cidr": zone.applicationSubnet.description, "data_cidr": zone.dataSubnet.description,
                ]
            },
            "subnets": subnetRows(network),
            "sizes": sizes(environment),
            "instances": environment.deployments.map { deployment($0, tutor: tutor) },
        ]
    }

    /// One row per subnet, grouped by tier then zone, for the README's subnet table.
    private static func subnetRows(_ network: NetworkPlan) -> [[String: Any]] {
        let tiers: [(String, KeyPath<ZonePlan, IPv4CIDR>)] = [
            ("public", \.publicSubnet), ("application", \.applicationSubnet), ("data", \.dataSubnet),
        ]
        return tiers.flatMap { tier, keyPath in
            network.zones.map { zone in
                let cidr = zone[keyPath: keyPath]
                return ["tier": tier, "zone": zone.name, "cidr": cidr.description, "addresses": cidr.usableAddresses]
            }
        }
    }

    private static func sizes(_ environment: EnvironmentPlan) -> [String: Any] {
        let size = environment.size
        return [
            "eks_node_type": size.eksNodeType, "eks_min_nodes": size.eksMinNodes,
            "eks_desired_nodes": size.eksDesiredNodes, "eks_max_nodes": size.eksMaxNodes,
            "aurora_instance_class": size.auroraInstanceClass, "aurora_readers": size.auroraReaders,
            "redis_node_type": size.redisNodeType, "redis_replicas": size.redisReplicas,
            "opensearch_instance_type": size.opensearchInstanceType,
            "opensearch_data_nodes": environment.search.dataNodes,
            "opensearch_master_type": size.opensearchMasterType,
            "opensearch_master_nodes": size.opensearchMasterNodes,
            "opensearch_dedicated_masters": size.opensearchMasterNodes > 0,
            "opensearch_zone_count": environment.search.zoneCount,
            "opensearch_zone_awareness": environment.search.zoneAwareness,
            "mongodb_instance_type": size.mongodbInstanceType, "mongodb_members": size.mongodbMembers,
            "mongodb_volume_gib": size.mongodbVolumeGiB,
        ]
    }

    private static func names(_ names: EnvironmentNames) -> [String: Any] {
        [
            "load_balancer": names.loadBalancer, "target_group": names.targetGroup, "web_acl": names.webACL,
            "log_bucket": names.logBucket, "backups_bucket": names.backupsBucket, "eks_cluster": names.eksCluster,
            "aurora_cluster": names.auroraCluster, "elasticache": names.elastiCache,
            "opensearch_domain": names.openSearchDomain,
        ]
    }

    private static func isolation(_ isolation: DataIsolation) -> [String: Any] {
        [
            "namespace": isolation.namespace, "redis_celery_db": isolation.redisCeleryDatabase,
            "redis_cache_db": isolation.redisCacheDatabase, "redis_key_prefix": isolation.redisKeyPrefix,
            "index_prefix": isolation.searchIndexPrefix, "event_bus_topic_prefix": isolation.eventBusTopicPrefix,
            "mysql_database": isolation.mysqlDatabase,
            "mysql_user": isolation.mysqlUser, "mongodb_database": isolation.mongodbDatabase,
            "mongodb_user": isolation.mongodbUser,
            "secrets": [
                "mysql": isolation.secrets.mysql, "mongodb": isolation.secrets.mongodb,
                "tutor": isolation.secrets.tutor,
            ],
            "workload_role_parameter": isolation.workloadRoleParameter,
        ]
    }

    /// An instance, with its deployments in apply order (unprotected environments first).
    static func instance(_ instance: InstancePlan, plan: Plan, tutor: TutorPins) -> [String: Any] {
        let environments = plan.applyOrder.filter { $0.deployments.contains { $0.instance == instance.name } }
        let deployments = environments.enumerated().map { position, environment in
            let deployment = environment.deployments.first { $0.instance == instance.name }
            let previous = position > 0 ? environments[position - 1].name : ""
            return Self.deployment(deployment, tutor: tutor).merging([
                "protected": environment.protected, "eks_cluster": environment.names.eksCluster,
                "environment_name_prefix": environment.namePrefix,
                "config_path": "tutor/\(instance.name)/\(environment.name)/config.yml",
                "has_previous_environment": position > 0, "previous_environment": previous,
                "vpc_cidr": environment.network.vpc.description,
                "parameters": [
                    "alb_target_group_arn": environment.parameters.albTargetGroupARN,
                    "load_balancer_controller_role_arn": environment.parameters.loadBalancerControllerRoleARN,
                    "ebs_kms_key_arn": environment.parameters.ebsKMSKeyARN,
                ],
            ]) { $1 }
        }
        return [
            "deployments": deployments,
            "name": instance.name, "release": instance.release.rawValue,
            "tutor_major_version": instance.release.tutorMajorVersion,
            "lms_host": instance.lmsHost, "studio_host": instance.studioHost,
            "environments": instance.environments.map { ["name": $0] },
            "database_name": instance.databaseName, "database_user": instance.databaseUser,
            "image_repository": instance.imageRepository,
            "tutor": tutor.context(for: instance.release),
        ] as [String: Any]
    }

    static func deployment(_ deployment: DeploymentPlan?, tutor: TutorPins) -> [String: Any] {
        guard let deployment else { return [:] }
        let hosts = deployment.hosts
        var hostMap: [String: Any] = [
            "lms": hosts.lms, "studio": hosts.studio, "apps": hosts.apps, "search": hosts.search,
        ]
        if let cdn = hosts.cdn { hostMap["cdn"] = cdn }
        if let preview = hosts.preview { hostMap["preview"] = preview }
        return [
            "name": deployment.instance, "release": deployment.release.rawValue,
            "environment": deployment.environment, "name_prefix": deployment.namePrefix,
            "hosts": hostMap, "has_cdn": hosts.cdn != nil, "has_preview": hosts.preview != nil,
            "tutor": tutor.context(for: deployment.release),
            "buckets": ["public": deployment.buckets.publicAssets, "private": deployment.buckets.privateFiles],
            "tutor_major_version": deployment.release.tutorMajorVersion,
            "image_repository": deployment.imageRepository,
            "isolation": isolation(deployment.isolation),
            "alb_hosts": deployment.loadBalancerHosts.map { ["host": $0] },
            "certificate_alternative_names": deployment.certificateAlternativeNames.map { ["host": $0] },
        ]
    }
}

/// The blueprint's Tutor table as the templates see it, per release.
struct TutorPins {
    var table: [String: BlueprintManifest.TutorRelease]

    func context(for release: Release) -> [String: Any] {
        // The loader checked that every release has a row.
        guard let row = table[release.rawValue] else { return [:] }
        return [
            "version": row.version,
            "plugins": row.plugins.sorted { $0.key < $1.key }.map { ["name": $0.key, "version": $0.value] },
            "requirements": row.requirements.map { ["line": $0] },
        ]
    }
}
