import Questionnaire

/// How long the jobs of each CI role may run, and so how long its credentials must last
/// (SPEC §7: credentials last as long as the job that uses them may run).
public enum CIJobLimits {
    /// The longest job of each role, in minutes: a first production apply (OpenSearch,
    /// Aurora, ElastiCache, EKS, CloudFront and certificate validation) can take over an
    /// hour; an image build without cache up to two; a deploy with migrations up to one.
    public static func timeoutMinutes(_ purpose: CIRole.Purpose) -> Int {
        switch purpose {
        case .plan: 30
        case .apply: 90
        case .build: 120
        case .deploy: 60
        }
    }

    /// IAM's lower and upper bounds of a role's maximum session duration, in seconds.
    public static let sessionBounds = 3600...43_200
}

extension CIRole {
    /// The session the job asks for (`role-duration-seconds`): as long as the job may run.
    public var sessionSeconds: Int { CIJobLimits.timeoutMinutes(purpose) * 60 }
    /// The role's `max_session_duration`: the session, within IAM's bounds.
    public var maxSessionDuration: Int {
        min(max(sessionSeconds, CIJobLimits.sessionBounds.lowerBound), CIJobLimits.sessionBounds.upperBound)
    }
    public var jobTimeoutMinutes: Int { CIJobLimits.timeoutMinutes(purpose) }
}

/// The Secrets Manager secrets each CI role may read, as name patterns per environment
/// (SPEC §7: plan and deploy read only the secrets they use). `*` stands for an instance's
/// name, so that adding an instance does not change the CI roles (an administrator applies
/// those); the environment-wide names are exact.
enum CISecretAccess {
    static let anyInstance = "*"

    /// The plan role refreshes the secrets whose value Terraform keeps (a secret version in
    /// the state); Tutor's kept values and the external MongoDB string are not among them.
    static func plan(_ environment: EnvironmentPlan, services: Answers.Services) -> [String] {
        let instance = DeploymentSecrets(prefix: "\(environment.namePrefix)/\(anyInstance)")
        var names = [environment.secrets.redisAuth, instance.mysql]
        if services.mongodb == .replicaSet {
            names += [
                environment.secrets.mongodbAdmin, environment.secrets.mongodbKeyfile, environment.secrets.mongodbTLS,
            ]
            names.append(instance.mongodb)
        }
        if services.opensearch { names.append(environment.secrets.openSearchMaster) }
        if services.ses { names.append(environment.secrets.sesSMTP) }
        return names
    }

    /// The deploy reads what the Tutor configuration resolves: the instance's own
    /// credentials and kept values, and the shared services' client credentials. Never the
    /// MongoDB administrator, keyfile or member keys (the CA is an SSM parameter).
    static func deploy(_ environment: EnvironmentPlan, services: Answers.Services) -> [String] {
        let instance = DeploymentSecrets(prefix: "\(environment.namePrefix)/\(anyInstance)")
        var names = [environment.secrets.redisAuth, instance.mysql, instance.tutor]
        switch services.mongodb {
        case .replicaSet: names.append(instance.mongodb)
        case .external: names.append(environment.secrets.mongodbConnection)
        }
        if services.opensearch { names.append(environment.secrets.openSearchMaster) }
        if services.ses { names.append(environment.secrets.sesSMTP) }
        return names
    }

    static func readable(by purpose: CIRole.Purpose, in environments: [EnvironmentPlan], services: Answers.Services)
        -> [String]
    {
        let names: [String] =
            switch purpose {
            case .plan: environments.flatMap { plan($0, services: services) }
            case .deploy: environments.flatMap { deploy($0, services: services) }
            case .apply, .build: []
            }
        return names.sorted()
    }
}
