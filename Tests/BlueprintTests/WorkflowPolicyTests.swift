import Foundation
import StampKit
import XCTest
import Yams

/// SPEC §7 for the generated GitHub Actions: OIDC roles only (no AWS keys), least
/// permissions, pinned actions and a timeout on every job.
final class WorkflowPolicyTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func workflows() throws -> [(String, GeneratedFile)] {
        let pairwise = Self.root.appendingPathComponent("Tests/Pairwise")
        let questionnaires =
            [Self.root.appendingPathComponent("examples/reference/stamp.yaml")]
            + (try FileManager.default.contentsOfDirectory(at: pairwise, includingPropertiesForKeys: nil))
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        return try questionnaires.flatMap { questionnaire in
            let answers = try QuestionnaireLoader().load(contentsOf: questionnaire.path).answers
            let files = try StampGenerator().generate(answers, blueprint: try BlueprintLoader().builtIn()).generation
                .files
            return files.files.filter { $0.path.hasPrefix(".github/workflows/") }.map {
                (questionnaire.lastPathComponent, $0)
            }
        }
    }

    func testWorkflowsExistForTerraformAndEveryInstance() throws {
        let paths = Set(try workflows().filter { $0.0 == "stamp.yaml" }.map(\.1.path))
        for expected in ["terraform.yml", "build-main.yml", "deploy-main.yml", "build-labs.yml", "deploy-labs.yml"] {
            XCTAssertTrue(paths.contains(".github/workflows/\(expected)"), expected)
        }
    }

    func testNoWorkflowTakesAnAWSAccessKey() throws {
        let forbidden = [
            "aws-access-key-id", "aws-secret-access-key", "aws-session-token", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "secrets.AWS_",
        ]
        for (source, file) in try workflows() {
            for text in forbidden {
                XCTAssertFalse(file.contents.contains(text), "\(source): \(file.path) mentions \(text)")
            }
            for step in try steps(of: file)
            where (step["uses"] as? String)?.hasPrefix("aws-actions/configure-aws-credentials@") == true {
                let with = step["with"] as? [String: Any] ?? [:]
                XCTAssertNotNil(with["role-to-assume"], "\(source): \(file.path): credentials without an OIDC role")
            }
        }
    }

    func testLeastPermissionsPinnedActionsAndTimeouts() throws {
        let pinned = try NSRegularExpression(pattern: "^[^@]+@[0-9a-f]{40}$")
        for (source, file) in try workflows() {
            let workflow = try XCTUnwrap(try Yams.load(yaml: file.contents) as? [String: Any], file.path)
            let permissions = workflow["permissions"]
            let topLevelOK =
                (permissions as? [String: Any])?.isEmpty == true
                || (permissions as? [String: String]) == ["contents": "read"]
            XCTAssertTrue(topLevelOK, "\(source): \(file.path): top-level permissions must be {} or contents: read")
            let jobs = try XCTUnwrap(workflow["jobs"] as? [String: Any], file.path)
            for (name, job) in jobs {
                let job = job as? [String: Any] ?? [:]
                XCTAssertNotNil(job["timeout-minutes"], "\(source): \(file.path): job \(name) has no timeout")
            }
            for step in try steps(of: file) {
                guard let uses = step["uses"] as? String, !uses.hasPrefix("./") else { continue }
                let range = NSRange(uses.startIndex..., in: uses)
                XCTAssertNotNil(
                    pinned.firstMatch(in: uses, range: range),
                    "\(source): \(file.path): \(uses) is not pinned to a commit")
            }
        }
    }

    private func steps(of file: GeneratedFile) throws -> [[String: Any]] {
        let workflow = try Yams.load(yaml: file.contents) as? [String: Any] ?? [:]
        let jobs = workflow["jobs"] as? [String: Any] ?? [:]
        return jobs.values.flatMap { ($0 as? [String: Any])?["steps"] as? [[String: Any]] ?? [] }
    }
}
