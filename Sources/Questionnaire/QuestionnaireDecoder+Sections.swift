/// `environments`, `instances`, `services` and `sizes`.
extension QuestionnaireDecoder {
    static let environmentKeys = ["size", "protected", "availability_zones", "network_cidr"]
    static let instanceKeys = ["name", "lms_host", "studio_host", "release", "environments"]
    static let serviceKeys = Service.allCases.map(\.rawValue)

    mutating func decodeEnvironments(_ node: YAMLNode?, aws: Answers.AWS) -> [Answers.Environment] {
        let path = "environments"
        guard
            let mapping = mapping(node, at: path, hint: "write a mapping by name, e.g. `production: { size: medium }`")
        else { return [] }
        guard !mapping.entries.isEmpty else {
            report(path, at: mapping.location, .noEnvironments)
            return []
        }
        let zoneCount = unusable.isUsable("aws.availability_zones") ? aws.availabilityZones.count : nil
        var environments: [Answers.Environment] = []
        for (index, entry) in mapping.entries.enumerated() {
            let name = entry.key.text
            let envPath = Self.join(path, name)
            record(envPath, key: entry.key.location, value: entry.value)
            var fields: [String: YAMLNode] = [:]
            if let value = entry.value.unlessNull {
                let hint = SizePreset(rawValue: (value.scalarText ?? "")).map {
                    "write `\(name): { size: \($0.rawValue) }`"
                }
                guard let envMapping = self.mapping(value, at: envPath, hint: hint) else {
                    environments.append(
                        Answers.Environment(
                            name: name, size: .small, protected: index == 0, availabilityZoneCount: zoneCount ?? 0,
                            networkCIDR: Self.defaultNetwork(index: index)))
                    continue
                }
                fields = self.fields(of: envMapping, at: envPath, allowed: Self.environmentKeys)
            }
            let size: SizePreset? = oneOf(
                require(fields, "size", in: envPath, example: "size: medium"), at: "\(envPath).size",
                what: "a size preset")
            var protected = index == 0
            if let node = fields["protected"]?.unlessNull {
                protected = bool(node, at: "\(envPath).protected") ?? protected
            } else {
                defaulted.insert("\(envPath).protected")
            }
            var zones = zoneCount ?? 0
            if let node = fields["availability_zones"]?.unlessNull {
                zones = integer(node, at: "\(envPath).availability_zones") ?? zones
            } else {
                defaulted.insert("\(envPath).availability_zones")
                if zoneCount == nil { unusable.insert("\(envPath).availability_zones") }
            }
            var network = Self.defaultNetwork(index: index)
            if let node = fields["network_cidr"]?.unlessNull {
                network = text(node, at: "\(envPath).network_cidr", expected: "a network like `10.1.0.0/16`") ?? network
            } else {
                defaulted.insert("\(envPath).network_cidr")
            }
            environments.append(
                Answers.Environment(
                    name: name, size: size ?? .small, protected: protected, availabilityZoneCount: zones,
                    networkCIDR: network))
        }
        return environments
    }

    /// `10.<index>.0.0/16`, the index being the environment's position (0-based).
    static func defaultNetwork(index: Int) -> String { "10.\(index).0.0/16" }

    mutating func decodeInstances(_ node: YAMLNode?, environments: [Answers.Environment], dns: Answers.DNS) -> [Answers
        .Instance]
    {
        let path = "instances"
        guard let list = list(node, at: path, hint: "write a list, e.g. `- name: main`") else { return [] }
        guard !list.items.isEmpty else {
            report(path, at: list.location, .noInstances)
            return []
        }
        let domainUsable = unusable.isUsable("dns.domain")
        var instances: [Answers.Instance] = []
        for (index, item) in list.items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            record(itemPath, key: nil, value: item)
            guard let mapping = mapping(item, at: itemPath, hint: "write `- name: \(item.scalarText ?? "main")`") else {
                instances.append(
                    Answers.Instance(name: "", lmsHost: "", studioHost: "", release: .verawood, environments: []))
                continue
            }
            let fields = fields(of: mapping, at: itemPath, allowed: Self.instanceKeys)
            let name = text(require(fields, "name", in: itemPath, example: "name: main"), at: "\(itemPath).name")

            var lms = ""
            if let node = fields["lms_host"]?.unlessNull {
                lms = text(node, at: "\(itemPath).lms_host") ?? ""
            } else {
                defaulted.insert("\(itemPath).lms_host")
                if let name, domainUsable {
                    lms = "\(name).\(dns.domain)"
                } else {
                    unusable.insert("\(itemPath).lms_host")
                }
            }
            var studio = ""
            if let node = fields["studio_host"]?.unlessNull {
                studio = text(node, at: "\(itemPath).studio_host") ?? ""
            } else {
                defaulted.insert("\(itemPath).studio_host")
                if unusable.isUsable("\(itemPath).lms_host") {
                    studio = "studio.\(lms)"
                } else {
                    unusable.insert("\(itemPath).studio_host")
                }
            }
            var release = Release.verawood
            if let node = fields["release"]?.unlessNull {
                release = oneOf(node, at: "\(itemPath).release", what: "an Open edX release stamp supports") ?? release
            }
            var names = environments.map(\.name)
            if let node = fields["environments"]?.unlessNull {
                names = decodeEnvironmentList(node, at: "\(itemPath).environments")
            } else {
                defaulted.insert("\(itemPath).environments")
            }
            instances.append(
                Answers.Instance(
                    name: name ?? "", lmsHost: lms, studioHost: studio, release: release, environments: names))
        }
        return instances
    }

    private mutating func decodeEnvironmentList(_ node: YAMLNode, at path: String) -> [String] {
        let hint = node.scalarText.map { "write a list, e.g. `[\($0)]`" }
        guard let list = list(node, at: path, hint: hint) else { return [] }
        var names: [String] = []
        for (index, item) in list.items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            record(itemPath, key: nil, value: item)
            if let name = text(item, at: itemPath, expected: "an environment name") {
                names.append(name)
            } else {
                unusable.insert(path)
            }
        }
        return names
    }

    mutating func decodeServices(_ node: YAMLNode?) -> Answers.Services {
        var services = Answers.Services()
        guard let node = node?.unlessNull, let mapping = mapping(node, at: "services") else { return services }
        let fields = fields(of: mapping, at: "services", allowed: Self.serviceKeys)
        func flag(_ key: String, _ decoder: inout QuestionnaireDecoder) -> Bool? {
            fields[key]?.unlessNull.flatMap { decoder.bool($0, at: "services.\(key)") }
        }
        for service in Service.allCases {
            switch service.values {
            case .onOff:
                services[isOn: service] = flag(service.rawValue, &self) ?? services[isOn: service]
            case .modes:
                guard let node = fields[service.rawValue]?.unlessNull else { continue }
                services.mongodb =
                    oneOf(node, at: "services.\(service.rawValue)", what: "a MongoDB mode") ?? services.mongodb
            }
        }
        return services
    }

    mutating func decodeSizes(_ node: YAMLNode?) -> [SizePreset: SizeOverrides] {
        guard let node = node?.unlessNull,
            let mapping = mapping(node, at: "sizes", hint: "e.g. `sizes: { large: { eks_node_type: m7i.xlarge } }`")
        else { return [:] }
        let fields = fields(of: mapping, at: "sizes", allowed: SizePreset.allCases.map(\.rawValue), what: "size preset")
        var sizes: [SizePreset: SizeOverrides] = [:]
        for preset in SizePreset.allCases {
            guard let value = fields[preset.rawValue] else { continue }
            let presetPath = "sizes.\(preset.rawValue)"
            var overrides = SizeOverrides()
            if let value = value.unlessNull {
                guard
                    let presetMapping = self.mapping(
                        value, at: presetPath, hint: "e.g. `\(preset.rawValue): { eks_max_nodes: 12 }`")
                else { continue }
                let presetFields = self.fields(of: presetMapping, at: presetPath, allowed: SizeOverrides.keys)
                for key in SizeOverrides.keys {
                    guard let node = presetFields[key] else { continue }
                    let keyPath = "\(presetPath).\(key)"
                    if SizeOverrides.typeKeys.contains(key) {
                        overrides[text: key] = text(node, at: keyPath, expected: "an instance type")
                    } else {
                        overrides[number: key] = integer(node, at: keyPath)
                    }
                }
            }
            sizes[preset] = overrides
        }
        return sizes
    }
}

extension YAMLNode {
    /// The text of a non-null scalar.
    var scalarText: String? {
        if case .scalar(let scalar) = self, !scalar.isNull { return scalar.text }
        return nil
    }
}

extension Set where Element == String {
    /// Whether neither `path` nor any of its ancestors (`instances[0]`, `instances`) is in the set.
    func isUsable(_ path: String) -> Bool {
        var candidate = Substring(path)
        while true {
            if contains(String(candidate)) { return false }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { return true }
            candidate = candidate[..<cut]
        }
    }
}
