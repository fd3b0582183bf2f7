import XCTest

@testable import Planning

final class AWSNamerTests: XCTestCase {
    /// The longest names the questionnaire allows: project 16, environment 10, instance 12.
    private let project = "abcdefghijklmnop"
    private let environment = "production"
    private let instance = "abcdefghij-k"
    private var namer: AWSNamer { AWSNamer(project: project, accountID: "000123456789", region: "ap-southeast-4") }

    func testPerEnvironmentNamesFitTheirServicesWithMaximumInputs() {
        let cases: [(String, NameLimit)] = [
            (namer.name([environment]), .openSearchDomain),
            (namer.name([environment]), .elastiCache),
            (namer.name([environment]), .loadBalancer),
            (namer.name([environment, "ingress"], limit: .targetGroup), .targetGroup),
            (namer.name([environment]), .rdsCluster),
            (namer.name([environment, instance, "workload"], limit: .iamRole), .iamRole),
            (namer.name(["github", "deploy"], limit: .iamRole), .iamRole),
        ]
        for (name, limit) in cases {
            XCTAssertLessThanOrEqual(name.count, limit.maxLength, "\(limit.service): \(name)")
            XCTAssertFalse(name.contains("--"), name)
            XCTAssertFalse(name.hasSuffix("-"), name)
        }
    }

    func testBucketsFitAndAreUniquePerAccountAndRegion() {
        for purpose in ["public", "private", "backups", "logs", "tfstate"] {
            let name = namer.bucket([environment, instance, purpose])
            XCTAssertLessThanOrEqual(name.count, 63, name)
            XCTAssertNotNil(name.range(of: "^[a-z0-9][a-z0-9-]*[a-z0-9]$", options: .regularExpression), name)
        }
        let other = AWSNamer(project: project, accountID: "000123456789", region: "eu-west-1")
        XCTAssertNotEqual(namer.bucket(["tfstate"]), other.bucket(["tfstate"]))
        XCTAssertEqual(namer.bucket(["tfstate"]), namer.bucket(["tfstate"]), "stable across runs")
    }

    func testTooLongNamesAreCutWithAStableHashAndNeverEndInASeparator() {
        let long = namer.name([environment, instance, "a-very-long-purpose"], limit: .openSearchDomain)
        XCTAssertEqual(long.count, 28)
        XCTAssertFalse(long.contains("--"))
        XCTAssertNotEqual(
            long, namer.name([environment, instance, "a-very-long-purpose-2"], limit: .openSearchDomain),
            "two long names that share a prefix stay distinct")
        // A cut that lands just after a `-` drops it rather than leaving `--` or a trailing `-`.
        let cut = AWSNamer.fit("abcdefghijklmnopqrs-tuvwxyz-0123456789", limit: NameLimit(service: "x", maxLength: 28))
        XCTAssertEqual(cut.count <= 28, true)
        XCTAssertFalse(cut.contains("--"), cut)
    }

    func testDatabaseIdentifiersUseUnderscoresAndFitMySQLLimits() {
        let database = AWSNamer.databaseIdentifier([instance, "openedx"], limit: .mysqlDatabase)
        let user = AWSNamer.databaseIdentifier([instance, "openedx"], limit: .mysqlUser)
        XCTAssertEqual(database, "abcdefghij_k_openedx")
        XCTAssertLessThanOrEqual(user.count, 32)
        XCTAssertFalse(database.contains("-"))
    }
}
