import BlueprintData
import Foundation
import Questionnaire
import XCTest

@testable import Blueprint

/// The workflows install exactly what the blueprint's Tutor table locks.
final class TutorTableTests: XCTestCase {
    private func row(_ requirements: [String]) -> TutorRelease {
        .init(version: "22.0.3", plugins: ["tutor-forum": "22.0.0"], constraints: nil, requirements: requirements)
    }

    private func table(_ verawood: TutorRelease) -> [String: TutorRelease] {
        var table = Dictionary(
            uniqueKeysWithValues: Release.allCases.map { ($0.rawValue, row(["tutor==22.0.3", "tutor-forum==22.0.0"])) })
        table["verawood"] = verawood
        return table
    }

    func testTheBuiltInTableLocksEveryReleaseExactly() throws {
        let table = try BlueprintLoader().builtIn().manifest.tutor ?? [:]
        XCTAssertEqual(Set(table.keys), Set(Release.allCases.map(\.rawValue)))
        for (release, row) in table {
            XCTAssertTrue(row.requirements.contains("tutor==\(row.version)"), release)
            XCTAssertTrue(row.requirements.allSatisfy { TutorTableCheck.pin($0) != nil }, release)
            XCTAssertGreaterThan(
                row.requirements.count, 10, "\(release): the lock holds every dependency, not only Tutor")
        }
    }

    func testRangesURLsMissingPinsAndMissingReleasesAreRefused() {
        XCTAssertNoThrow(
            try TutorTableCheck(table: table(row(["tutor==22.0.3", "tutor-forum==22.0.0", "click==8.4.0"]))).check())
        let cases: [(TutorRelease?, String)] = [
            (row(["tutor>=22,<23", "tutor-forum==22.0.0"]), "`tutor>=22,<23` is not an exact name==version pin"),
            (
                row(["tutor==22.0.3", "tutor-contrib-harmony @ git+https://github.com/openedx/openedx-k8s-harmony.git"]
                ),
                "is not an exact name==version pin"
            ),
            (row(["tutor==22.0.2", "tutor-forum==22.0.0"]), "does not pin tutor==22.0.3 (run scripts/lock-tutor)"),
            (row(["tutor==22.0.3"]), "does not pin tutor-forum==22.0.0"),
            (nil, "the tutor table has no row for release verawood"),
        ]
        for (verawood, message) in cases {
            var rows = table(row([]))
            rows["verawood"] = verawood
            XCTAssertThrowsError(try TutorTableCheck(table: rows).check()) { error in
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }
}
