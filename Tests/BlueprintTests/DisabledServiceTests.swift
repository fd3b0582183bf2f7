import StampKit
import XCTest

/// SPEC §6: a disabled service leaves no file, module call, reference or output behind
/// (tf-validate proves the references resolve; this proves nothing is left over).
final class DisabledServiceTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func render(_ change: (inout Answers.Services) -> Void) throws -> FileSet {
        var answers = try QuestionnaireLoader()
            .load(contentsOf: Self.root.appendingPathComponent("examples/reference/stamp.yaml").path).answers
        change(&answers.services)
        return try BlueprintRenderer().render(try Planner().plan(answers), with: try BlueprintLoader().builtIn())
    }

    /// Every on/off service, from the enum: a new one is tested here without a new line.
    private let switches: [(module: String, off: (inout Answers.Services) -> Void)] = Service.allCases
        .filter { $0.values == .onOff }.map { service in (service.rawValue, { $0[isOn: service] = false }) }

    func testEveryServiceModuleIsGeneratedWhenOn() throws {
        let files = try render { _ in }
        for (module, _) in switches {
            XCTAssertTrue(files.paths.contains("terraform/modules/\(module)/main.tf"), module)
            XCTAssertTrue(files.paths.contains("terraform/environments/staging/\(module).tf"), module)
            XCTAssertTrue(files.files.contains { $0.contents.contains("module.\(module).") }, module)
        }
    }

    func testADisabledServiceLeavesNothingBehind() throws {
        for (module, off) in switches {
            let files = try render(off)
            let leftovers = files.paths.filter {
                $0.hasPrefix("terraform/modules/\(module)/") || $0.hasSuffix("/\(module).tf")
            }
            XCTAssertEqual(leftovers, [], "\(module) off")
            for file in files.files where file.path.hasPrefix("terraform/") {
                XCTAssertFalse(file.contents.contains("module.\(module)."), "\(file.path) refers to module.\(module)")
                XCTAssertFalse(file.contents.contains("modules/\(module)\""), "\(file.path) calls modules/\(module)")
            }
        }
    }

    /// External MongoDB keeps the module for its connection-string secret only: no member,
    /// volume, keyfile, TLS material or snapshot policy.
    func testExternalMongoDBLeavesNoReplicaSetBehind() throws {
        let files = try render { $0.mongodb = .external }
        XCTAssertFalse(files.paths.contains("terraform/modules/mongodb/templates/user_data.sh.tftpl"))
        for file in files.files where file.path.hasPrefix("terraform/") && file.path.contains("mongodb") {
            for leftover in [
                "aws_instance\" \"this\"", "aws_dlm_lifecycle_policy", "mongodb/keyfile", "mongodb/tls",
                "ca_certificate_parameter_name",
            ] {
                XCTAssertFalse(file.contents.contains(leftover), "\(file.path) still has \(leftover)")
            }
        }
        XCTAssertTrue(files.files.contains { $0.contents.contains("mongodb/connection") })
    }

    /// Every service is on/off (tested above) or has modes, and MongoDB is the one with modes
    /// (tested above with each mode): a service with new modes needs its own test here.
    func testEveryServiceIsCovered() throws {
        XCTAssertEqual(switches.count + 1, Service.allCases.count)
        XCTAssertEqual(Service.allCases.filter { $0.values != .onOff }, [.mongodb])
        XCTAssertEqual(Set(switches.map(\.module)).count, switches.count)
    }

    func testWithoutCloudFrontNoUSEast1ProviderOrCDNHostIsLeft() throws {
        let files = try render { $0.cloudfront = false }
        for file in files.files where file.path.hasPrefix("terraform/environments/") {
            XCTAssertFalse(file.contents.contains("aws.us_east_1"), file.path)
            XCTAssertFalse(file.contents.contains("cdn."), file.path)
        }
    }
}
