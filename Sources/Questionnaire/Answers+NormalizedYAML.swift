public extension Answers {
    /// The fully defaulted questionnaire (`.stamp/answers.yaml`, SPEC §6): keys in the SPEC's
    /// order, every value written out (zones as names, each environment's and instance's
    /// defaults), text quoted wherever YAML could read it as something else. Loading it back
    /// gives answers equal to these.
    func normalizedYAML() -> String {
        var lines = ["version: \(version)", "project:", "  name: \(YAMLText.scalar(project.name))"]
        // Free text is always quoted: any Unicode, quotes, `#` and `: ` stay text.
        lines.append("  organization: \(YAMLText.quoted(project.organization))")
        if let contact = project.contact { lines.append("  contact: \(YAMLText.quoted(contact))") }

        lines += [
            "aws:",
            "  region: \(YAMLText.scalar(aws.region))",
            "  account_id: \(YAMLText.quoted(aws.accountID))",
            "  availability_zones: \(YAMLText.flowList(aws.availabilityZones))",
        ]
        if !aws.adminRoleARNs.isEmpty {
            lines.append("  admin_role_arns:")
            lines += aws.adminRoleARNs.map { "    - \(YAMLText.quoted($0))" }
        }
        lines += [
            "dns:",
            "  domain: \(YAMLText.scalar(dns.domain))",
        ]
        if let zone = dns.hostedZoneID { lines.append("  hosted_zone_id: \(YAMLText.scalar(zone))") }
        lines += [
            "github:",
            "  repository: \(YAMLText.scalar(github.repository))",
            "  default_branch: \(YAMLText.scalar(github.defaultBranch))",
        ]

        lines.append(environments.isEmpty ? "environments: {}" : "environments:")
        for environment in environments {
            lines += [
                "  \(YAMLText.scalar(environment.name)):",
                "    size: \(environment.size.rawValue)",
                "    protected: \(environment.protected)",
                "    availability_zones: \(environment.availabilityZoneCount)",
                "    network_cidr: \(YAMLText.scalar(environment.networkCIDR))",
            ]
        }

        lines.append(instances.isEmpty ? "instances: []" : "instances:")
        for instance in instances {
            lines += [
                "  - name: \(YAMLText.scalar(instance.name))",
                "    lms_host: \(YAMLText.scalar(instance.lmsHost))",
                "    studio_host: \(YAMLText.scalar(instance.studioHost))",
                "    release: \(instance.release.rawValue)",
                "    environments: \(YAMLText.flowList(instance.environments))",
            ]
        }

        lines.append("services:")
        lines += Service.allCases.map { "  \($0.rawValue): \($0.value(in: services))" }

        let presets = SizePreset.allCases.filter { sizes[$0] != nil }
        lines.append(presets.isEmpty ? "sizes: {}" : "sizes:")
        for preset in presets {
            let overrides = sizes[preset] ?? SizeOverrides()
            let written = SizeOverrides.keys.compactMap { key -> String? in
                if let text = overrides[text: key] { return "    \(key): \(YAMLText.scalar(text))" }
                if let number = overrides[number: key] { return "    \(key): \(number)" }
                return nil
            }
            lines.append(written.isEmpty ? "  \(preset.rawValue): {}" : "  \(preset.rawValue):")
            lines += written
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
