import Questionnaire
import XCTest

@testable import Planning

final class LogResourcePolicyTests: XCTestCase {
    private func answers(region: String, environments: Int, services: Answers.Services = Answers.Services()) -> Answers
    {
        smallAnswers(region: region, environments: environments, services: services)
    }

    /// Before issue 10 us-east-1 held 1 + 3N + 1 policies: the third environment failed.
    func testTheCountDoesNotGrowWithEnvironments() throws {
        for count in 1...6 {
            XCTAssertEqual(
                LogResourcePolicyQuota.usage(
                    LogResourcePolicyQuota.policies(answers(region: "us-east-1", environments: count))),
                ["us-east-1": 4])
        }
    }

    func testCloudFrontsWafLogsNeedTheirOwnPolicyInUSEast1() throws {
        XCTAssertEqual(
            LogResourcePolicyQuota.usage(
                LogResourcePolicyQuota.policies(answers(region: "eu-west-1", environments: 6))),
            ["eu-west-1": 3, "us-east-1": 2])
        let withoutEdge = answers(
            region: "eu-west-1", environments: 6, services: Answers.Services(waf: false, opensearch: false))
        XCTAssertEqual(
            LogResourcePolicyQuota.usage(LogResourcePolicyQuota.policies(withoutEdge)),
            ["eu-west-1": 1, "us-east-1": 1])
    }

    func testEveryPolicyStaysWithinItsQuota() throws {
        for region in ["us-east-1", "eu-west-1"] {
            for count in LogResourcePolicyQuota.usage(
                LogResourcePolicyQuota.policies(answers(region: region, environments: 6))
            ).values {
                XCTAssertLessThanOrEqual(count, LogResourcePolicyQuota.perRegion)
            }
        }
    }

    func testWafPoliciesCoverEveryEnvironmentsLogGroups() throws {
        let policy = try XCTUnwrap(
            LogResourcePolicyQuota.policies(answers(region: "us-east-1", environments: 2)).first { $0.writer == .waf })
        XCTAssertEqual(policy.logGroupPattern, "aws-waf-logs-acme-*")
        XCTAssertEqual(policy.sourceARN, "arn:aws:logs:us-east-1:000123456789:*")
    }
}

final class AccountQuotaTests: XCTestCase {
    func testWhatTwoSmallEnvironmentsNeed() throws {
        let answers = smallAnswers(environments: 2)
        let quotas = Dictionary(uniqueKeysWithValues: try Planner().plan(answers).accountQuotas.map { ($0.name, $0) })
        XCTAssertEqual(quotas["VPCs per region"]?.needed, 2)
        XCTAssertEqual(quotas["Elastic IP addresses (one per NAT gateway)"]?.needed, 2, "small: one NAT gateway each")
        // Per environment: 4 t3.large nodes (8 vCPUs), one t3.medium MongoDB member (2), the t4g.small bastion (2).
        let vCPUs = try XCTUnwrap(quotas.first { $0.key.hasPrefix("Running On-Demand Standard") }?.value)
        XCTAssertEqual(vCPUs.needed, 24)
        XCTAssertNil(vCPUs.defaultValue)
        let logs = try XCTUnwrap(quotas.first { $0.key.hasPrefix("CloudWatch Logs") }?.value)
        XCTAssertEqual(logs.needed, 4)
        XCTAssertFalse(logs.adjustable)
    }

    func testInstanceTypeSizesGiveTheirVCPUs() throws {
        XCTAssertEqual(Plan.vCPUs(of: "t3.large"), 2)
        XCTAssertEqual(Plan.vCPUs(of: "m6i.xlarge"), 4)
        XCTAssertEqual(Plan.vCPUs(of: "m6i.2xlarge"), 8)
        XCTAssertEqual(Plan.vCPUs(of: "r6i.8xlarge"), 32)
    }
}
