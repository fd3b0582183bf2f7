/// Every kind of problem a questionnaire can have, as sentences: `message` quotes the offending
/// value and says what is allowed, `hint` says what to do (QuestionnaireProblem+Hints.swift).
/// Values arrive already quoted for the message (`` `huge` ``, `` `"true"` ``).
enum QuestionnaireProblem: Sendable, Equatable, CustomStringConvertible {
    // The document
    case fileTooLarge(bytes: Int, limit: Int)
    case notUTF8
    case invalidYAML(problem: String, context: String?, tab: Bool = false)
    case emptyDocument
    case rootNotMapping(found: String)
    case multipleDocuments
    case duplicateKey(key: String, first: SourceLocation?, sameLine: Bool)
    case complexKey
    case tooManyValues(limit: Int)
    case nestedTooDeep(limit: Int)

    // Shape and types
    case unknownKey(key: String, what: String, allowed: [String])
    case missingKey(key: String, example: String)
    case wrongType(expected: String, found: String, hint: String?)
    case notOneOf(value: String, what: String, allowed: [String])

    // project, aws, dns, github
    case unsupportedVersion(found: String)
    case invalidProjectName(name: String, suggestion: String?)
    case emptyOrganization
    case organizationHasControlCharacters(found: String)
    case organizationTooLong(length: Int, limit: Int)
    case invalidEmail(value: String)
    case unknownRegion(value: String, suggestion: String?)
    case otherPartitionRegion(value: String, partition: String)
    case invalidAccountID(value: String, suggestion: String?)
    case zoneCountOutOfRange(count: Int, maximum: Int, region: String?)
    case zoneListLength(count: Int, maximum: Int)
    case zoneNotInRegion(zone: String, region: String, zones: [String])
    case zoneRepeated(zone: String)
    case zoneFormsMixed(zone: String)
    case zoneIDNotInRegion(zone: String, region: String, prefix: String)
    case invalidRoleARN(value: String)
    case foreignRoleARN(value: String, account: String, expected: String)
    case roleRepeated(value: String)
    case invalidDNSName(value: String, what: String, reason: String, suggestion: String?)
    case invalidHostedZoneID(value: String, suggestion: String?)
    case invalidRepository(value: String, suggestion: String?)
    case invalidBranch(value: String, reason: String)

    // environments
    case noEnvironments
    case invalidEnvironmentName(name: String, suggestion: String?)
    case reservedEnvironmentName(name: String)
    case environmentZoneCount(count: Int, maximum: Int)
    case invalidCIDR(value: String)
    case cidrHostBitsSet(value: String, network: String)
    case cidrPrefixLength(value: String, prefix: Int)
    case cidrNotPrivate(value: String)
    case cidrOverlap(value: String, environment: String, other: String, otherDefaulted: Bool, free: String?)

    // instances and hosts
    case noInstances
    case invalidInstanceName(name: String, suggestion: String?)
    case duplicateInstanceName(name: String, firstLine: Int?)
    case hostOutsideDomain(host: String, domain: String)
    case unknownEnvironment(name: String, declared: [String])
    case repeatedEnvironment(name: String)
    case noInstanceEnvironments
    case environmentWithoutInstances(name: String)
    case tooManyInstances(name: String, count: Int, maximum: Int)
    case duplicateHost(host: String, role: String, environment: String, other: HostUse)
    case hostLabelTooLong(host: String, role: String, environment: String, length: Int)
    case hostTooLong(host: String, role: String, environment: String, length: Int)
    case certificateNameTooLong(host: String, role: String, environment: String, length: Int)

    // sizes
    case invalidInstanceType(value: String, form: String, suggestion: String?)
    case countOutOfRange(value: Int, allowed: String)
    case eksNodeOrder(preset: String, lowerKey: String, lower: Int, upperKey: String, upper: Int)
    case highAvailability(preset: String, key: String, value: Int, requirement: String)

    /// Where a host is already used, for `duplicateHost`.
    struct HostUse: Sendable, Equatable {
        var role: String
        var instance: String
        var environment: String
        var keyPath: String
        var line: Int?
    }

    var description: String { message + (hint.map { " (\($0))" } ?? "") }

    /// `2 to 6`, or `only 2` when there is no choice.
    static func range(_ lower: Int, _ upper: Int) -> String {
        lower >= upper ? "only \(upper)" : "\(lower) to \(upper)"
    }

    var message: String {
        switch self {
        case .fileTooLarge(let bytes, let limit):
            "the file is \(bytes) bytes; a questionnaire may be at most 1 MiB (\(limit) bytes)"
        case .notUTF8:
            "the file is not UTF-8 text: the bytes here are not a valid UTF-8 sequence"
        case .invalidYAML(let problem, let context, _):
            "invalid YAML: \(problem)" + (context.map { " (\($0))" } ?? "")
        case .emptyDocument:
            "the questionnaire is empty"
        case .rootNotMapping(let found):
            "the questionnaire must be a mapping of keys (`version`, `project`, ...), found \(found)"
        case .multipleDocuments:
            "a second YAML document starts here; a questionnaire is a single document"
        case .duplicateKey(let key, let first, let sameLine):
            "`\(key)` is written twice in the same mapping"
                + (first.map { sameLine ? " (first at column \($0.column))" : " (first on line \($0.line))" } ?? "")
        case .complexKey:
            "a key must be a plain name, not an alias, a list or a mapping"
        case .tooManyValues(let limit):
            "the document expands to more than \(limit) values (an alias expansion bomb?)"
        case .nestedTooDeep(let limit):
            "values are nested more than \(limit) levels deep"
        case .unknownKey(let key, let what, _):
            "unknown \(what) `\(key.escapedForMessage)`"
        case .missingKey(let key, _):
            "missing required key `\(key)`"
        case .wrongType(let expected, let found, _):
            "expected \(expected), found \(found)"
        case .notOneOf(let value, let what, let allowed):
            "\(value) is not \(what); allowed: \(allowed.joined(separator: ", "))"
        case .unsupportedVersion(let found):
            "version \(found) is not supported; this stamp reads version 1"
        case .invalidProjectName(let name, _):
            "\(name) is not a valid project name: 3-16 characters, lowercase letters, digits and single hyphens, "
                + "starting with a letter and ending with a letter or digit"
        case .emptyOrganization:
            "the organization is empty"
        case .organizationHasControlCharacters(let found):
            "\(found) contains a line break or another control character; the organization is one line of text"
        case .organizationTooLong(let length, let limit):
            "the organization is \(length) characters; at most \(limit) fit in an AWS tag value"
        case .invalidEmail(let value):
            "\(value) is not an e-mail address"
        case .unknownRegion(let value, _):
            "\(value) is not a commercial AWS region that stamp knows"
        case .otherPartitionRegion(let value, let partition):
            "\(value) is an AWS \(partition) region"
        case .invalidAccountID(let value, _):
            "\(value) is not an AWS account id: exactly 12 digits"
        case .zoneCountOutOfRange(let count, let maximum, let region):
            "`\(count)` is not an allowed number of availability zones: \(Self.range(2, maximum))"
                + (region.map { maximum < 6 ? " (\($0) has \(maximum))" : "" } ?? "")
        case .zoneListLength(let count, let maximum):
            "\(count) availability zone\(count == 1 ? " is" : "s are") listed; allowed: \(Self.range(2, maximum))"
        case .zoneNotInRegion(let zone, let region, let zones):
            "\(zone) is not a zone of \(region); its zones: \(zones.joined(separator: ", "))"
        case .zoneRepeated(let zone):
            "\(zone) is listed twice"
        case .zoneFormsMixed(let zone):
            "\(zone) mixes zone names and zone IDs in one list"
        case .zoneIDNotInRegion(let zone, let region, let prefix):
            "\(zone) is not a zone ID of \(region) (its zone IDs start with `\(prefix)-az`)"
        case .invalidRoleARN(let value):
            "\(value) is not the ARN of an IAM role"
        case .foreignRoleARN(let value, let account, let expected):
            "\(value) is a role of account \(account), not of aws.account_id \(expected)"
        case .roleRepeated(let value):
            "\(value) is listed twice"
        case .invalidDNSName(let value, let what, let reason, _):
            "\(value) is not a valid \(what): \(reason)"
        case .invalidHostedZoneID(let value, _):
            "\(value) is not a Route 53 hosted zone id: `Z` followed by up to 31 uppercase letters and digits"
        case .invalidRepository(let value, _):
            "\(value) is not a GitHub repository: write `OWNER/NAME` (letters, digits, `-`; the name may also use `.` and `_`)"
        case .invalidBranch(let value, let reason):
            "\(value) is not a valid git branch name: \(reason)"
        case .noEnvironments:
            "at least one environment is required"
        case .invalidEnvironmentName(let name, _):
            "\(name) is not a valid environment name: 2-10 characters, lowercase letters and digits, starting with a letter"
        case .reservedEnvironmentName(let name):
            "\(name) is reserved: the generated workflows apply terraform/global in a GitHub environment of that name"
        case .environmentZoneCount(let count, let maximum):
            "`\(count)` is not an allowed number of availability zones: \(Self.range(2, maximum)) (`aws.availability_zones` is \(maximum))"
        case .invalidCIDR(let value):
            "\(value) is not an IPv4 network in CIDR notation (`a.b.c.d/prefix`)"
        case .cidrHostBitsSet(let value, let network):
            "\(value) has host bits set: the network is \(network)"
        case .cidrPrefixLength(let value, let prefix):
            "\(value) is a /\(prefix) network; allowed: /16 to /20"
        case .cidrNotPrivate(let value):
            "\(value) is not inside a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)"
        case .cidrOverlap(let value, let environment, let other, let otherDefaulted, _):
            "\(value) overlaps the network of environment `\(environment)`, \(other)"
                + (otherDefaulted ? " (its default)" : "")
        case .noInstances:
            "at least one instance is required"
        case .invalidInstanceName(let name, _):
            "\(name) is not a valid instance name: 2-12 characters, lowercase letters, digits and single hyphens, "
                + "starting with a letter and ending with a letter or digit"
        case .duplicateInstanceName(let name, let firstLine):
            "instance \(name) is already declared" + (firstLine.map { " on line \($0)" } ?? "")
        case .hostOutsideDomain(let host, let domain):
            "\(host) does not end with the domain `\(domain)`"
        case .unknownEnvironment(let name, let declared):
            "\(name) is not a declared environment; declared: \(declared.joined(separator: ", "))"
        case .repeatedEnvironment(let name):
            "\(name) is listed twice"
        case .noInstanceEnvironments:
            "the list of environments is empty"
        case .environmentWithoutInstances(let name):
            "no instance runs in environment \(name)"
        case .tooManyInstances(let name, let count, let maximum):
            "\(count) instances run in environment \(name); at most \(maximum) can share its Redis (16 databases, two per instance)"
        case .duplicateHost(let host, let role, let environment, let other):
            "the \(role) host in environment `\(environment)`, `\(host)`, is already the \(other.role) host of instance "
                + "`\(other.instance)` in environment `\(other.environment)` (\(other.keyPath)"
                + (other.line.map { ", line \($0))" } ?? ")")
        case .hostLabelTooLong(let host, let role, let environment, let length):
            "the \(role) host in environment `\(environment)`, `\(host)`, has a label of \(length) characters; DNS allows 63"
        case .hostTooLong(let host, let role, let environment, let length):
            "the \(role) host in environment `\(environment)`, `\(host)`, is \(length) characters; DNS allows 253"
        case .certificateNameTooLong(let host, let role, let environment, let length):
            "the \(role) host in environment `\(environment)`, `\(host)`, is \(length) characters; "
                + "ACM allows 64 for a certificate's first name"
                + (role == "CDN" ? " (CloudFront's certificate is for cdn.<lms_host>)" : "")
        case .invalidInstanceType(let value, let form, _):
            "\(value) is not \(form)"
        case .countOutOfRange(let value, let allowed):
            "`\(value)` is out of range; allowed: \(allowed)"
        case .eksNodeOrder(let preset, let lowerKey, let lower, let upperKey, let upper):
            "`\(preset)` would have \(lowerKey) \(lower) greater than \(upperKey) \(upper)"
        case .highAvailability(let preset, let key, let value, let requirement):
            "`\(preset)` has no single point of failure: \(key) must be \(requirement), found \(value)"
        }
    }
}

extension Diagnostic {
    init(file: String, location: SourceLocation?, keyPath: String, problem: QuestionnaireProblem) {
        self.init(file: file, location: location, keyPath: keyPath, message: problem.message, hint: problem.hint)
    }
}
