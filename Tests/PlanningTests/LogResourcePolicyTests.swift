import Questionnaire
import XCTest

@testable import Planning

final class LogResourcePolicyTests: XCTestCase {
    private func answers(region: String, environments: Int, services: Answers.Services = Answers.Services()) -> Answers {
        let names = ["production", "staging", "qa", "dev", "demo", "train"].prefix(environments)
        return Answers(
            project: .init(name: "acme", organization: "Acme"),
            aws: .init(region: region, accountID: "000123456789", availabilityZones: ["\(region)a", "\(region)b"]),
            dns: .init(domain: "learn.acme.edu"),
            github: .init(repository: "acme/infra"),
            environments: names.enumerated().map { index, name in
                .init(name: name, size: .small, protected: index == 0, availabilityZoneCount: 2, networkCIDR: "10.\(index).0.0/16")
            },
            instances: [
                .init(name: "main", lmsHost: "courses.learn.acme.edu", studioHost: "studio.courses.learn.acme.edu",
                      release: .verawood, environments: Array(names))
            ],
            services: services)
    }

    /// Before issue 10 us-east-1 held 1 + 3N + 1 policies: the third environment failed.
    func testTheCountDoesNotGrowWithEnvironments() {
        for count in 1...6 {
            XCTAssertEqual(LogResourcePolicyQuota.usage(answers(region: "us-east-1", environments: count)), ["us-east-1": 4])
        }
    }

    func testCloudFrontsWafLogsNeedTheirOwnPolicyInUSEast1() {
        XCTAssertEqual(LogResourcePolicyQuota.usage(answers(region: "eu-west-1", environments: 6)), ["eu-west-1": 3, "us-east-1": 2])
        let withoutEdge = answers(region: "eu-west-1", environments: 6, services: Answers.Services(waf: false, opensearch: false))
        XCTAssertEqual(LogResourcePolicyQuota.usage(withoutEdge), ["eu-west-1": 1, "us-east-1": 1])
    }

    func testEveryPolicyStaysWithinItsQuota() {
        for region in ["us-east-1", "eu-west-1"] {
            for count in LogResourcePolicyQuota.usage(answers(region: region, environments: 6)).values {
                XCTAssertLessThanOrEqual(count, LogResourcePolicyQuota.perRegion)
            }
        }
    }

    func testWafPoliciesCoverEveryEnvironmentsLogGroups() throws {
        let policy = try XCTUnwrap(LogResourcePolicyQuota.policies(answers(region: "us-east-1", environments: 2)).first { $0.writer == .waf })
        XCTAssertEqual(policy.logGroupPattern, "aws-waf-logs-acme-*")
        XCTAssertEqual(policy.sourceARN, "arn:aws:logs:us-east-1:000123456789:*")
    }
}
