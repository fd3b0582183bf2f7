import Foundation
import StampKit
import XCTest

/// Golden tests: each example's generated repository must equal its committed `expected/`
/// (`make golden` rewrites them after an intended change).
final class ExamplesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func generate(_ questionnaire: URL) throws -> GeneratedRepository {
        let answers = try QuestionnaireLoader().load(contentsOf: questionnaire.path).answers
        return try StampGenerator().generate(answers, blueprint: try BlueprintLoader().builtIn())
    }

    /// What `stamp generate` writes, minus `.stamp/base/` (a byte copy of the files): the
    /// generation, stamp's records and the questionnaire it came from, kept as `stamp.yaml`.
    private func expectedFiles(of repository: GeneratedRepository, questionnaire: URL) throws -> [String: String] {
        var files = Dictionary(uniqueKeysWithValues: repository.generation.files.files.map { ($0.path, $0.contents) })
        files[RepositoryLayout.questionnairePath] = try String(contentsOf: questionnaire, encoding: .utf8)
        files[RepositoryLayout.answersPath] = repository.generation.answersYAML
        files[RepositoryLayout.manifestPath] = String(decoding: repository.generation.manifest.encoded(), as: UTF8.self)
        return files
    }

    func testExamplesMatchTheirGoldens() throws {
        let examples = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("examples").path
        )
        .sorted()
        XCTAssertEqual(examples, ["minimal", "reference"])
        for example in examples {
            let folder = Self.root.appendingPathComponent("examples/\(example)")
            let questionnaire = folder.appendingPathComponent("stamp.yaml")
            let generated = try expectedFiles(of: try generate(questionnaire), questionnaire: questionnaire)
            let golden = folder.appendingPathComponent("expected")
            let onDisk = (FileManager.default.enumerator(atPath: golden.path)?.allObjects as? [String] ?? [])
                .filter { !isDirectory(golden.appendingPathComponent($0)) }.sorted()
            XCTAssertEqual(
                onDisk, generated.keys.sorted(), "\(example): file list differs (run `make golden` if intended)")
            var reported = 0
            for (path, contents) in generated.sorted(by: { $0.key < $1.key }) where reported < 5 {
                let expected = try? String(contentsOf: golden.appendingPathComponent(path), encoding: .utf8)
                if let expected, expected != contents {
                    reported += 1
                    XCTFail(
                        "\(example)/\(path) differs from its golden (run `make golden` if intended):\n\(lineDiff(expected, contents))"
                    )
                }
            }
        }
    }

    /// SPEC §6: `aws_eks_cluster.deletion_protection` arrived in provider 6.9, so every root and
    /// module admits 6.9 and later 6.x only (`~> 6.0` would admit versions without it).
    func testEveryRootAndModulePinsTheAWSProviderFrom69To7() throws {
        let answers = Self.root.appendingPathComponent("examples/reference/stamp.yaml")
        let files = try generate(answers).generation.files.files.filter { $0.path.hasSuffix("versions.tf") }
        XCTAssertGreaterThan(files.count, 10)
        let pin = /source\s*=\s*"hashicorp\/aws"\s*\n\s*version\s*=\s*"([^"]*)"/
        for file in files {
            let versions = file.contents.matches(of: pin).map { String($0.1) }
            XCTAssertEqual(versions, [">= 6.9, < 7.0"], file.path)
        }
    }

    /// Every pair of values of the optional features appears together in some variant (SPEC §8).
    func testPairwiseVariantsCoverEveryPairOfOptionalFeatures() throws {
        let folder = Self.root.appendingPathComponent("Tests/Pairwise")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        let rows: [[String]] = try files.map { file in
            let answers = try QuestionnaireLoader().load(contentsOf: folder.appendingPathComponent(file).path).answers
            return Service.allCases.map { $0.value(in: answers.services) } + ["\(answers.dns.hostedZoneID != nil)"]
        }
        // Every service's values (from the enum), and whether the hosted zone is brought.
        let values: [[String]] =
            Service.allCases.map { service in
                switch service.values {
                case .onOff: ["true", "false"]
                case .modes(let modes): modes
                }
            } + [["true", "false"]]
        for a in values.indices {
            for b in values.indices where b > a {
                for x in values[a] {
                    for y in values[b] {
                        XCTAssertTrue(
                            rows.contains { $0[a] == x && $0[b] == y },
                            "no variant has feature \(a)=\(x) with feature \(b)=\(y)")
                    }
                }
            }
        }
    }

    /// `make verify` runs each generated repository's workflows with the real Tutor of its
    /// releases: together the examples and the variants must run every release stamp supports.
    func testExamplesAndVariantsRunEverySupportedRelease() throws {
        let variants = Self.root.appendingPathComponent("Tests/Pairwise")
        let questionnaires =
            try FileManager.default.contentsOfDirectory(atPath: variants.path)
            .filter { $0.hasSuffix(".yaml") }.map { variants.appendingPathComponent($0) }
            + ["minimal", "reference"].map { Self.root.appendingPathComponent("examples/\($0)/stamp.yaml") }
        var covered: Set<Release> = []
        for questionnaire in questionnaires {
            let answers = try QuestionnaireLoader().load(contentsOf: questionnaire.path).answers
            covered.formUnion(answers.instances.map(\.release))
        }
        XCTAssertEqual(
            covered, Set(Release.allCases),
            "releases no example or variant runs: \(Set(Release.allCases).subtracting(covered))")
    }

    private func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}

/// A short line diff: the first lines that differ, with their numbers.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for index in 0..<max(left.count, right.count) where lines.count < 20 {
        let l = index < left.count ? String(left[index]) : "<none>"
        let r = index < right.count ? String(right[index]) : "<none>"
        if l != r { lines.append("line \(index + 1):\n- \(l)\n+ \(r)") }
    }
    return lines.joined(separator: "\n")
}
