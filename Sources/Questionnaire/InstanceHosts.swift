/// The hosts one instance serves in one environment (SPEC §2).
public struct InstanceHosts: Sendable, Equatable, Encodable {
    public var lms: String
    public var studio: String
    /// `preview.<lms>` for the releases that serve previews on their own host, else nil.
    public var preview: String?
    /// `apps.<lms>`, the micro-frontends.
    public var apps: String
    /// `meilisearch.<lms>`: Studio's content search (Sumac and later), queried from the browser.
    public var search: String
    /// `cdn.<lms>` when CloudFront is on, else nil.
    public var cdn: String?

    public init(lms: String, studio: String, preview: String?, apps: String, search: String, cdn: String?) {
        self.lms = lms
        self.studio = studio
        self.preview = preview
        self.apps = apps
        self.search = search
        self.cdn = cdn
    }

    /// Every host with its role, LMS first (the certificate's first name).
    public var all: [(role: String, host: String)] {
        [("LMS", lms), ("Studio", studio)] + (preview.map { [("preview", $0)] } ?? [])
            + [("MFE", apps), ("search", search)] + (cdn.map { [("CDN", $0)] } ?? [])
    }
}

public extension Answers {
    /// `dns.domain` for the first environment, `<env>.<dns.domain>` for every other one.
    func environmentDomain(_ environment: String) -> String {
        environment == environments.first?.name ? dns.domain : "\(environment).\(dns.domain)"
    }

    /// The instance's hosts in `environment`: as written in the first environment, with the
    /// `dns.domain` suffix replaced by `<env>.<dns.domain>` in every other one
    /// (courses.learn.acme.edu -> courses.staging.learn.acme.edu).
    func hosts(of instance: Instance, in environment: String) -> InstanceHosts {
        let lms = rehome(instance.lmsHost, in: environment)
        return InstanceHosts(
            lms: lms, studio: rehome(instance.studioHost, in: environment),
            preview: instance.release.servesPreviewHost ? "preview.\(lms)" : nil,
            apps: "apps.\(lms)", search: "meilisearch.\(lms)",
            cdn: services.cloudfront ? "cdn.\(lms)" : nil)
    }

    private func rehome(_ host: String, in environment: String) -> String {
        let domain = dns.domain
        let target = environmentDomain(environment)
        if host == domain { return target }
        guard host.hasSuffix(".\(domain)") else { return host }
        return "\(host.dropLast(domain.count))\(target)"
    }
}
