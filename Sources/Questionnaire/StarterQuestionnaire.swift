/// The answers `stamp init` asks for; everything else in the starter questionnaire is a
/// documented default.
public struct StarterValues: Sendable, Equatable {
    public var projectName: String
    public var organization: String
    public var region: String
    public var accountID: String
    public var availabilityZones: Int
    public var domain: String
    public var githubRepository: String

    public init(
        projectName: String, organization: String, region: String, accountID: String, availabilityZones: Int,
        domain: String, githubRepository: String
    ) {
        self.projectName = projectName
        self.organization = organization
        self.region = region
        self.accountID = accountID
        self.availabilityZones = availabilityZones
        self.domain = domain
        self.githubRepository = githubRepository
    }

    /// What `stamp init --no-input` writes.
    public static let defaults = StarterValues(
        projectName: "openedx", organization: "Example University", region: "us-east-1", accountID: "123456789012",
        availabilityZones: 3, domain: "learn.example.com", githubRepository: "example/openedx-infra")
}

/// A commented `stamp.yaml` that documents every section (SPEC §2): a protected `production`
/// (medium) and a `staging` (small) environment, one instance `main`, optional keys shown
/// commented out with their defaults.
public enum StarterQuestionnaire {
    public static func yaml(_ values: StarterValues) -> String {
        let lms = "main.\(values.domain)"
        var lines: [(String, String?)] = [
            ("# stamp questionnaire, version 1: the Open edX platform to build on AWS.", nil),
            (
                "# `stamp validate` checks it, `stamp explain` shows what it builds, `stamp generate` writes the repository.",
                nil
            ),
            ("version: 1", nil),
            ("", nil),
            ("project:", nil),
            (
                "  name: \(YAMLText.scalar(values.projectName))",
                "3-16 characters: a-z, 0-9, single hyphens; starts every AWS name"
            ),
            ("  organization: \(YAMLText.quoted(values.organization))", "free text for documentation and tags"),
            ("  # contact: platform@example.edu", "optional e-mail for tags, alarms and SES notifications"),
            ("", nil),
            ("aws:", nil),
            ("  region: \(YAMLText.scalar(values.region))", "a commercial AWS region"),
            ("  account_id: \(YAMLText.quoted(values.accountID))", "12 digits, leading zeros kept"),
            (
                "  availability_zones: \(values.availabilityZones)",
                "2-6 (at most the region's count), or a list of zone names"
            ),
            ("  # admin_role_arns:", "optional; IAM roles of this account given cluster admin (SSO: the"),
            (
                "  #   - arn:aws:iam::\(values.accountID):role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123",
                "permission set's role); absent: a <project>-eks-admin role, assumed with MFA"
            ),
            ("", nil),
            ("dns:", nil),
            ("  domain: \(YAMLText.scalar(values.domain))", "every host ends with it"),
            (
                "  # hosted_zone_id: Z0123456789ABC",
                "optional existing Route 53 zone; absent: terraform/global creates it"
            ),
            ("", nil),
            ("github:", nil),
            (
                "  repository: \(YAMLText.scalar(values.githubRepository))",
                "OWNER/NAME of the repository for the generated code"
            ),
            ("  default_branch: main", "optional, default main"),
            ("", nil),
            ("# Ordered. The first environment serves the hosts as written, every other one under", nil),
            ("# <env>.<dns.domain>. Unprotected environments are applied first.", nil),
            ("environments:", "names: 2-10 characters, a-z and 0-9, starting with a letter"),
            ("  production:", nil),
            ("    size: medium", "small | medium | large | xlarge; medium and up: no single point of failure"),
            ("    protected: true", "deletion protection, final snapshots, approval before apply"),
            ("  staging:", nil),
            ("    size: small", nil),
            ("    protected: false", "optional; default true for the first environment only"),
            ("    # availability_zones: 2", "optional; default all of aws.availability_zones"),
            ("    # network_cidr: 10.1.0.0/16", "optional; /16 to /20, private; default 10.<index>.0.0/16"),
            ("", nil),
            ("instances:", "one Open edX site each; names 2-12 characters: a-z, 0-9, single hyphens"),
            ("  - name: main", nil),
            ("    # lms_host: \(lms)", "default <name>.<dns.domain>"),
            ("    # studio_host: studio.\(lms)", "default studio.<lms_host>"),
            ("    release: verawood", "sumac (Tutor 19) | teak (20) | ulmo (21) | verawood (22)"),
            ("    # environments: [production, staging]", "default: every environment"),
            ("", nil),
            ("services:", "optional; the defaults are shown"),
        ]
        lines += Service.allCases.map { ("  \($0.rawValue): \($0.value(in: Answers.Services()))", $0.summary) }
        lines += [
            ("", nil),
            ("# sizes:", "optional overrides of a preset's values (see the README), e.g."),
            ("#   large: { eks_node_type: m7i.xlarge, eks_max_nodes: 12 }", nil),
        ]
        return lines.map { Self.line($0.0, comment: $0.1) }.joined(separator: "\n") + "\n"
    }

    /// Comments start at column 41 when the content leaves room, else two spaces after it.
    private static func line(_ content: String, comment: String?) -> String {
        guard let comment else { return content }
        let padding = max(2, 40 - content.count)
        return content + String(repeating: " ", count: padding) + "# " + comment
    }
}
