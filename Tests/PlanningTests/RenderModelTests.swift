import BlueprintData
import Planning
import Questionnaire
import XCTest

/// The decisions the render model holds, so templates only print them.
final class RenderModelTests: XCTestCase {
    private let catalog = Catalog(
        blueprintName: "bp", blueprintVersion: "1.2.3", versions: ["kubernetes": "1.34"],
        tutor: [
            "verawood": TutorRelease(version: "22.0.1", plugins: ["b": "2", "a": "1"], requirements: ["tutor==22.0.1"])
        ])

    private func model(_ answers: Answers) throws -> RenderModel {
        RenderModel(plan: try Planner().plan(answers), catalog: catalog)
    }

    func testApplyOrderChainsUnprotectedEnvironmentsFirstAfterGlobal() throws {
        let root = try model(smallAnswers(environments: 3)).root
        XCTAssertEqual(root.applyOrder.map(\.environment.name), ["staging", "qa", "production"])
        XCTAssertEqual(root.applyOrder.map(\.applyAfter), ["global", "staging", "qa"])
        XCTAssertEqual(root.global.stateKey, "global/terraform.tfstate")
    }

    func testCIRoleARNsAreBuiltOnceFromTheAccountAndRoleNames() throws {
        let root = try model(smallAnswers(environments: 1)).root
        XCTAssertEqual(root.ciRoles.map(\.purpose), ["plan", "apply", "build", "deploy"])
        for role in root.ciRoles {
            XCTAssertEqual(role.arn, "arn:aws:iam::000123456789:role/\(role.name)")
        }
    }

    func testSelfHostedRunnersExactlyWhenThereIsNoBastion() throws {
        var services = Answers.Services()
        services.bastion = true
        XCTAssertFalse(
            try model(smallAnswers(environments: 1, services: services)).root.services["self_hosted_runners"] == true)
        services.bastion = false
        XCTAssertTrue(
            try model(smallAnswers(environments: 1, services: services)).root.services["self_hosted_runners"] == true)
    }

    func testInstanceDeploymentsKnowTheEnvironmentTheyArePromotedFrom() throws {
        let instance = try XCTUnwrap(try model(smallAnswers(environments: 2)).instances["main"])
        XCTAssertEqual(instance.deployments.map(\.deployment.environment), ["staging", "production"])
        XCTAssertEqual(instance.deployments.map(\.previousEnvironment), ["", "staging"])
        XCTAssertEqual(instance.deployments.map(\.hasPreviousEnvironment), [false, true])
        XCTAssertEqual(instance.deployments.map(\.protected), [false, true])
    }

    func testTutorPinsComeFromTheCatalogSortedByPlugin() throws {
        let model = try model(smallAnswers(environments: 1))
        let deployment = try XCTUnwrap(model.deployments["production"]?["main"])
        XCTAssertEqual(deployment.tutor.version, "22.0.1")
        XCTAssertEqual(deployment.tutor.plugins.map(\.name), ["a", "b"])
        XCTAssertEqual(model.root.blueprint.version, "1.2.3")
        XCTAssertTrue(model.root.header.contains("blueprint bp 1.2.3"))
    }

    func testGitHubRepositoryNameIsItsSecondHalf() throws {
        let github = try model(smallAnswers(environments: 1)).root.github
        XCTAssertEqual([github.repository, github.name], ["acme/infra", "infra"])
    }
}

final class HandBuiltAnswersTests: XCTestCase {
    /// The validator refuses a bad network_cidr; a hand-built Answers that skips it gets an
    /// error naming the key, not a trap.
    func testABadNetworkCIDRThrowsInsteadOfTrapping() {
        var answers = smallAnswers(environments: 2)
        answers.environments[1].networkCIDR = "10.1.0.0/33"
        XCTAssertThrowsError(try Planner().plan(answers)) { error in
            XCTAssertEqual(error as? PlanningError, .invalidNetworkCIDR(environment: "staging", value: "10.1.0.0/33"))
            XCTAssertTrue("\(error)".contains("environments.staging.network_cidr"))
        }
    }
}

final class TagValueTests: XCTestCase {
    func testOnlyWhatAWSTagValuesAllowIsKept() {
        XCTAssertEqual(
            TagValue.sanitized(#"Acme "Uni" \ ${var.x} %{ if true } #1: – Ünïversité | *x* <b>"#, fallback: "acme"),
            "Acme Uni var.x if true 1: Ünïversité x b")
        XCTAssertEqual(TagValue.sanitized("Université de Genève", fallback: "x"), "Université de Genève")
        XCTAssertEqual(TagValue.sanitized(#""""#, fallback: "acme"), "acme")
        XCTAssertEqual(TagValue.sanitized(String(repeating: "a", count: 300), fallback: "x").count, 256)
    }
}
