/// The host rules across instances and environments (SPEC §2, §5): every host unique, every
/// label <= 63 and host <= 253 characters, and every certificate's first name (the LMS host,
/// and `cdn.<lms_host>` when CloudFront is on) <= 64 characters in every environment the
/// instance runs in.
extension ValidationRun {
    /// ACM's limit on a certificate's first name (its common name).
    static let certificateNameLimit = 64

    mutating func checkHosts() {
        guard usable("dns.domain"), usable("environments") else { return }
        var seen: [String: QuestionnaireProblem.HostUse] = [:]
        // One length report per written host and environment, one duplicate report per written
        // host: preview, apps and cdn derive from the LMS host, and a host that collides in one
        // environment collides in all, so one cause would otherwise come back many times.
        var reported: Set<String> = []
        var duplicated: Set<String> = []
        for (index, instance) in answers.instances.enumerated() {
            let path = "instances[\(index)]"
            guard usable(path), usable("\(path).name"), usable("\(path).environments") else { continue }
            for environment in answers.environments
            where instance.environments.contains(environment.name)
                && !invalidEnvironmentNames.contains(environment.name)
            {
                let hosts = answers.hosts(of: instance, in: environment.name)
                for (role, host) in hosts.all {
                    let hostPath = role == "Studio" ? "\(path).studio_host" : "\(path).lms_host"
                    let reportKey = "\(hostPath) \(environment.name)"
                    guard usable(hostPath), !reported.contains(reportKey), !duplicated.contains(hostPath) else {
                        continue
                    }
                    if let problem = lengthProblem(host, role: role, environment: environment.name) {
                        diagnostics.append(
                            Diagnostic(
                                file: file, location: sourceMap.location(of: hostPath), keyPath: hostPath,
                                problem: problem))
                        reported.insert(reportKey)
                        continue
                    }
                    let use = QuestionnaireProblem.HostUse(
                        role: role, instance: instance.name, environment: environment.name, keyPath: hostPath,
                        line: line(of: hostPath))
                    if let first = seen[host] {
                        diagnostics.append(
                            Diagnostic(
                                file: file, location: sourceMap.location(of: hostPath), keyPath: hostPath,
                                problem: .duplicateHost(
                                    host: host, role: role, environment: environment.name, other: first)))
                        duplicated.insert(hostPath)
                    } else {
                        seen[host] = use
                    }
                }
            }
        }
    }

    private func lengthProblem(_ host: String, role: String, environment: String) -> QuestionnaireProblem? {
        if let label = host.split(separator: ".").first(where: { $0.count > 63 }) {
            return .hostLabelTooLong(host: host, role: role, environment: environment, length: label.count)
        }
        if host.count > 253 {
            return .hostTooLong(host: host, role: role, environment: environment, length: host.count)
        }
        // The first name of the instance's certificate (the LMS host) and of CloudFront's
        // (the CDN host, when CloudFront is on); the other hosts are alternative names.
        if role == "LMS" || role == "CDN", host.count > Self.certificateNameLimit {
            return .certificateNameTooLong(host: host, role: role, environment: environment, length: host.count)
        }
        return nil
    }
}
