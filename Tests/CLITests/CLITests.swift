import Foundation
import XCTest

final class CLITests: XCTestCase {
    private var reference: URL { packageRoot.appendingPathComponent("examples/reference/stamp.yaml") }

    func testHelpOnEveryCommand() throws {
        let directory = try makeTemporaryDirectory(self)
        let root = try StampProcess.run(["--help"], in: directory)
        XCTAssertEqual(root.status, 0)
        XCTAssertTrue(root.stdout.contains("USAGE: stamp <subcommand>"), root.stdout)
        for command in ["init", "validate", "generate", "explain", "diff", "check", "update", "blueprint"] {
            XCTAssertTrue(root.stdout.contains(command), "\(command) missing from help")
        }
        for command in [
            ["init"], ["validate"], ["generate"], ["explain"], ["diff"], ["check"], ["update"],
            ["blueprint", "export"],
        ] {
            let result = try StampProcess.run(command + ["--help"], in: directory)
            XCTAssertEqual(result.status, 0, command.joined(separator: " "))
            XCTAssertTrue(result.stdout.contains("USAGE: stamp \(command.joined(separator: " "))"), result.stdout)
            XCTAssertEqual(result.stderr, "")
        }
        XCTAssertTrue(try StampProcess.run(["generate", "--help"], in: directory).stdout.contains("--dry-run"))
    }

    /// `--help` of every command, exactly: a changed option or description shows in review.
    /// After an intended change: `for c in ...; do COLUMNS=100 stamp $c --help > Tests/CLITests/Help/<c>.txt`.
    func testHelpTextsMatchTheirSnapshots() throws {
        let directory = try makeTemporaryDirectory(self)
        let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Help")
        let names = try FileManager.default.contentsOfDirectory(atPath: snapshots.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        XCTAssertEqual(
            names,
            [
                "blueprint-export.txt", "check.txt", "diff.txt", "explain.txt", "generate.txt", "init.txt", "stamp.txt",
                "update.txt", "validate.txt",
            ])
        for name in names {
            let command = name == "stamp.txt" ? [] : name.dropLast(4).split(separator: "-").map(String.init)
            let result = try StampProcess.run(command + ["--help"], in: directory, environment: ["COLUMNS": "100"])
            let expected = try String(contentsOf: snapshots.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(result.stdout, expected, "stamp \(command.joined(separator: " ")) --help changed")
        }
    }

    func testUsageErrorsExitTwo() throws {
        let directory = try makeTemporaryDirectory(self)
        let unknown = try StampProcess.run(["frobnicate"], in: directory)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("Unexpected argument 'frobnicate'"), unknown.stderr)
        let badFlag = try StampProcess.run(["generate", "--colour"], in: directory)
        XCTAssertEqual(badFlag.status, 2)
        XCTAssertEqual(badFlag.stdout, "")
    }

    func testMissingQuestionnaireIsAnIOFailure() throws {
        let directory = try makeTemporaryDirectory(self)
        let result = try StampProcess.run(["validate"], in: directory)
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.contains("stamp.yaml"), result.stderr)
    }

    /// Two processes hash with different seeds, so dictionary order differs between them: the
    /// same answers must still give the same bytes (one process could not show it).
    func testGeneratingInTwoProcessesIsByteIdentical() throws {
        let directory = try makeTemporaryDirectory(self)
        for output in ["one", "two"] {
            let result = try StampProcess.run(
                ["generate", "--answers", reference.path, "--output", output], in: directory)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertNil(ProcessInfo.processInfo.environment["SWIFT_DETERMINISTIC_HASHING"], "hashing must be seeded")
        }
        let one = try files(in: directory.appendingPathComponent("one"))
        let two = try files(in: directory.appendingPathComponent("two"))
        XCTAssertGreaterThan(one.count, 100)
        XCTAssertEqual(one.keys.sorted(), two.keys.sorted())
        for (path, bytes) in one where bytes != two[path] {
            XCTFail("\(path) differs between two generations")
        }
    }

    private func files(in folder: URL) throws -> [String: Data] {
        let paths = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        var found: [String: Data] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found[path] = try Data(contentsOf: url)
            }
        }
        return found
    }

    /// Staging at medium size takes a NAT gateway per zone: 3 + 3 Elastic IPs, above AWS's default of 5.
    func testValidateWarnsAboutQuotasBeyondAWSDefaults() throws {
        let directory = try makeTemporaryDirectory(self)
        let yaml = try String(contentsOf: reference, encoding: .utf8)
            .replacingOccurrences(
                of: "size: small\n    availability_zones: 2", with: "size: medium\n    availability_zones: 3")
        try yaml.write(to: directory.appendingPathComponent("stamp.yaml"), atomically: true, encoding: .utf8)
        let result = try StampProcess.run(["validate"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains(
                "stamp.yaml: warning: aws.region: Elastic IP addresses (one per NAT gateway): this repository needs 6, "
                    + "AWS's default is 5; raise it in Service Quotas before the first apply"), result.stderr)
        let unchanged = try StampProcess.run(["validate", "--answers", reference.path], in: directory)
        XCTAssertEqual(unchanged.stderr, "", "the reference fits the defaults")
    }

    func testInvalidQuestionnaireExitsTwoWithEveryProblemAndWritesNothing() throws {
        let directory = try makeTemporaryDirectory(self)
        let yaml = try String(contentsOf: reference, encoding: .utf8)
            .replacingOccurrences(of: "size: small", with: "size: smal")
            .replacingOccurrences(of: "region: us-east-1", with: "region: us-east-9")
        try yaml.write(to: directory.appendingPathComponent("stamp.yaml"), atomically: true, encoding: .utf8)
        for command in [["validate"], ["generate", "--output", "out"], ["explain"]] {
            let result = try StampProcess.run(command, in: directory)
            XCTAssertEqual(result.status, 2, command.joined(separator: " "))
            XCTAssertEqual(
                result.stderr,
                """
                stamp.yaml:8:11: error: aws.region: `us-east-9` is not a commercial AWS region that stamp knows (did you mean `us-east-1`?)
                stamp.yaml:24:11: error: environments.staging.size: `smal` is not a size preset; allowed: small, medium, large, xlarge (did you mean `small`?)

                """)
            XCTAssertEqual(result.stdout, "")
        }
        XCTAssertEqual(listing(directory), ["stamp.yaml"], "nothing may be written")
    }

    func testGenerateThenRefuseEditedFilesThenForce() throws {
        let directory = try makeTemporaryDirectory(self)
        let first = try StampProcess.run(["generate", "--answers", reference.path, "--output", "infra"], in: directory)
        XCTAssertEqual(first.status, 0, first.stderr)
        let root = directory.appendingPathComponent("infra")
        for path in [
            "README.md", ".stamp/manifest.json", ".stamp/answers.yaml", "terraform/bootstrap/main.tf",
            "terraform/modules/vpc/main.tf", "terraform/environments/staging/main.tf",
        ] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), path)
        }
        let again = try StampProcess.run(["generate", "--answers", reference.path, "--output", "infra"], in: directory)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("unchanged"), again.stdout)

        let readme = root.appendingPathComponent("README.md")
        try "my notes\n".write(to: readme, atomically: true, encoding: .utf8)
        let refused = try StampProcess.run(
            ["generate", "--answers", reference.path, "--output", "infra"], in: directory)
        XCTAssertEqual(refused.status, 3)
        XCTAssertTrue(refused.stderr.contains("README.md"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: readme, encoding: .utf8), "my notes\n", "the edit survives a refusal")

        let forced = try StampProcess.run(
            ["generate", "--answers", reference.path, "--output", "infra", "--force"], in: directory)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertNotEqual(try String(contentsOf: readme, encoding: .utf8), "my notes\n")
    }

    func testRefusesAForeignDirectoryAndDryRunWritesNothing() throws {
        let directory = try makeTemporaryDirectory(self)
        let target = directory.appendingPathComponent("infra")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try "mine\n".write(to: target.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let refused = try StampProcess.run(
            ["generate", "--answers", reference.path, "--output", "infra"], in: directory)
        XCTAssertEqual(refused.status, 3)
        XCTAssertTrue(refused.stderr.contains("not generated by stamp"), refused.stderr)
        XCTAssertEqual(listing(target), ["notes.txt"])

        let dryRun = try StampProcess.run(
            ["generate", "--answers", reference.path, "--output", "fresh", "--dry-run"], in: directory)
        XCTAssertEqual(dryRun.status, 0, dryRun.stderr)
        XCTAssertTrue(dryRun.stdout.contains("create  terraform/global/main.tf"), dryRun.stdout)
        XCTAssertTrue(dryRun.stdout.contains("dry run, nothing written"), dryRun.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("fresh").path))
    }

    func testInitWritesAValidQuestionnaireAndNeverOverwrites() throws {
        let directory = try makeTemporaryDirectory(self)
        let created = try StampProcess.run(["init", "--no-input"], in: directory)
        XCTAssertEqual(created.status, 0, created.stderr)
        let validated = try StampProcess.run(["validate"], in: directory)
        XCTAssertEqual(validated.status, 0, validated.stderr)
        XCTAssertTrue(validated.stdout.contains("ok"), validated.stdout)

        let path = directory.appendingPathComponent("stamp.yaml")
        try "version: 1 # mine\n".write(to: path, atomically: true, encoding: .utf8)
        let again = try StampProcess.run(["init", "--no-input"], in: directory)
        XCTAssertEqual(again.status, 3)
        XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
        XCTAssertEqual(try String(contentsOf: path, encoding: .utf8), "version: 1 # mine\n")
        XCTAssertEqual(try StampProcess.run(["init", "--no-input", "--force"], in: directory).status, 0)
        XCTAssertEqual(try StampProcess.run(["validate"], in: directory).status, 0)
    }

    /// On a terminal `init` asks, shows defaults, and asks again until an answer passes the rules.
    func testInitAsksOnATerminalUntilAnswersAreValid() throws {
        let directory = try makeTemporaryDirectory(self)
        let answers = ["Demo", "demo", "", "", "", "learn.demo.org", "", "9", "2"].joined(separator: "\n") + "\n"
        try answers.write(to: directory.appendingPathComponent("answers.txt"), atomically: true, encoding: .utf8)
        // `script` (util-linux, in every Debian) gives stamp a pseudo-terminal.
        let result = try StampProcess.run(
            ["-qec", "\(try StampProcess.binary.path) init", "/dev/null"], in: directory,
            executable: URL(fileURLWithPath: "/usr/bin/script"), input: directory.appendingPathComponent("answers.txt"))
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("Project name (3-16 of a-z, 0-9, -) [openedx]:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("`Demo` is not a valid project name"), result.stdout)
        XCTAssertTrue(result.stdout.contains("`9` is not an allowed number of availability zones"), result.stdout)
        let yaml = try String(contentsOf: directory.appendingPathComponent("stamp.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("name: demo "), yaml)
        XCTAssertTrue(yaml.contains("domain: learn.demo.org "), yaml)
        XCTAssertTrue(yaml.contains("availability_zones: 2 "), yaml)
        XCTAssertEqual(try StampProcess.run(["validate"], in: directory).status, 0)
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    func testErrorsAreColouredOnlyOnATerminalWithoutNoColor() throws {
        let directory = try makeTemporaryDirectory(self)
        try "version: 2\n".write(to: directory.appendingPathComponent("stamp.yaml"), atomically: true, encoding: .utf8)
        let script = URL(fileURLWithPath: "/usr/bin/script")
        let command = ["-qec", "\(try StampProcess.binary.path) validate", "/dev/null"]
        let coloured = try StampProcess.run(command, in: directory, executable: script, environment: ["NO_COLOR": ""])
        XCTAssertTrue(coloured.stdout.contains("\u{1B}[31merror:\u{1B}[0m"), coloured.stdout)
        let plain = try StampProcess.run(command, in: directory, executable: script, environment: ["NO_COLOR": "1"])
        XCTAssertFalse(plain.stdout.contains("\u{1B}["), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("error: version:"), plain.stdout)
        let piped = try StampProcess.run(["validate"], in: directory, environment: ["NO_COLOR": ""])
        XCTAssertFalse(piped.stderr.contains("\u{1B}["), piped.stderr)
        XCTAssertEqual(piped.status, 2)
    }

    func testExplainShowsSubnetsHostsAndSizes() throws {
        let directory = try makeTemporaryDirectory(self)
        let result = try StampProcess.run(["explain", "--answers", reference.path], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        for expected in [
            "Apply order: bootstrap, global, staging, production",
            "public       us-east-1a  10.0.192.0/22", "application  us-east-1b  10.0.32.0/19",
            "courses.staging.learn.acme.edu", "studio.courses.learn.acme.edu",
            "EKS nodes      m7i.xlarge, min 3 / desired 3 / max 9", "Aurora MySQL   db.t4g.medium, writer + 0 readers",
            "3 NAT gateways", "1 NAT gateway",
            "main: courses.staging.learn.acme.edu, studio.courses.staging.learn.acme.edu, apps.courses.staging.learn.acme.edu, meilisearch.courses.staging.learn.acme.edu (us-east-1, load balancer)",
            "labs: cdn.labs.staging.learn.acme.edu (us-east-1, CloudFront)",
            "acme-staging-logs-b3e23f54          access logs",
            "acme-staging-labs-private-b3e23f54  labs: uploads, reports, exports (pre-signed URLs only)",
            "acme-production-main-public-b3e23f54   main: public assets, served at cdn.courses.learn.acme.edu",
        ] {
            XCTAssertTrue(result.stdout.contains(expected), "missing \(expected) in\n\(result.stdout)")
        }
    }

    /// The JSON plan is what the real-clients stage seeds AWS from: its names must be the plan's.
    func testExplainJSONHoldsThePlan() throws {
        let directory = try makeTemporaryDirectory(self)
        let result = try StampProcess.run(["explain", "--answers", reference.path, "--format", "json"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["apply_order"] as? [String], ["staging", "production"])
        let environments = try XCTUnwrap(document["environments"] as? [[String: Any]])
        let staging = try XCTUnwrap(environments.first { $0["name"] as? String == "staging" })
        let names = try XCTUnwrap(staging["names"] as? [String: Any])
        XCTAssertEqual(names["eks_cluster"] as? String, "acme-staging")
        XCTAssertEqual(names["bastion"] as? String, "acme-staging-bastion")
        let parameters = try XCTUnwrap(staging["parameters"] as? [String: Any])
        XCTAssertEqual(parameters["aurora_writer_endpoint"] as? String, "/acme-staging/aurora/writer-endpoint")
        let deployments = try XCTUnwrap(staging["deployments"] as? [[String: Any]])
        XCTAssertEqual(deployments.compactMap { $0["instance"] as? String }, ["main", "exec", "labs"])
        let main = try XCTUnwrap(deployments.first)
        let hosts = try XCTUnwrap(main["hosts"] as? [String: Any])
        XCTAssertEqual(hosts["lms"] as? String, "courses.staging.learn.acme.edu")
        let isolation = try XCTUnwrap(main["isolation"] as? [String: Any])
        XCTAssertEqual(isolation["namespace"] as? String, "openedx-main")
        let zones = try XCTUnwrap((staging["network"] as? [String: Any])?["zones"] as? [[String: Any]])
        XCTAssertEqual(zones.first?["data_subnet"] as? String, "10.1.224.0/22")
        let again = try StampProcess.run(["explain", "--answers", reference.path, "--format", "json"], in: directory)
        XCTAssertEqual(again.stdout, result.stdout, "the same plan prints the same bytes")
        let bad = try StampProcess.run(["explain", "--answers", reference.path, "--format", "yaml"], in: directory)
        XCTAssertEqual(bad.status, 2)
    }

    func testExportedBlueprintGeneratesTheSameRepository() throws {
        let directory = try makeTemporaryDirectory(self)
        let export = try StampProcess.run(["blueprint", "export", "bp"], in: directory)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("bp/blueprint.yaml").path))
        XCTAssertEqual(
            try StampProcess.run(["blueprint", "export", "bp"], in: directory).status, 3, "refuses a non-empty dir")
        XCTAssertEqual(
            try StampProcess.run(["generate", "--answers", reference.path, "--output", "a"], in: directory).status, 0)
        XCTAssertEqual(
            try StampProcess.run(
                ["generate", "--answers", reference.path, "--output", "b", "--blueprint", "bp"], in: directory
            ).status, 0)
        let a = directory.appendingPathComponent("a")
        let b = directory.appendingPathComponent("b")
        XCTAssertEqual(listing(a), listing(b))
        for path in listing(a) where !path.hasPrefix(".stamp") {
            XCTAssertEqual(
                FileManager.default.contents(atPath: a.appendingPathComponent(path).path),
                FileManager.default.contents(atPath: b.appendingPathComponent(path).path), path)
        }
        let missing = try StampProcess.run(
            ["generate", "--answers", reference.path, "--blueprint", "nowhere"], in: directory)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("blueprint export"), missing.stderr)
    }

    /// The blueprint is compiled in: a copied binary works from any directory.
    func testCopiedBinaryWorksFromAnotherDirectory() throws {
        let directory = try makeTemporaryDirectory(self)
        let copy = directory.appendingPathComponent("bin/stamp")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try StampProcess.binary, to: copy)
        let result = try StampProcess.run(
            ["generate", "--answers", reference.path, "--output", "elsewhere"], in: directory, executable: copy)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("elsewhere/terraform/global/main.tf").path))
    }
}
