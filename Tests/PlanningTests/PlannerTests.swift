import Questionnaire
import XCTest

@testable import Planning

final class PlannerTests: XCTestCase {
    private func answers() -> Answers {
        Answers(
            project: .init(name: "acme", organization: "Acme"),
            aws: .init(
                region: "us-east-1", accountID: "000123456789",
                availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"]),
            dns: .init(domain: "learn.acme.edu"),
            github: .init(repository: "acme/infra", defaultBranch: "trunk"),
            environments: [
                .init(
                    name: "production", size: .large, protected: true, availabilityZoneCount: 3,
                    networkCIDR: "10.0.0.0/16"),
                .init(
                    name: "staging", size: .small, protected: false, availabilityZoneCount: 2,
                    networkCIDR: "10.1.0.0/16"),
                .init(name: "qa", size: .small, protected: false, availabilityZoneCount: 2, networkCIDR: "10.2.0.0/20"),
            ],
            instances: [
                .init(
                    name: "main", lmsHost: "courses.learn.acme.edu", studioHost: "studio.courses.learn.acme.edu",
                    release: .verawood, environments: ["production", "staging", "qa"]),
                .init(
                    name: "labs", lmsHost: "labs.learn.acme.edu", studioHost: "studio.labs.learn.acme.edu",
                    release: .ulmo, environments: ["staging"]),
            ])
    }

    func testApplyOrderPutsUnprotectedEnvironmentsFirstInQuestionnaireOrder() throws {
        XCTAssertEqual(try Planner().plan(answers()).applyOrder.map(\.name), ["staging", "qa", "production"])
    }

    func testEveryCIRoleTrustsExactlyItsJobs() throws {
        let roles = Dictionary(uniqueKeysWithValues: try Planner().plan(answers()).ciRoles.map { ($0.purpose, $0) })
        XCTAssertEqual(roles[.plan]?.subjects, ["repo:acme/infra:pull_request"])
        XCTAssertEqual(roles[.build]?.subjects, ["repo:acme/infra:ref:refs/heads/trunk"])
        XCTAssertEqual(
            roles[.deploy]?.subjects,
            [
                "repo:acme/infra:environment:production", "repo:acme/infra:environment:staging",
                "repo:acme/infra:environment:qa",
            ])
        XCTAssertEqual(roles[.apply]?.subjects.first, "repo:acme/infra:environment:global")
        XCTAssertEqual(roles[.apply]?.subjects.count, 4)
        XCTAssertEqual(roles[.apply]?.name, "acme-github-apply")
    }

    func testEnvironmentsGetTheirZonesNetworkSizeAndDeployments() throws {
        let plan = try Planner().plan(answers())
        let production = try XCTUnwrap(plan.environment(named: "production"))
        let staging = try XCTUnwrap(plan.environment(named: "staging"))
        XCTAssertEqual(production.network.zones.map(\.name), ["us-east-1a", "us-east-1b", "us-east-1c"])
        XCTAssertEqual(staging.network.zones.map(\.name), ["us-east-1a", "us-east-1b"])
        XCTAssertEqual(production.network.natGatewayCount, 3)
        XCTAssertEqual(staging.network.natGatewayCount, 1)
        XCTAssertEqual(production.domain, "learn.acme.edu")
        XCTAssertEqual(staging.domain, "staging.learn.acme.edu")
        XCTAssertEqual(production.namePrefix, "acme-production")
        XCTAssertEqual(production.deployments.map(\.instance), ["main"])
        XCTAssertEqual(staging.deployments.map(\.instance), ["main", "labs"])
        XCTAssertEqual(staging.deployments[0].hosts.lms, "courses.staging.learn.acme.edu")
        XCTAssertEqual(staging.deployments[0].namePrefix, "acme-staging-main")
        XCTAssertEqual(production.size.eksNodeType, "m6i.xlarge")
        XCTAssertEqual(production.search.dataNodes, 3)
        XCTAssertEqual(production.flowLogRetentionDays, 365)
        XCTAssertEqual(staging.flowLogRetentionDays, 90)
        XCTAssertEqual(plan.instances[1].databaseName, "labs_openedx")
    }

    /// Every name the plan hands to a blueprint fits its service with the longest names the
    /// questionnaire allows (project 16, environment 10, instance 12 characters).
    func testEveryPlannedNameFitsItsServiceWithMaximumLengthInputs() throws {
        var answers = answers()
        answers.project.name = "abcdefghijklmnop"
        answers.environments[0].name = "production"
        answers.instances[0].name = "abcdefghij-k"
        answers.instances[0].environments = ["production"]
        let plan = try Planner().plan(answers)
        let environment = try XCTUnwrap(plan.environment(named: "production"))
        let names = environment.names
        let limits: [(String, Int)] =
            [
                (names.loadBalancer, 32), (names.targetGroup, 32), (names.openSearchDomain, 28),
                (names.elastiCache, 40),
                (names.auroraCluster, 63), (names.eksCluster, 100), (names.logBucket, 63), (names.backupsBucket, 63),
                (names.webACL, 128), (plan.stateBucket, 63),
            ] + environment.deployments.flatMap { [($0.buckets.publicAssets, 63), ($0.buckets.privateFiles, 63)] }
            + plan.ciRoles.map { ($0.name, 64) }
        for (name, limit) in limits {
            XCTAssertLessThanOrEqual(name.count, limit, name)
            XCTAssertFalse(name.contains("--") || name.hasSuffix("-"), name)
        }
        XCTAssertEqual(environment.deployments[0].buckets.privateFiles.count, 16 + 1 + 10 + 1 + 12 + 1 + 7 + 1 + 8)
    }

    func testStateBucketIsStableAndFitsS3() throws {
        let first = try Planner().plan(answers()).stateBucket
        XCTAssertEqual(first, try Planner().plan(answers()).stateBucket)
        XCTAssertTrue(first.hasPrefix("acme-tfstate-"))
        XCTAssertEqual(first.count, "acme-tfstate-".count + 8)
    }
}

final class DeploymentHostsAndControllerTests: XCTestCase {
    private func plan(release: Release) throws -> Plan {
        let answers = Answers(
            project: .init(name: "acme", organization: "Acme"),
            aws: .init(
                region: "us-east-1", accountID: "000123456789", availabilityZones: ["us-east-1a", "us-east-1b"]),
            dns: .init(domain: "learn.acme.edu"),
            github: .init(repository: "acme/infra", defaultBranch: "main"),
            environments: [
                .init(
                    name: "production", size: .small, protected: true, availabilityZoneCount: 2,
                    networkCIDR: "10.0.0.0/16")
            ],
            instances: [
                .init(
                    name: "main", lmsHost: "courses.learn.acme.edu", studioHost: "studio.courses.learn.acme.edu",
                    release: release, environments: ["production"])
            ])
        return try Planner().plan(answers)
    }

    /// Tutor 21 and later have no PREVIEW_LMS_HOST: no certificate name, DNS record or Ingress for it.
    func testOnlySumacAndTeakServeAPreviewHost() throws {
        for release in Release.allCases {
            let deployment = try XCTUnwrap(try plan(release: release).environments.first?.deployments.first)
            let preview = "preview.courses.learn.acme.edu"
            XCTAssertEqual(deployment.hosts.preview, release.servesPreviewHost ? preview : nil, "\(release)")
            XCTAssertEqual(deployment.loadBalancerHosts.contains(preview), release.servesPreviewHost, "\(release)")
            XCTAssertEqual(deployment.certificateAlternativeNames.first, "studio.courses.learn.acme.edu")
            XCTAssertFalse(
                deployment.certificateAlternativeNames.contains(deployment.hosts.lms), "the LMS host is the first name")
        }
        XCTAssertEqual(Release.allCases.filter(\.servesPreviewHost), [.sumac, .teak])
    }

    func testTheIngressControllerIsHarmonysTraefik() throws {
        let controller = try plan(release: .verawood).ingress
        XCTAssertEqual(
            controller.serviceName, "\(controller.helmRelease)-traefik", "the chart names its Service <release>-traefik"
        )
        XCTAssertEqual(controller.className, "traefik")
        XCTAssertEqual([controller.servicePort, controller.targetPort, controller.healthCheckPort], [80, 8000, 8080])
        XCTAssertEqual(controller.healthCheckPath, "/ping")
    }

    func testTheDeployReadsTheFirstMongoDBMemberAndTheEBSKeyFromParameterStore() throws {
        let environment = try XCTUnwrap(try plan(release: .ulmo).environments.first)
        XCTAssertEqual(environment.parameters.mongodbFirstMember, "/acme-production/mongodb/first-member")
        XCTAssertEqual(environment.parameters.ebsKMSKeyARN, "/acme-production/eks/ebs-kms-key-arn")
        XCTAssertEqual(environment.deployments.first?.isolation.eventBusTopicPrefix, "main")
    }
}

final class TutorTextTests: XCTestCase {
    func testThePlatformNameCarriesNothingTutorsTemplatesCannotHold() throws {
        XCTAssertEqual(TutorText.platformName("Acme University"), "Acme University")
        XCTAssertEqual(TutorText.platformName("Ünïversité – Acme #1: 'x'"), "Ünïversité – Acme #1: 'x'")
        let hostile = TutorText.platformName(#"Acme "Uni" \ ${var.x} %{ if true } {{ x }} {% if %} {# c #}"#)
        XCTAssertEqual(hostile, "Acme \u{201D}Uni\u{201D} / ${var.x} %{ if true } { { x }} { % if %} { # c #}")
        for forbidden in ["\"", "\\", "{{", "{%", "{#"] {
            XCTAssertFalse(hostile.contains(forbidden), forbidden)
        }
    }
}
