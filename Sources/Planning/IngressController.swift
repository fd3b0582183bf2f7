/// The cluster's shared ingress controller and how the load balancer reaches it (SPEC §6).
///
/// openedx-k8s-harmony's current chart (0.11.0) runs Traefik, ingress-nginx having lost
/// upstream support in March 2026 (harmony's ADR 0000). The deploy workflow installs the chart
/// as release `harmony` in namespace `harmony`, so Traefik's Service is `harmony-traefik`; its
/// `web` entrypoint listens on 8000 behind Service port 80, and its `traefik` entrypoint
/// answers `/ping` on 8080 (the chart's own probes use it). The load balancer's IP target group
/// registers the pods, so it sends traffic to 8000 and health checks to 8080.
public struct IngressController: Sendable, Equatable, Encodable {
    /// The IngressClass every instance's Ingresses name.
    public var className: String
    public var helmRelease: String
    public var namespace: String
    public var serviceName: String
    public var servicePort: Int
    /// The pods' HTTP port: the target group's port and the node security group's rule.
    public var targetPort: Int
    public var healthCheckPort: Int
    public var healthCheckPath: String

    public static let harmonyTraefik: IngressController = {
        let release = "harmony"
        return IngressController(
            className: "traefik", helmRelease: release, namespace: "harmony", serviceName: "\(release)-traefik",
            servicePort: 80, targetPort: 8000, healthCheckPort: 8080, healthCheckPath: "/ping")
    }()
}

/// How the build workflow builds images (SPEC §6).
public enum ImageBuild {
    /// The one mutable tag of each ECR repository: the registry cache every build reads and
    /// rewrites (`--cache-from`/`--cache-to`), so that a build starts warm. Image tags (commit
    /// SHAs) stay immutable: the repository excludes only this tag from immutability.
    public static let cacheTag = "buildcache"
}
