import Foundation

/// `stamp explain`: what a questionnaire would build, as plain text.
public struct PlanReport: Sendable {
    public var plan: Plan
    public init(plan: Plan) { self.plan = plan }

    public var text: String {
        var lines: [String] = []
        let answers = plan
        lines.append(
            "\(answers.project.name) (\(answers.project.organization)): \(answers.aws.region), account \(answers.aws.accountID), domain \(answers.dns.domain)"
        )
        lines.append("Apply order: bootstrap, global, " + plan.applyOrder.map(\.name).joined(separator: ", "))
        lines.append("Terraform state: s3://\(plan.stateBucket)")
        for environment in plan.environments {
            lines.append("")
            lines += section(for: environment)
        }
        lines.append("")
        lines.append("Instances")
        lines += table(
            ["instance", "release", "environments", "database"],
            plan.instances.map {
                [
                    $0.name, "\($0.release.rawValue) (Tutor \($0.release.tutorMajorVersion))",
                    $0.environments.joined(separator: ", "), $0.databaseName,
                ]
            })
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(for environment: EnvironmentPlan) -> [String] {
        let network = environment.network
        var lines = [
            "Environment \(environment.name): size \(environment.preset.rawValue), "
                + (environment.protected ? "protected (deletion protection, approval before apply)" : "unprotected")
                + ", domain \(environment.domain)",
            "  VPC \(network.vpc), \(network.zones.count) zones, \(network.natGatewayCount) NAT gateway\(network.natGatewayCount == 1 ? "" : "s")",
        ]
        lines += table(
            ["tier", "zone", "cidr", "addresses"],
            [("public", \ZonePlan.publicSubnet), ("application", \.applicationSubnet), ("data", \.dataSubnet)]
                .flatMap { tier, keyPath in
                    network.zones.map {
                        [tier, $0.name, $0[keyPath: keyPath].description, String($0[keyPath: keyPath].usableAddresses)]
                    }
                }
        ).map { "  " + $0 }
        lines.append("  Sizes")
        lines += sizeLines(environment).map { "    " + $0 }
        lines.append("  Hosts")
        lines += table(
            ["instance", "lms", "studio", "preview", "apps", "cdn"],
            environment.deployments.map {
                [
                    $0.instance, $0.hosts.lms, $0.hosts.studio, $0.hosts.preview ?? "-", $0.hosts.apps,
                    $0.hosts.cdn ?? "-",
                ]
            }
        ).map { "    " + $0 }
        lines.append("  Certificates (ACM, DNS-validated)")
        lines += certificateLines(environment).map { "    " + $0 }
        lines.append("  Buckets")
        lines += table(
            ["bucket", "holds"],
            [
                [environment.names.logBucket, "access logs (ALB, S3, CloudFront)"],
                [environment.names.backupsBucket, "backups (MongoDB dumps, exports)"],
            ]
                + environment.deployments.flatMap {
                    [
                        [
                            $0.buckets.publicAssets,
                            "\($0.instance): public assets" + ($0.hosts.cdn.map { ", served at \($0)" } ?? ""),
                        ],
                        [$0.buckets.privateFiles, "\($0.instance): uploads, reports, exports (pre-signed URLs only)"],
                    ]
                }
        ).map { "    " + $0 }
        return lines
    }

    private func certificateLines(_ environment: EnvironmentPlan) -> [String] {
        environment.deployments.flatMap { deployment -> [String] in
            var lines = [
                "\(deployment.instance): \(deployment.loadBalancerHosts.joined(separator: ", ")) (\(plan.aws.region), load balancer)"
            ]
            if let cdn = deployment.hosts.cdn {
                lines.append("\(deployment.instance): \(cdn) (us-east-1, CloudFront)")
            }
            return lines
        }
    }

    private func sizeLines(_ environment: EnvironmentPlan) -> [String] {
        let size = environment.size
        let search = environment.search
        let services = plan.services
        var lines = [
            "EKS nodes      \(size.eksNodeType), min \(size.eksMinNodes) / desired \(size.eksDesiredNodes) / max \(size.eksMaxNodes)",
            "Aurora MySQL   \(size.auroraInstanceClass), writer + \(size.auroraReaders) reader\(size.auroraReaders == 1 ? "" : "s")",
            "Redis          \(size.redisNodeType), primary + \(size.redisReplicas) replica\(size.redisReplicas == 1 ? "" : "s")",
        ]
        if services.opensearch {
            let masters =
                size.opensearchMasterNodes > 0
                ? ", \(size.opensearchMasterNodes) dedicated masters (\(size.opensearchMasterType))" : ""
            lines.append(
                "OpenSearch     \(size.opensearchInstanceType), \(search.dataNodes) data node\(search.dataNodes == 1 ? "" : "s") in \(search.zoneCount) zone\(search.zoneCount == 1 ? "" : "s")\(masters)"
            )
        }
        switch services.mongodb {
        case .replicaSet:
            lines.append(
                "MongoDB        \(size.mongodbInstanceType), \(size.mongodbMembers) member\(size.mongodbMembers == 1 ? "" : "s"), \(size.mongodbVolumeGiB) GiB each"
            )
        case .external:
            lines.append("MongoDB        external (connection string in Secrets Manager)")
        }
        return lines
    }

    /// Left-aligned columns separated by two spaces.
    private func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
