extension QuestionnaireProblem {
    /// What to do about it, printed in parentheses after the message.
    var hint: String? {
        switch self {
        case .fileTooLarge:
            "is this the right file?"
        case .notUTF8:
            "save the file as UTF-8"
        case .invalidYAML(let problem, _, let tab):
            if tab {
                "YAML indents with spaces, not tabs"
            } else if problem == "found undefined alias" {
                "an alias (`*name`) must come after its anchor (`&name`)"
            } else if problem.hasPrefix("control characters") {
                "remove the control character"
            } else {
                "check the indentation and quoting near here"
            }
        case .emptyDocument, .rootNotMapping:
            "run `stamp init` to write a documented questionnaire"
        case .multipleDocuments:
            "remove the second document or merge it into the first"
        case .duplicateKey:
            "keep one of them"
        case .complexKey:
            "write the key out as text"
        case .tooManyValues:
            "write the values out instead of nesting aliases"
        case .nestedTooDeep:
            nil
        case .unknownKey(let key, _, let allowed):
            key == "<<"
                ? "merge keys (`<<`) are not supported; write the values out"
                : DidYouMean.hint(for: key, among: allowed)
        case .missingKey(_, let example):
            "e.g. `\(example)`"
        case .wrongType(_, _, let hint):
            hint
        case .notOneOf(let value, _, let allowed):
            DidYouMean.suggestion(for: Self.unquoted(value), among: allowed).map { "did you mean `\($0)`?" }
        case .unsupportedVersion:
            "write `version: 1`"
        case .invalidProjectName(_, let suggestion):
            suggestion.map { "did you mean `\($0)`?" } ?? "it starts every AWS name, so it must be short, e.g. `acme`"
        case .emptyOrganization, .organizationHasControlCharacters, .organizationTooLong:
            "e.g. `organization: Acme University`"
        case .invalidEmail:
            "e.g. `platform@example.edu`, or remove the key"
        case .unknownRegion(_, let suggestion):
            suggestion.map { "did you mean `\($0)`?" } ?? "the README lists the supported regions"
        case .otherPartitionRegion:
            "stamp supports commercial AWS regions only"
        case .invalidAccountID(_, let suggestion):
            suggestion.map { "did you mean `\($0)`?" }
                ?? "write the 12 digits with their leading zeros, e.g. `\"012345678901\"`"
        case .zoneCountOutOfRange, .zoneListLength:
            "write a count, e.g. `3`, or a list of the region's zone names"
        case .zoneNotInRegion(let zone, _, let zones):
            DidYouMean.suggestion(for: Self.unquoted(zone), among: zones).map { "did you mean `\($0)`?" }
        case .zoneRepeated:
            "list each zone once"
        case .zoneFormsMixed:
            "list names only (`us-east-1a`) or zone IDs only (`use1-az1`)"
        case .zoneIDNotInRegion:
            "`aws ec2 describe-availability-zones --query 'AvailabilityZones[].ZoneId'` lists the region's zone IDs"
        case .invalidRoleARN:
            "write the role's ARN as IAM shows it, e.g. `arn:aws:iam::123456789012:role/Admin`"
        case .foreignRoleARN:
            "list roles of aws.account_id: people of another account assume one of them"
        case .roleRepeated:
            "list each role once"
        case .invalidDNSName(_, _, _, let suggestion):
            suggestion.map { "did you mean `\($0)`?" }
        case .invalidHostedZoneID(_, let suggestion):
            suggestion.map { "did you mean `\($0)`?" } ?? "remove the key to let terraform/global create the zone"
        case .invalidRepository(_, let suggestion):
            suggestion.map { "did you mean `\($0)`?" } ?? "e.g. `acme/acme-openedx-infra`"
        case .invalidBranch:
            "e.g. `main`"
        case .noEnvironments:
            "e.g. `production: { size: medium }`"
        case .invalidEnvironmentName(_, let suggestion):
            suggestion.map { "did you mean `\($0)`?" }
                ?? "it becomes a DNS label and part of every AWS name, e.g. `staging`"
        case .reservedEnvironmentName:
            "choose another name, e.g. `shared` or `platform`"
        case .environmentZoneCount:
            "use fewer zones, or more in `aws.availability_zones`"
        case .invalidCIDR, .cidrNotPrivate:
            "e.g. `10.1.0.0/16`"
        case .cidrHostBitsSet(_, let network):
            "did you mean `\(network)`?"
        case .cidrPrefixLength:
            "a /20 is the smallest network that fits every subnet; a /16 leaves the most room"
        case .cidrOverlap(_, _, _, _, let free):
            free.map { "each environment needs its own network, e.g. `\($0)`" }
                ?? "each environment needs its own network"
        case .noInstances:
            "e.g. `- name: main`"
        case .invalidInstanceName(_, let suggestion):
            suggestion.map { "did you mean `\($0)`?" } ?? "it is part of hosts and AWS names, e.g. `main`"
        case .duplicateInstanceName:
            "give each instance its own name"
        case .hostOutsideDomain(_, let domain):
            "every host ends with `dns.domain`, e.g. `courses.\(domain)`"
        case .unknownEnvironment(let name, let declared):
            DidYouMean.suggestion(for: Self.unquoted(name), among: declared).map { "did you mean `\($0)`?" }
                ?? "declare it under `environments`"
        case .repeatedEnvironment:
            "list each environment once"
        case .tooManyInstances:
            "run some instances in another environment, or split the project"
        case .environmentWithoutInstances:
            "add it to an instance's `environments`, or remove the environment"
        case .noInstanceEnvironments:
            "remove the key to run the instance in every environment"
        case .duplicateHost:
            "every host must be unique across instances and environments"
        case .hostLabelTooLong, .hostTooLong, .certificateNameTooLong:
            "shorten `lms_host` or `dns.domain`"
        case .invalidInstanceType(_, _, let suggestion):
            suggestion.map { "did you mean `\($0)`?" }
        case .countOutOfRange:
            nil
        case .eksNodeOrder:
            "keep eks_min_nodes <= eks_desired_nodes <= eks_max_nodes"
        case .highAvailability:
            "use `small` for an environment that may have single points of failure"
        }
    }

    /// `` `huge` `` -> `huge`, for did-you-mean on values that arrive quoted for the message.
    static func unquoted(_ value: String) -> String {
        var text = Substring(value)
        if text.hasPrefix("`"), text.hasSuffix("`"), text.count >= 2 { text = text.dropFirst().dropLast() }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        return String(text)
    }
}
