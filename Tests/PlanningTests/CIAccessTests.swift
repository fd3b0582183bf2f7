import Questionnaire
import XCTest

@testable import Planning

final class CIAccessTests: XCTestCase {
    private func plan(_ services: Answers.Services = Answers.Services()) throws -> Plan {
        try Planner().plan(smallAnswers(environments: 1, services: services))
    }

    private func role(_ purpose: CIRole.Purpose, _ plan: Plan) throws -> CIRole {
        try XCTUnwrap(plan.ciRoles.first { $0.purpose == purpose })
    }

    func testThePlanRoleReadsOnlyTheSecretsTerraformKeeps() throws {
        XCTAssertEqual(
            try role(.plan, try plan()).readableSecrets,
            [
                "acme-production/*/mongodb", "acme-production/*/mysql", "acme-production/mongodb/admin",
                "acme-production/mongodb/keyfile", "acme-production/mongodb/tls", "acme-production/opensearch/master",
                "acme-production/redis/auth", "acme-production/ses/smtp",
            ])
    }

    func testTheDeployRoleNeverReadsTheMongoDBAdministratorKeyfileOrMemberKeys() throws {
        let secrets = try role(.deploy, try plan()).readableSecrets
        XCTAssertEqual(
            secrets,
            [
                "acme-production/*/mongodb", "acme-production/*/mysql", "acme-production/*/tutor",
                "acme-production/opensearch/master", "acme-production/redis/auth", "acme-production/ses/smtp",
            ])
    }

    func testDisabledServicesAndExternalMongoDBChangeWhatIsRead() throws {
        let external = try plan(Answers.Services(opensearch: false, ses: false, mongodb: .external))
        XCTAssertEqual(
            try role(.deploy, external).readableSecrets,
            [
                "acme-production/*/mysql", "acme-production/*/tutor", "acme-production/mongodb/connection",
                "acme-production/redis/auth",
            ])
        XCTAssertEqual(
            try role(.plan, external).readableSecrets, ["acme-production/*/mysql", "acme-production/redis/auth"])
        XCTAssertEqual(try role(.apply, external).readableSecrets, [])
    }

    /// An instance's name can never make a pattern reach an environment-wide secret: the
    /// instance segment is followed by the secret's own name.
    func testInstancePatternsDoNotReachTheEnvironmentsOwnSecrets() throws {
        let plan = try plan()
        let environment = try XCTUnwrap(plan.environments.first)
        let shared = [
            environment.secrets.mongodbAdmin, environment.secrets.mongodbKeyfile, environment.secrets.mongodbTLS,
        ]
        for pattern in try role(.deploy, plan).readableSecrets where pattern.contains("*") {
            let regex = try Regex("^" + pattern.replacingOccurrences(of: "*", with: ".*") + "$")
            for name in shared { XCTAssertNil(name.wholeMatch(of: regex), "\(pattern) reaches \(name)") }
        }
    }

    func testWithoutAdminRolesTheFallbackRoleGetsClusterAccess() throws {
        let admins = try plan().clusterAdmins
        XCTAssertEqual(admins.fallbackRoleName, "acme-eks-admin")
        XCTAssertEqual(admins.roleARNs, ["arn:aws:iam::000123456789:role/acme-eks-admin"])
    }

    func testListedAdminRolesReplaceTheFallback() throws {
        var answers = smallAnswers(environments: 1)
        answers.aws.adminRoleARNs = [
            "arn:aws:iam::000123456789:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_01"
        ]
        let admins = try Planner().plan(answers).clusterAdmins
        XCTAssertNil(admins.fallbackRoleName)
        XCTAssertEqual(admins.roleARNs, answers.aws.adminRoleARNs)
    }

    func testCredentialsLastAsLongAsTheLongestJobOfTheirRole() throws {
        let plan = try plan()
        XCTAssertEqual(try role(.apply, plan).sessionSeconds, 90 * 60)
        XCTAssertEqual(try role(.apply, plan).maxSessionDuration, 5400)
        XCTAssertEqual(try role(.build, plan).maxSessionDuration, 7200)
        // IAM's minimum maximum is an hour, even for the 30-minute plan jobs.
        XCTAssertEqual(try role(.plan, plan).sessionSeconds, 1800)
        XCTAssertEqual(try role(.plan, plan).maxSessionDuration, 3600)
        for role in plan.ciRoles {
            XCTAssertGreaterThanOrEqual(role.maxSessionDuration, role.sessionSeconds, "\(role.purpose)")
        }
    }
}
