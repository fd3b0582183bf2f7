/// The rules about values (SPEC §2, §3, §5) over decoded, defaulted `Answers`. Every problem is
/// reported, never only the first; a rule whose input is already known to be wrong is skipped,
/// so that one mistake gives one diagnostic.
public struct QuestionnaireValidator: Sendable {
    public init() {}

    /// Every problem of `answers`, in document order. `sourceMap` gives the locations (none for
    /// answers built in code).
    public func validate(_ answers: Answers, sourceMap: SourceMap = SourceMap(), file: String = "stamp.yaml")
        -> [Diagnostic]
    {
        validate(answers, sourceMap: sourceMap, file: file, unusable: [], defaulted: [])
    }

    func validate(
        _ answers: Answers, sourceMap: SourceMap, file: String, unusable: Set<String>, defaulted: Set<String>
    ) -> [Diagnostic] {
        var run = ValidationRun(
            answers: answers, sourceMap: sourceMap, file: file, unusable: unusable, defaulted: defaulted)
        run.checkVersionAndProject()
        run.checkAWS()
        run.checkDNSAndGitHub()
        run.checkEnvironments()
        run.checkInstances()
        run.checkHosts()
        run.checkSizes()
        return run.diagnostics.sortedByLocation()
    }
}

/// One validation: the answers, where their values stood, and what has been found so far.
struct ValidationRun {
    let answers: Answers
    let sourceMap: SourceMap
    let file: String
    /// Key paths not to check again: unreadable, or already reported.
    var unusable: Set<String>
    /// Key paths that hold a default rather than a written value.
    let defaulted: Set<String>
    var diagnostics: [Diagnostic] = []
    /// Environments whose name is already reported: their hosts are not checked.
    var invalidEnvironmentNames: Set<String> = []

    init(answers: Answers, sourceMap: SourceMap, file: String, unusable: Set<String>, defaulted: Set<String>) {
        self.answers = answers
        self.sourceMap = sourceMap
        self.file = file
        self.unusable = unusable
        self.defaulted = defaulted
    }

    func usable(_ path: String) -> Bool { unusable.isUsable(path) }

    mutating func report(_ path: String, _ problem: QuestionnaireProblem) {
        diagnostics.append(
            Diagnostic(file: file, location: sourceMap.location(of: path), keyPath: path, problem: problem))
        unusable.insert(path)
    }

    func quoted(_ value: String) -> String { "`\(value.escapedForMessage)`" }

    func line(of path: String) -> Int? { sourceMap.location(of: path)?.line }

    mutating func checkVersionAndProject() {
        if usable("version"), answers.version != 1 {
            report("version", .unsupportedVersion(found: quoted(String(answers.version))))
        }
        let project = answers.project
        if usable("project.name"), !NameRules.isProjectName(project.name) {
            let suggestion = NameRules.suggestedSlug(
                project.name, maxLength: 16, hyphens: true, isValid: NameRules.isProjectName)
            report("project.name", .invalidProjectName(name: quoted(project.name), suggestion: suggestion))
        }
        if usable("project.organization") {
            let organization = project.organization
            if organization.allSatisfy(\.isWhitespace) {
                report("project.organization", .emptyOrganization)
            } else if organization.unicodeScalars.contains(where: Self.isControl) {
                report("project.organization", .organizationHasControlCharacters(found: quoted(organization)))
            } else if organization.count > Self.organizationLimit {
                report(
                    "project.organization",
                    .organizationTooLong(length: organization.count, limit: Self.organizationLimit))
            }
        }
        if let contact = project.contact, usable("project.contact"), !NameRules.isEmail(contact) {
            report("project.contact", .invalidEmail(value: quoted(contact)))
        }
    }

    /// AWS tag values hold at most 256 characters, and the organization lands in a tag.
    static let organizationLimit = 256

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    mutating func checkAWS() {
        let aws = answers.aws
        var regionZones: [String]?
        if usable("aws.region") {
            regionZones = AWSRegions.zones(of: aws.region)
            if regionZones == nil {
                if let partition = AWSRegions.otherPartition(of: aws.region) {
                    report("aws.region", .otherPartitionRegion(value: quoted(aws.region), partition: partition))
                } else {
                    let suggestion = DidYouMean.suggestion(for: aws.region, among: AWSRegions.names)
                    report("aws.region", .unknownRegion(value: quoted(aws.region), suggestion: suggestion))
                }
            }
        }
        if usable("aws.account_id"), !NameRules.isAccountID(aws.accountID) {
            let digits = aws.accountID.filter { $0 != "-" && $0 != " " }
            let suggestion = NameRules.isAccountID(digits) && digits != aws.accountID ? digits : nil
            report("aws.account_id", .invalidAccountID(value: quoted(aws.accountID), suggestion: suggestion))
        }
        checkAdminRoles()
        guard usable("aws.availability_zones") else { return }
        let zones = aws.availabilityZones
        let maximum = min(6, regionZones?.count ?? 6)
        if !(2...maximum).contains(zones.count) {
            report("aws.availability_zones", .zoneListLength(count: zones.count, maximum: maximum))
        }
        var seen: Set<String> = []
        let byID = zones.first.map(AWSRegions.isZoneID) ?? false
        for (index, zone) in zones.enumerated() {
            let path = "aws.availability_zones[\(index)]"
            if AWSRegions.isZoneID(zone) != byID {
                report(path, .zoneFormsMixed(zone: quoted(zone)))
                unusable.insert("aws.availability_zones")
            } else if byID, let prefix = AWSRegions.zoneIDPrefix(of: aws.region), !zone.hasPrefix(prefix + "-az") {
                report(path, .zoneIDNotInRegion(zone: quoted(zone), region: aws.region, prefix: prefix))
                unusable.insert("aws.availability_zones")
            } else if !byID, let regionZones, !regionZones.contains(zone) {
                report(path, .zoneNotInRegion(zone: quoted(zone), region: aws.region, zones: regionZones))
                unusable.insert("aws.availability_zones")
            } else if !seen.insert(zone).inserted {
                report(path, .zoneRepeated(zone: quoted(zone)))
                unusable.insert("aws.availability_zones")
            }
        }
    }

    mutating func checkDNSAndGitHub() {
        let dns = answers.dns
        if usable("dns.domain"), let reason = NameRules.dnsNameProblem(dns.domain, minimumLabels: 2) {
            let suggestion = NameRules.suggestedDNSName(dns.domain, minimumLabels: 2)
            report(
                "dns.domain",
                .invalidDNSName(value: quoted(dns.domain), what: "domain", reason: reason, suggestion: suggestion))
        }
        if let zone = dns.hostedZoneID, usable("dns.hosted_zone_id"), !NameRules.isHostedZoneID(zone) {
            var candidate = zone.uppercased()
            if candidate.hasPrefix("/HOSTEDZONE/") { candidate.removeFirst("/HOSTEDZONE/".count) }
            let suggestion = NameRules.isHostedZoneID(candidate) ? candidate : nil
            report("dns.hosted_zone_id", .invalidHostedZoneID(value: quoted(zone), suggestion: suggestion))
        }
        let github = answers.github
        if usable("github.repository"), !NameRules.isRepository(github.repository) {
            let suggestion = NameRules.suggestedRepository(github.repository)
            report("github.repository", .invalidRepository(value: quoted(github.repository), suggestion: suggestion))
        }
        if usable("github.default_branch"), let reason = NameRules.branchProblem(github.defaultBranch) {
            report("github.default_branch", .invalidBranch(value: quoted(github.defaultBranch), reason: reason))
        }
    }
}
