import Foundation
import StampKit
import XCTest

/// A reviewer reads the diff of a regeneration: a small questionnaire change must give a
/// small, local diff (issue 6's minimal-diff property, on the reference example).
final class MinimalDiffTests: XCTestCase {
    private func reference() throws -> Answers {
        try QuestionnaireLoader().load(
            contentsOf: ExamplesTests.root.appendingPathComponent("examples/reference/stamp.yaml").path
        ).answers
    }

    private func files(_ answers: Answers) throws -> [String: String] {
        let files = try StampGenerator().generate(answers, blueprint: try BlueprintLoader().builtIn()).generation.files
        return Dictionary(uniqueKeysWithValues: files.files.map { ($0.path, $0.contents) })
    }

    /// Paths that differ, and the lines added and removed over all of them.
    private func change(from old: [String: String], to new: [String: String]) -> (
        paths: [String], added: Int, removed: Int
    ) {
        let paths = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
        let counts = paths.map { UnifiedDiff.counts(old: old[$0], new: new[$0]) }
        return (paths, counts.map(\.added).reduce(0, +), counts.map(\.removed).reduce(0, +))
    }

    func testAddingAnInstanceChangesOnlyItsFilesAndTheLinesThatWireItIn() throws {
        let before = try reference()
        var after = before
        after.instances.append(
            Answers.Instance(
                name: "extra", lmsHost: "extra.learn.acme.edu", studioHost: "studio.extra.learn.acme.edu",
                release: .verawood, environments: ["staging"]))
        let diff = change(from: try files(before), to: try files(after))
        let own = diff.paths.filter { $0.contains("extra") }
        // Wiring: the environment's root files (module calls keyed by instance), the global
        // ECR repository list, and the READMEs' tables.
        let wiring = diff.paths.filter { !$0.contains("extra") }
        for path in wiring {
            XCTAssertTrue(
                path.hasPrefix("terraform/environments/staging/") || path == "terraform/global/ecr.tf"
                    || path.hasSuffix("README.md"), "\(path) changed for a new instance")
        }
        XCTAssertEqual(
            own,
            [
                ".github/workflows/build-extra.yml", ".github/workflows/deploy-extra.yml",
                "tutor/extra/requirements.txt",
                "tutor/extra/staging/config.yml",
            ])
        XCTAssertFalse(wiring.contains { $0.hasPrefix("terraform/modules/") }, "modules are generic: \(wiring)")
        XCTAssertFalse(
            wiring.contains { $0.hasPrefix("terraform/environments/production/") }, "production is untouched: \(wiring)"
        )
        XCTAssertFalse(
            wiring.contains { $0.hasPrefix("tutor/main/") || $0.hasPrefix("tutor/exec/") },
            "other instances are untouched")
        print(
            "minimal diff: adding an instance changes \(diff.paths.count) files, +\(diff.added) -\(diff.removed) lines: \(diff.paths)"
        )
        XCTAssertLessThan(diff.removed, 20, "wiring a new instance in should hardly remove lines")
    }

    func testChangingOneEnvironmentsSizeChangesOnlyThatEnvironment() throws {
        let before = try reference()
        var after = before
        after.environments[0].size = .xlarge
        let diff = change(from: try files(before), to: try files(after))
        for path in diff.paths {
            XCTAssertTrue(
                path.hasPrefix("terraform/environments/production/") || path == "README.md",
                "\(path) changed although only production's size did")
        }
        XCTAssertFalse(diff.paths.isEmpty)
        print(
            "minimal diff: changing production's size changes \(diff.paths.count) files, +\(diff.added) -\(diff.removed) lines: \(diff.paths)"
        )
    }
}
