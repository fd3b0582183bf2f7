import Questionnaire

/// Everything the blueprint needs, decided: the questionnaire's answers turned into networks,
/// names, sizes and hosts. Templates only print what is here.
public struct Plan: Sendable, Equatable {
    /// The questionnaire's settled sections; environments, instances and sizes are decided below.
    public var project: Answers.Project
    public var aws: Answers.AWS
    public var dns: Answers.DNS
    public var github: Answers.GitHub
    public var services: Answers.Services
    public var stateBucket: String
    public var ciRoles: [CIRole]
    public var clusterAdmins: ClusterAdmins
    public var environments: [EnvironmentPlan]
    public var instances: [InstancePlan]
    /// The cluster's shared ingress controller, the same in every environment.
    public var ingress: IngressController = .harmonyTraefik
    /// Where terraform/global publishes the ID of the zone it creates (SSM Parameter Store):
    /// the environments look the zone up by ID, never by name.
    public var zoneIDParameter: String { "/\(project.name)/dns/zone-id" }
    /// The CloudWatch Logs resource policies of the account, shared by the environments.
    public var logResourcePolicies: [LogResourcePolicy] {
        LogResourcePolicyQuota.policies(project: project, aws: aws, dns: dns, services: services)
    }

    /// The GitHub environment whose jobs apply `terraform/global`.
    public static let globalEnvironment = "global"
    /// Where `terraform/global` keeps its state in the state bucket.
    public static let globalStateKey = "global/terraform.tfstate"

    /// Without the bastion, deploy jobs reach each private EKS API from runners in the VPC.
    public var usesSelfHostedRunners: Bool { !services.bastion }

    /// `name` of `owner/name`.
    public var repositoryName: String {
        github.repository.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
    }

    /// Unprotected environments first, in questionnaire order, then protected ones (SPEC §2).
    public var applyOrder: [EnvironmentPlan] {
        environments.filter { !$0.protected } + environments.filter(\.protected)
    }

    public func environment(named name: String) -> EnvironmentPlan? {
        environments.first { $0.name == name }
    }
}

/// A GitHub Actions role and the OIDC `sub` values allowed to assume it (SPEC §7).
public struct CIRole: Sendable, Equatable {
    public enum Purpose: String, Sendable, CaseIterable { case plan, apply, build, deploy }
    public var purpose: Purpose
    public var name: String
    public var subjects: [String]
    /// Secrets Manager name patterns the role may read (plan, deploy; `*` is any instance);
    /// the others read none by name.
    public var readableSecrets: [String] = []

    public func arn(accountID: String) -> String { "arn:aws:iam::\(accountID):role/\(name)" }

    public var description: String {
        switch purpose {
        case .plan: "Read-only plans for pull requests"
        case .apply: "Terraform apply from the default branch's environment jobs"
        case .build: "Push Open edX images to ECR from the default branch"
        case .deploy: "Deploy Open edX to EKS from the environment jobs"
        }
    }
}

public struct EnvironmentPlan: Sendable, Equatable {
    public var name: String
    public var index: Int
    public var protected: Bool
    public var preset: SizePreset
    public var size: EnvironmentSize
    public var search: SearchTopology
    /// The DNS suffix this environment serves (`staging.learn.acme.edu`).
    public var domain: String
    /// `<project>-<env>`: the stem of every AWS name in this environment.
    public var namePrefix: String
    public var names: EnvironmentNames
    public var secrets: EnvironmentSecrets
    public var parameters: EnvironmentParameters
    public var network: NetworkPlan
    public var deployments: [DeploymentPlan]

    public var isFirst: Bool { index == 0 }
    /// Deletion protection and final snapshots of data stores: protected environments, and
    /// every environment larger than `small` (issue 4: "outside small").
    public var protectsData: Bool { protected || preset != .small }
    public var stateKey: String { "environments/\(name)/terraform.tfstate" }
    /// Flow logs of protected environments are kept for a year for incident investigation.
    public var flowLogRetentionDays: Int { protected ? 365 : 90 }
}

/// OpenSearch data-node layout: zone awareness over min(zones, 3) zones with a data-node count
/// that is a multiple of the zone count (SPEC §3).
public struct SearchTopology: Sendable, Equatable {
    public var dataNodes: Int
    public var zoneCount: Int
    public var zoneAwareness: Bool { zoneCount > 1 }

    public init(requestedDataNodes: Int, availabilityZones: Int) {
        guard requestedDataNodes > 1 else {
            self.dataNodes = max(requestedDataNodes, 1)
            self.zoneCount = 1
            return
        }
        let zones = min(availabilityZones, 3, requestedDataNodes)
        self.zoneCount = zones
        // Round up so that every zone holds the same number of data nodes.
        self.dataNodes = (requestedDataNodes + zones - 1) / zones * zones
    }
}

public struct InstancePlan: Sendable, Equatable {
    public var name: String
    public var release: Release
    public var lmsHost: String
    public var studioHost: String
    public var environments: [String]
    public var databaseName: String
    public var databaseUser: String
    /// The ECR repository of the instance's Open edX image, shared by its environments.
    public var imageRepository: String
}

/// One instance in one environment.
public struct DeploymentPlan: Sendable, Equatable {
    public var instance: String
    public var environment: String
    public var release: Release
    /// `<project>-<env>-<instance>`.
    public var namePrefix: String
    public var hosts: InstanceHosts
    public var buckets: DeploymentBuckets
    public var isolation: DataIsolation
    /// The instance's image repository in ECR (`terraform/global`).
    public var imageRepository: String

    /// The hosts the load balancer's certificate covers: everything but the CloudFront host.
    public var loadBalancerHosts: [String] { hosts.all.map(\.host).filter { $0 != hosts.cdn } }

    /// The certificate's alternative names: every load balancer host but the LMS host (its first name).
    public var certificateAlternativeNames: [String] { loadBalancerHosts.filter { $0 != hosts.lms } }
}
