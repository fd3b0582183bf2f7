/// Turns the YAML tree into `Answers` with every default applied (SPEC §2), recording where
/// each key and value stood. It checks shape and types (unknown keys, missing keys, a list
/// where a mapping belongs, `"3"` where a number belongs, enum values); the rules about the
/// values themselves are `QuestionnaireValidator`'s. A value that could not be read gets a
/// placeholder in `Answers` and its key path goes into `unusable`, so that the validator
/// skips every rule that would need it and one mistake is reported once.
struct QuestionnaireDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []
    var sourceMap = SourceMap()
    var unusable: Set<String> = []
    /// Key paths whose value was not written but defaulted (`instances[0].lms_host`).
    var defaulted: Set<String> = []
    var rootLocation: SourceLocation?

    init(file: String) {
        self.file = file
    }

    static let rootKeys = [
        "version", "project", "aws", "dns", "github", "environments", "instances", "services", "sizes",
    ]
    static let projectKeys = ["name", "organization", "contact"]
    static let awsKeys = ["region", "account_id", "availability_zones", "admin_role_arns"]
    static let dnsKeys = ["domain", "hosted_zone_id"]
    static let githubKeys = ["repository", "default_branch"]
    /// `aws.availability_zones` when absent: 3, or the region's count when it has fewer
    /// (us-west-1 has 2). Three zones is what the medium and larger presets spread across.
    static let defaultZoneCount = 3

    mutating func decode(_ root: YAMLMapping) -> Answers {
        rootLocation = root.location
        let fields = fields(of: root, at: "", allowed: Self.rootKeys)
        let version = integer(require(fields, "version", in: "", example: "version: 1"), at: "version") ?? 1
        let project = decodeProject(
            require(fields, "project", in: "", example: "project: { name: acme, organization: Acme University }"))
        let aws = decodeAWS(
            require(fields, "aws", in: "", example: "aws: { region: us-east-1, account_id: \"123456789012\" }"))
        let dns = decodeDNS(require(fields, "dns", in: "", example: "dns: { domain: learn.example.com }"))
        let github = decodeGitHub(
            require(fields, "github", in: "", example: "github: { repository: acme/acme-openedx-infra }"))
        let environments = decodeEnvironments(
            require(fields, "environments", in: "", example: "environments: { production: { size: medium } }"), aws: aws
        )
        let instances = decodeInstances(
            require(fields, "instances", in: "", example: "instances: [{ name: main }]"), environments: environments,
            dns: dns)
        let services = decodeServices(fields["services"])
        let sizes = decodeSizes(fields["sizes"])
        return Answers(
            version: version, project: project, aws: aws, dns: dns, github: github, environments: environments,
            instances: instances, services: services, sizes: sizes)
    }

    private mutating func decodeProject(_ node: YAMLNode?) -> Answers.Project {
        guard let mapping = mapping(node, at: "project") else { return Answers.Project(name: "", organization: "") }
        let fields = fields(of: mapping, at: "project", allowed: Self.projectKeys)
        let name = text(require(fields, "name", in: "project", example: "name: acme"), at: "project.name")
        let organization = text(
            require(fields, "organization", in: "project", example: "organization: Acme University"),
            at: "project.organization")
        let contact = fields["contact"]?.unlessNull.flatMap { text($0, at: "project.contact") }
        return Answers.Project(name: name ?? "", organization: organization ?? "", contact: contact)
    }

    private mutating func decodeAWS(_ node: YAMLNode?) -> Answers.AWS {
        guard let mapping = mapping(node, at: "aws") else {
            return Answers.AWS(region: "", accountID: "", availabilityZones: [])
        }
        let fields = fields(of: mapping, at: "aws", allowed: Self.awsKeys)
        let region = text(require(fields, "region", in: "aws", example: "region: us-east-1"), at: "aws.region")
        // Any scalar as written: an unquoted 000123456789 keeps its zeros (stamp does its own typing).
        let accountID = text(
            require(fields, "account_id", in: "aws", example: "account_id: \"123456789012\""), at: "aws.account_id",
            expected: "12 digits")
        let zones = decodeZones(fields["availability_zones"], region: region)
        return Answers.AWS(
            region: region ?? "", accountID: accountID ?? "", availabilityZones: zones,
            adminRoleARNs: decodeAdminRoles(fields["admin_role_arns"]?.unlessNull))
    }

    private mutating func decodeAdminRoles(_ node: YAMLNode?) -> [String] {
        guard let node else { return [] }
        let path = "aws.admin_role_arns"
        guard let sequence = list(node, at: path, hint: "a list of IAM role ARNs") else { return [] }
        return sequence.items.enumerated().compactMap { index, item in text(item, at: "\(path)[\(index)]") }
    }

    /// A count becomes the region's first zones in letter order; a list is taken as written
    /// (the validator checks the names against the region).
    private mutating func decodeZones(_ node: YAMLNode?, region: String?) -> [String] {
        let path = "aws.availability_zones"
        let regionZones = region.flatMap(AWSRegions.zones(of:))
        guard let node = node?.unlessNull else {
            guard let regionZones else { return unusable(path) ?? [] }
            defaulted.insert(path)
            return Array(regionZones.prefix(Self.defaultZoneCount))
        }
        if case .sequence(let sequence) = node {
            var names: [String] = []
            for (index, item) in sequence.items.enumerated() {
                let itemPath = "\(path)[\(index)]"
                record(itemPath, key: nil, value: item)
                guard let name = text(item, at: itemPath, expected: "a zone name or zone ID") else {
                    unusable.insert(path)
                    continue
                }
                names.append(name)
            }
            return names
        }
        guard let count = integer(node, at: path, expected: "a number of zones or a list of zone names") else {
            return []
        }
        let maximum = min(6, regionZones?.count ?? 6)
        guard (2...maximum).contains(count) else {
            report(
                path, at: node.location,
                .zoneCountOutOfRange(count: count, maximum: maximum, region: regionZones == nil ? nil : region))
            return []
        }
        guard let regionZones else { return unusable(path) ?? [] }
        return Array(regionZones.prefix(count))
    }

    private mutating func decodeDNS(_ node: YAMLNode?) -> Answers.DNS {
        guard let mapping = mapping(node, at: "dns") else { return Answers.DNS(domain: "") }
        let fields = fields(of: mapping, at: "dns", allowed: Self.dnsKeys)
        let domain = text(require(fields, "domain", in: "dns", example: "domain: learn.example.com"), at: "dns.domain")
        let zone = fields["hosted_zone_id"]?.unlessNull.flatMap { text($0, at: "dns.hosted_zone_id") }
        return Answers.DNS(domain: domain ?? "", hostedZoneID: zone)
    }

    private mutating func decodeGitHub(_ node: YAMLNode?) -> Answers.GitHub {
        guard let mapping = mapping(node, at: "github") else { return Answers.GitHub(repository: "") }
        let fields = fields(of: mapping, at: "github", allowed: Self.githubKeys)
        let repository = text(
            require(fields, "repository", in: "github", example: "repository: acme/acme-openedx-infra"),
            at: "github.repository")
        var branch = "main"
        if let node = fields["default_branch"]?.unlessNull {
            branch = text(node, at: "github.default_branch") ?? branch
        } else {
            defaulted.insert("github.default_branch")
        }
        return Answers.GitHub(repository: repository ?? "", defaultBranch: branch)
    }
}
