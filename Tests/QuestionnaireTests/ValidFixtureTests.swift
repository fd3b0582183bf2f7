import Foundation
import Testing

@testable import Questionnaire

/// `Fixtures/valid/*.yaml` decode to exactly these answers, defaults applied.
struct ValidFixtureTests {
    static let valid = FixtureTests.fixtures.appendingPathComponent("valid")

    static func load(_ name: String) throws -> LoadedQuestionnaire {
        try QuestionnaireLoader().load(contentsOf: valid.appendingPathComponent("\(name).yaml").path)
    }

    @Test func theSpecExampleDecodes() throws {
        let answers = try Self.load("spec-example").answers
        var large = SizeOverrides()
        large.eksNodeType = "m7i.xlarge"
        let expected = Answers(
            project: .init(name: "acme", organization: "Acme University", contact: "platform@acme.edu"),
            aws: .init(
                region: "us-east-1", accountID: "123456789012",
                availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"]),
            dns: .init(domain: "learn.acme.edu", hostedZoneID: "Z0123456789ABC"),
            github: .init(repository: "acme/acme-openedx-infra", defaultBranch: "main"),
            environments: [
                .init(
                    name: "production", size: .large, protected: true, availabilityZoneCount: 3,
                    networkCIDR: "10.0.0.0/16"),
                .init(
                    name: "staging", size: .small, protected: false, availabilityZoneCount: 2,
                    networkCIDR: "10.1.0.0/16"),
            ],
            instances: [
                .init(
                    name: "main", lmsHost: "courses.learn.acme.edu", studioHost: "studio.courses.learn.acme.edu",
                    release: .verawood, environments: ["production", "staging"])
            ],
            services: .init(),
            sizes: [.large: large])
        #expect(answers == expected)
    }

    @Test func defaultsAreAppliedAndAnUnquotedAccountIDKeepsItsZeros() throws {
        let answers = try Self.load("minimal").answers
        let expected = Answers(
            project: .init(name: "uni", organization: "Université de l'Exemple"),
            // us-west-1 has two zones, so the default of 3 is capped at 2.
            aws: .init(
                region: "us-west-1", accountID: "000123456789", availabilityZones: ["us-west-1a", "us-west-1c"]),
            dns: .init(domain: "learn.example.org"),
            github: .init(repository: "example/uni-infra", defaultBranch: "main"),
            environments: [
                .init(
                    name: "prod", size: .medium, protected: true, availabilityZoneCount: 2, networkCIDR: "10.0.0.0/16"),
                .init(
                    name: "staging", size: .small, protected: false, availabilityZoneCount: 2,
                    networkCIDR: "10.1.0.0/16"),
                .init(
                    name: "dev", size: .small, protected: false, availabilityZoneCount: 2, networkCIDR: "10.2.0.0/16"),
            ],
            instances: [
                .init(
                    name: "main", lmsHost: "main.learn.example.org", studioHost: "studio.main.learn.example.org",
                    release: .verawood, environments: ["prod", "staging", "dev"])
            ])
        #expect(answers == expected)
    }

    @Test func aZoneListAliasesAndEveryOptionDecode() throws {
        let answers = try Self.load("zone-list").answers
        #expect(answers.project.organization == #"Acme "Uni" \ #1: ${x} – Ünï"#)
        #expect(answers.aws.accountID == "098765432109")
        #expect(answers.aws.availabilityZones == ["eu-west-1c", "eu-west-1a"])
        #expect(answers.github.defaultBranch == "release/2025")
        #expect(answers.environments.map(\.protected) == [true, true])
        #expect(answers.environments.map(\.availabilityZoneCount) == [2, 2])
        #expect(answers.instances[0].studioHost == "studio.example.edu")
        #expect(answers.instances[0].environments == ["live", "test"])
        #expect(answers.instances[1].environments == ["test"])
        #expect(
            answers.services
                == .init(
                    bastion: false, waf: false, opensearch: false, cloudfront: false, ses: false, mongodb: .external))
        var ha = SizeOverrides()
        ha.eksMaxNodes = 12
        ha.auroraReaders = 2
        var small = SizeOverrides()
        small.opensearchMasterNodes = 3
        small.mongodbMembers = 3
        #expect(answers.sizes == [.medium: ha, .xlarge: ha, .small: small])
    }

    @Test func theSourceMapHoldsKeysValuesAndListItems() throws {
        let map = try Self.load("spec-example").sourceMap
        #expect(map.values["environments.staging.size"] == SourceLocation(line: 21, column: 11))
        #expect(map.keys["environments.staging.size"] == SourceLocation(line: 21, column: 5))
        #expect(map.values["instances[0].lms_host"] == SourceLocation(line: 26, column: 15))
        #expect(map.values["instances[0].environments[1]"] == SourceLocation(line: 29, column: 32))
        #expect(map.values["sizes.large.eks_node_type"] == SourceLocation(line: 38, column: 27))
        // A defaulted value has no entry; its location is its nearest written ancestor's.
        #expect(map.values["environments.production.network_cidr"] == nil)
        #expect(map.location(of: "environments.production.network_cidr") == SourceLocation(line: 18, column: 5))
    }
}
