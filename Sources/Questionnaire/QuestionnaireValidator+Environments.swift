/// `environments` (names, zones, networks) and `instances` (names, hosts, environment lists).
extension ValidationRun {
    /// The smallest and largest VPC the network plan (SPEC §4) lays subnets out in.
    static let networkPrefixes = 16...20

    mutating func checkEnvironments() {
        let zoneMaximum = usable("aws.availability_zones") ? answers.aws.availabilityZones.count : 6
        var networks: [(index: Int, network: IPv4CIDR)] = []
        for (index, environment) in answers.environments.enumerated() {
            let path = "environments.\(environment.name)"
            if !NameRules.isEnvironmentName(environment.name) {
                let suggestion = NameRules.suggestedSlug(
                    environment.name, maxLength: 10, hyphens: false, isValid: NameRules.isEnvironmentName)
                let location = sourceMap.keys[path] ?? sourceMap.location(of: path)
                diagnostics.append(
                    Diagnostic(
                        file: file, location: location, keyPath: path,
                        problem: .invalidEnvironmentName(name: quoted(environment.name), suggestion: suggestion)))
                invalidEnvironmentNames.insert(environment.name)
            } else if NameRules.reservedEnvironmentNames.contains(environment.name) {
                diagnostics.append(
                    Diagnostic(
                        file: file, location: sourceMap.keys[path] ?? sourceMap.location(of: path), keyPath: path,
                        problem: .reservedEnvironmentName(name: quoted(environment.name))))
                invalidEnvironmentNames.insert(environment.name)
            }
            // A value of the wrong type (`production: medium`) left only placeholders to check.
            guard usable(path) else { continue }
            let zonesPath = "\(path).availability_zones"
            if usable(zonesPath), !defaulted.contains(zonesPath),
                !(2...max(2, zoneMaximum)).contains(environment.availabilityZoneCount)
            {
                report(zonesPath, .environmentZoneCount(count: environment.availabilityZoneCount, maximum: zoneMaximum))
            }
            let networkPath = "\(path).network_cidr"
            if usable(networkPath), let network = checkNetwork(environment.networkCIDR, at: networkPath) {
                networks.append((index, network))
            }
        }
        checkOverlaps(networks)
    }

    /// The network, or nil after reporting why it is not usable.
    private mutating func checkNetwork(_ text: String, at path: String) -> IPv4CIDR? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv4CIDR("\(parts[0])/32"),
            let prefix = Int(parts[1]), parts[1].allSatisfy(\.isASCIIDigit), (0...32).contains(prefix),
            parts[1] == "0" || !parts[1].hasPrefix("0")
        else {
            report(path, .invalidCIDR(value: quoted(text)))
            return nil
        }
        guard let network = IPv4CIDR(text) else {
            let network = IPv4CIDR(network: address.network, prefixLength: prefix)
            report(path, .cidrHostBitsSet(value: quoted(text), network: network.description))
            return nil
        }
        guard Self.networkPrefixes.contains(prefix) else {
            report(path, .cidrPrefixLength(value: quoted(text), prefix: prefix))
            return nil
        }
        guard network.isPrivate else {
            report(path, .cidrNotPrivate(value: quoted(text)))
            return nil
        }
        return network
    }

    /// Reported at a written network rather than a default: the user can only change what they wrote.
    private mutating func checkOverlaps(_ networks: [(index: Int, network: IPv4CIDR)]) {
        let used = networks.map(\.network)
        let free = (0...255).lazy.compactMap { IPv4CIDR("10.\($0).0.0/16") }.first { candidate in
            !used.contains { $0.overlaps(candidate) }
        }
        for (position, later) in networks.enumerated() {
            for earlier in networks[..<position] where earlier.network.overlaps(later.network) {
                let laterEnvironment = answers.environments[later.index].name
                let earlierEnvironment = answers.environments[earlier.index].name
                let laterPath = "environments.\(laterEnvironment).network_cidr"
                let earlierPath = "environments.\(earlierEnvironment).network_cidr"
                let (path, value, other, otherName, otherPath) =
                    defaulted.contains(laterPath)
                    ? (earlierPath, earlier.network, later.network, laterEnvironment, laterPath)
                    : (laterPath, later.network, earlier.network, earlierEnvironment, earlierPath)
                report(
                    path,
                    .cidrOverlap(
                        value: quoted(value.description), environment: otherName, other: quoted(other.description),
                        otherDefaulted: defaulted.contains(otherPath), free: free?.description))
            }
        }
    }

    mutating func checkInstances() {
        let declared = answers.environments.map(\.name)
        var firstLines: [String: Int?] = [:]
        for (index, instance) in answers.instances.enumerated() {
            let path = "instances[\(index)]"
            guard usable(path) else { continue }
            let namePath = "\(path).name"
            if usable(namePath) {
                if !NameRules.isInstanceName(instance.name) {
                    let suggestion = NameRules.suggestedSlug(
                        instance.name, maxLength: 12, hyphens: true, isValid: NameRules.isInstanceName)
                    report(namePath, .invalidInstanceName(name: quoted(instance.name), suggestion: suggestion))
                } else if let firstLine = firstLines[instance.name] {
                    report(namePath, .duplicateInstanceName(name: quoted(instance.name), firstLine: firstLine))
                } else {
                    firstLines[instance.name] = line(of: namePath)
                }
            }
            checkHost(instance.lmsHost, at: "\(path).lms_host", instancePath: path)
            checkHost(instance.studioHost, at: "\(path).studio_host", instancePath: path)

            let environmentsPath = "\(path).environments"
            // With `environments` itself unusable, every name would look undeclared.
            guard usable(environmentsPath), usable("environments"), !defaulted.contains(environmentsPath) else {
                continue
            }
            if instance.environments.isEmpty {
                report(environmentsPath, .noInstanceEnvironments)
            }
            var seen: Set<String> = []
            for (position, name) in instance.environments.enumerated() {
                let itemPath = "\(environmentsPath)[\(position)]"
                if !declared.contains(name) {
                    report(itemPath, .unknownEnvironment(name: quoted(name), declared: declared))
                } else if !seen.insert(name).inserted {
                    report(itemPath, .repeatedEnvironment(name: quoted(name)))
                }
            }
        }
        checkEveryEnvironmentRunsAnInstance()
    }

    /// The shared Redis has sixteen databases and every instance takes two (Celery, cache).
    static let maximumInstancesPerEnvironment = 8

    /// An environment without instances would get a load balancer with no certificate to
    /// serve; one with more than eight would run out of Redis databases.
    private mutating func checkEveryEnvironmentRunsAnInstance() {
        guard usable("environments"), usable("instances"), !answers.instances.isEmpty else { return }
        let indexes = answers.instances.indices
        // An instance whose list could not be read might name any environment: stay quiet then.
        guard indexes.allSatisfy({ usable("instances[\($0)]") && usable("instances[\($0)].environments") }) else {
            return
        }
        // A misspelt environment name in some instance is already reported, and is most likely
        // the environment that looks unused: one report is enough.
        let declared = Set(answers.environments.map(\.name))
        guard answers.instances.allSatisfy({ $0.environments.allSatisfy(declared.contains) }) else { return }
        for environment in answers.environments where !invalidEnvironmentNames.contains(environment.name) {
            let running = answers.instances.filter { $0.environments.contains(environment.name) }.count
            if running > Self.maximumInstancesPerEnvironment {
                let path = "environments.\(environment.name)"
                diagnostics.append(
                    Diagnostic(
                        file: file, location: sourceMap.keys[path] ?? sourceMap.location(of: path), keyPath: path,
                        problem: .tooManyInstances(
                            name: quoted(environment.name), count: running, maximum: Self.maximumInstancesPerEnvironment
                        )))
            }
            if running == 0 {
                let path = "environments.\(environment.name)"
                diagnostics.append(
                    Diagnostic(
                        file: file, location: sourceMap.keys[path] ?? sourceMap.location(of: path), keyPath: path,
                        problem: .environmentWithoutInstances(name: quoted(environment.name))))
            }
        }
    }

    /// A written host must be a lowercase DNS name ending with `dns.domain`; a defaulted one is
    /// only checked when what it was made of (the instance name, the LMS host) is valid.
    private mutating func checkHost(_ host: String, at path: String, instancePath: String) {
        guard usable(path) else { return }
        if defaulted.contains(path) {
            let source = path.hasSuffix("studio_host") ? "\(instancePath).lms_host" : "\(instancePath).name"
            guard usable(source), usable("dns.domain") else {
                unusable.insert(path)
                return
            }
        }
        if let reason = NameRules.dnsNameProblem(host, minimumLabels: 1) {
            let suggestion = NameRules.suggestedDNSName(host, minimumLabels: 1)
            report(path, .invalidDNSName(value: quoted(host), what: "host", reason: reason, suggestion: suggestion))
            return
        }
        let domain = answers.dns.domain
        guard usable("dns.domain") else { return }
        if host != domain, !host.hasSuffix(".\(domain)") {
            report(path, .hostOutsideDomain(host: quoted(host), domain: domain))
        }
    }
}

/// `aws.admin_role_arns` (SPEC §2): IAM roles of the account, each once.
extension ValidationRun {
    mutating func checkAdminRoles() {
        var seen: Set<String> = []
        for (index, arn) in answers.aws.adminRoleARNs.enumerated() {
            let path = "aws.admin_role_arns[\(index)]"
            guard usable(path) else { continue }
            // `arn:aws:iam::<account>:role/<path/><name>`, as IAM prints a role's ARN.
            let roleARN = /^arn:aws:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64})$/
            guard let match = arn.wholeMatch(of: roleARN) else {
                report(path, .invalidRoleARN(value: quoted(arn)))
                continue
            }
            let account = String(match.1)
            if usable("aws.account_id"), NameRules.isAccountID(answers.aws.accountID), account != answers.aws.accountID
            {
                report(path, .foreignRoleARN(value: quoted(arn), account: account, expected: answers.aws.accountID))
            } else if !seen.insert(arn).inserted {
                report(path, .roleRepeated(value: quoted(arn)))
            }
        }
    }
}
