/// `sizes` overrides (SPEC §2, §3): instance type shapes, count ranges, EKS min <= desired <=
/// max, and "no single point of failure" for `medium` and larger. Every preset that has
/// overrides is checked, used by an environment or not, so a questionnaire never holds a
/// preset that would break the moment an environment switches to it.
extension ValidationRun {
    /// The allowed values of a count as text, when `value` is not one of them. MongoDB members
    /// are odd (a replica set needs a voting majority) and at most 7 (MongoDB's voting-member
    /// limit); OpenSearch dedicated masters are 0 or 3 (AWS's recommendation, the HA presets' quorum).
    static func countProblem(_ key: String, _ value: Int) -> String? {
        let (allowed, text): (Bool, String) =
            switch key {
            case "eks_min_nodes", "eks_desired_nodes": ((0...450).contains(value), "0 to 450")
            case "eks_max_nodes": ((1...450).contains(value), "1 to 450")
            case "aurora_readers": ((0...15).contains(value), "0 to 15")
            case "redis_replicas": ((0...5).contains(value), "0 to 5")
            case "opensearch_data_nodes": ((1...80).contains(value), "1 to 80")
            case "opensearch_master_nodes": (value == 0 || value == 3, "0 or 3")
            case "mongodb_members": ([1, 3, 5, 7].contains(value), "1, 3, 5 or 7")
            case "mongodb_volume_gib": ((10...16384).contains(value), "10 to 16384")
            default: (true, "")
            }
        return allowed ? nil : text
    }

    mutating func checkSizes() {
        for preset in SizePreset.allCases {
            guard let overrides = answers.sizes[preset] else { continue }
            let path = "sizes.\(preset.rawValue)"
            guard usable(path) else { continue }
            for key in SizeOverrides.keys where usable("\(path).\(key)") {
                if let value = overrides[text: key] {
                    checkInstanceType(value, key: key, at: "\(path).\(key)")
                } else if let value = overrides[number: key], let allowed = Self.countProblem(key, value) {
                    report("\(path).\(key)", .countOutOfRange(value: value, allowed: allowed))
                }
            }
            let size = answers.size(of: preset)
            checkNodeOrder(size, overrides: overrides, preset: preset)
            if preset.isHighlyAvailable { checkHighAvailability(size, overrides: overrides, preset: preset) }
        }
    }

    private mutating func checkInstanceType(_ value: String, key: String, at path: String) {
        let ec2 = Self.isEC2Type(value)
        let (valid, form, suggestion): (Bool, String, String?) =
            switch key {
            case "aurora_instance_class":
                (
                    value.hasPrefix("db.") && Self.isEC2Type(String(value.dropFirst(3))),
                    "an Aurora instance class (`db.<family>.<size>`, e.g. `db.r6g.large`)", ec2 ? "db.\(value)" : nil
                )
            case "redis_node_type":
                (
                    value.hasPrefix("cache.") && Self.isEC2Type(String(value.dropFirst(6))),
                    "an ElastiCache node type (`cache.<family>.<size>`, e.g. `cache.m6g.large`)",
                    ec2 ? "cache.\(value)" : nil
                )
            case "opensearch_instance_type", "opensearch_master_type":
                (
                    value.hasSuffix(".search") && Self.isEC2Type(String(value.dropLast(7))),
                    "an OpenSearch instance type (`<family>.<size>.search`, e.g. `m6g.large.search`)",
                    ec2 ? "\(value).search" : nil
                )
            default:
                (ec2, "an EC2 instance type (`<family>.<size>`, e.g. `m6i.large`)", Self.ec2Suggestion(value))
            }
        if !valid {
            report(path, .invalidInstanceType(value: quoted(value), form: form, suggestion: suggestion))
        }
    }

    /// `<family>.<size>`: `^[a-z][a-z0-9-]*\.[a-z0-9]+$`, not a `db.`/`cache.` class.
    static func isEC2Type(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = parts[0].unicodeScalars.first, ("a"..."z").contains(first),
            parts[0] != "db", parts[0] != "cache", !parts[1].isEmpty
        else { return false }
        let lowerAlnum: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        return parts[0].unicodeScalars.allSatisfy { lowerAlnum($0) || $0 == "-" }
            && parts[1].unicodeScalars.allSatisfy(lowerAlnum)
    }

    /// `db.r6g.large` -> `r6g.large` and the like, for an EC2 type written in another service's form.
    private static func ec2Suggestion(_ value: String) -> String? {
        var candidate = value.lowercased()
        for prefix in ["db.", "cache."] where candidate.hasPrefix(prefix) { candidate.removeFirst(prefix.count) }
        if candidate.hasSuffix(".search") { candidate.removeLast(7) }
        return candidate != value && isEC2Type(candidate) ? candidate : nil
    }

    /// min <= desired <= max after the overrides, reported at an overridden key among the two.
    private mutating func checkNodeOrder(_ size: EnvironmentSize, overrides: SizeOverrides, preset: SizePreset) {
        let path = "sizes.\(preset.rawValue)"
        let keys = ["eks_min_nodes", "eks_desired_nodes", "eks_max_nodes"]
        guard keys.allSatisfy({ usable("\(path).\($0)") }) else { return }
        let values = [size.eksMinNodes, size.eksDesiredNodes, size.eksMaxNodes]
        for (lower, upper) in [(0, 1), (1, 2)] where values[lower] > values[upper] {
            let blamed = overrides[number: keys[upper]] != nil ? keys[upper] : keys[lower]
            report(
                "\(path).\(blamed)",
                .eksNodeOrder(
                    preset: preset.rawValue, lowerKey: keys[lower], lower: values[lower], upperKey: keys[upper],
                    upper: values[upper]))
            return
        }
    }

    /// SPEC §2: medium and larger have no single point of failure. The presets themselves
    /// comply, so a breach is always an override, reported where it was written.
    private mutating func checkHighAvailability(_ size: EnvironmentSize, overrides: SizeOverrides, preset: SizePreset) {
        var rules: [(key: String, value: Int, holds: Bool, requirement: String)] = [
            ("eks_min_nodes", size.eksMinNodes, size.eksMinNodes >= 2, "at least 2"),
            ("aurora_readers", size.auroraReaders, size.auroraReaders >= 1, "at least 1"),
            ("redis_replicas", size.redisReplicas, size.redisReplicas >= 1, "at least 1"),
        ]
        if answers.services.opensearch {
            rules.append(
                ("opensearch_data_nodes", size.opensearchDataNodes, size.opensearchDataNodes >= 2, "at least 2"))
            rules.append(("opensearch_master_nodes", size.opensearchMasterNodes, size.opensearchMasterNodes == 3, "3"))
        }
        if answers.services.mongodb == .replicaSet {
            rules.append(("mongodb_members", size.mongodbMembers, size.mongodbMembers >= 3, "at least 3"))
        }
        for rule in rules where !rule.holds && overrides[number: rule.key] != nil {
            let path = "sizes.\(preset.rawValue).\(rule.key)"
            guard usable(path) else { continue }
            report(
                path,
                .highAvailability(
                    preset: preset.rawValue, key: rule.key, value: rule.value, requirement: rule.requirement))
        }
    }
}
