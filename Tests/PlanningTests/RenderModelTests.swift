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

    private func model(_ answers: Answers) -> RenderModel {
        RenderModel(plan: Planner().plan(answers), catalog: catalog)
    }

    func testApplyOrderChainsUnprotectedEnvironmentsFirstAfterGlobal() {
        let root = model(smallAnswers(environments: 3)).root
        XCTAssertEqual(root.applyOrder.map(\.environment.name), ["staging", "qa", "production"])
        XCTAssertEqual(root.applyOrder.map(\.applyAfter), ["global", "staging", "qa"])
        XCTAssertEqual(root.global.stateKey, "global/terraform.tfstate")
    }

    func testCIRoleARNsAreBuiltOnceFromTheAccountAndRoleNames() {
        let root = model(smallAnswers(environments: 1)).root
        XCTAssertEqual(Set(root.ciRoleArns.keys), ["plan", "apply", "build", "deploy"])
        for role in root.ciRoles {
            XCTAssertEqual(root.ciRoleArns[role.purpose], "arn:aws:iam::000123456789:role/\(role.name)")
        }
    }

    func testSelfHostedRunnersExactlyWhenThereIsNoBastion() {
        var services = Answers.Services()
        services.bastion = true
        XCTAssertFalse(
            model(smallAnswers(environments: 1, services: services)).root.services["self_hosted_runners"] == true)
        services.bastion = false
        XCTAssertTrue(
            model(smallAnswers(environments: 1, services: services)).root.services["self_hosted_runners"] == true)
    }

    func testInstanceDeploymentsKnowTheEnvironmentTheyArePromotedFrom() throws {
        let instance = try XCTUnwrap(model(smallAnswers(environments: 2)).instances["main"])
        XCTAssertEqual(instance.deployments.map(\.deployment.environment), ["staging", "production"])
        XCTAssertEqual(instance.deployments.map(\.previousEnvironment), ["", "staging"])
        XCTAssertEqual(instance.deployments.map(\.hasPreviousEnvironment), [false, true])
        XCTAssertEqual(instance.deployments.map(\.protected), [false, true])
    }

    func testTutorPinsComeFromTheCatalogSortedByPlugin() throws {
        let model = model(smallAnswers(environments: 1))
        let deployment = try XCTUnwrap(model.deployments["production"]?["main"])
        XCTAssertEqual(deployment.tutor.version, "22.0.1")
        XCTAssertEqual(deployment.tutor.plugins.map(\.name), ["a", "b"])
        XCTAssertEqual(model.root.blueprint.version, "1.2.3")
        XCTAssertTrue(model.root.header.contains("blueprint bp 1.2.3"))
    }

    func testGitHubRepositorySplitsIntoOwnerAndName() {
        let github = model(smallAnswers(environments: 1)).root.github
        XCTAssertEqual([github.owner, github.name], ["acme", "infra"])
    }
}
