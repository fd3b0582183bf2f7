import Questionnaire

/// Turns validated answers into a Plan. Pure: the same answers always give the same plan.
public struct Planner: Sendable {
    public init() {}

    /// Throws for answers the validator would have refused (a hand-built `Answers`).
    public func plan(_ answers: Answers) throws -> Plan {
        let namer = AWSNamer(
            project: answers.project.name, accountID: answers.aws.accountID, region: answers.aws.region)
        let environments = try answers.environments.enumerated().map { index, environment in
            try plan(environment, index: index, answers: answers, namer: namer)
        }
        return Plan(
            project: answers.project, aws: answers.aws, dns: answers.dns, github: answers.github,
            services: answers.services,
            stateBucket: namer.bucket(["tfstate"]),
            ciRoles: ciRoles(answers, environments: environments, namer: namer),
            clusterAdmins: ClusterAdmins(answers, namer: namer),
            environments: environments,
            instances: answers.instances.map { plan($0, namer: namer) }
        )
    }

    private func plan(_ environment: Answers.Environment, index: Int, answers: Answers, namer: AWSNamer) throws
        -> EnvironmentPlan
    {
        let size = answers.size(of: environment.size)
        let zones = Array(answers.aws.availabilityZones.prefix(environment.availabilityZoneCount))
        guard let vpc = IPv4CIDR(environment.networkCIDR) else {
            throw PlanningError.invalidNetworkCIDR(environment: environment.name, value: environment.networkCIDR)
        }
        return EnvironmentPlan(
            name: environment.name,
            index: index,
            protected: environment.protected,
            preset: environment.size,
            size: size,
            search: SearchTopology(requestedDataNodes: size.opensearchDataNodes, availabilityZones: zones.count),
            domain: answers.environmentDomain(environment.name),
            namePrefix: namer.name([environment.name]),
            names: EnvironmentNames(environment: environment.name, namer: namer),
            secrets: EnvironmentSecrets(prefix: namer.name([environment.name])),
            parameters: EnvironmentParameters(prefix: namer.name([environment.name])),
            network: NetworkPlanner().plan(vpc: vpc, zoneNames: zones, size: environment.size),
            deployments: answers.instances.filter { $0.environments.contains(environment.name) }.enumerated().map {
                position, instance in
                deployment(instance, position: position, environment: environment.name, answers: answers, namer: namer)
            }
        )
    }

    private func deployment(
        _ instance: Answers.Instance, position: Int, environment: String, answers: Answers, namer: AWSNamer
    ) -> DeploymentPlan {
        DeploymentPlan(
            instance: instance.name, environment: environment, release: instance.release,
            namePrefix: namer.name([environment, instance.name]),
            hosts: answers.hosts(of: instance, in: environment),
            buckets: DeploymentBuckets(environment: environment, instance: instance.name, namer: namer),
            isolation: DataIsolation(
                instance: instance.name, position: position, environmentPrefix: namer.name([environment])),
            imageRepository: namer.name([instance.name])
        )
    }

    private func plan(_ instance: Answers.Instance, namer: AWSNamer) -> InstancePlan {
        InstancePlan(
            name: instance.name, release: instance.release, lmsHost: instance.lmsHost,
            studioHost: instance.studioHost, environments: instance.environments,
            databaseName: AWSNamer.databaseIdentifier([instance.name, "openedx"], limit: .mysqlDatabase),
            databaseUser: AWSNamer.databaseIdentifier([instance.name, "openedx"], limit: .mysqlUser),
            imageRepository: namer.name([instance.name]))
    }

    /// Each role trusts exactly the `sub` claims of the jobs that use it (SPEC §7).
    private func ciRoles(_ answers: Answers, environments plans: [EnvironmentPlan], namer: AWSNamer) -> [CIRole] {
        let repo = "repo:\(answers.github.repository)"
        let environments = answers.environments.map { "\(repo):environment:\($0.name)" }
        // `terraform/global` is applied by a job bound to a GitHub environment named `global`
        // (reserved: no stamp environment may take that name), so it gets its own approval gate.
        let global = "\(repo):environment:\(Plan.globalEnvironment)"
        return CIRole.Purpose.allCases.map { purpose in
            let subjects: [String] =
                switch purpose {
                case .plan: ["\(repo):pull_request"]
                case .apply: [global] + environments
                case .deploy: environments
                case .build: ["\(repo):ref:refs/heads/\(answers.github.defaultBranch)"]
                }
            return CIRole(
                purpose: purpose, name: namer.name(["github", purpose.rawValue], limit: .iamRole),
                subjects: subjects,
                readableSecrets: CISecretAccess.readable(by: purpose, in: plans, services: answers.services))
        }
    }
}

/// Answers the questionnaire validator refuses, met in a hand-built `Answers`.
public enum PlanningError: Error, Equatable, CustomStringConvertible {
    case invalidNetworkCIDR(environment: String, value: String)

    public var description: String {
        switch self {
        case .invalidNetworkCIDR(let environment, let value):
            "environments.\(environment).network_cidr: `\(value)` is not an IPv4 CIDR block (validate the answers first)"
        }
    }
}
