import Foundation
import XCTest

@testable import Output

final class BlueprintCompatibilityTests: XCTestCase {
    private func manifest(_ name: String, _ version: String) -> Manifest.BlueprintReference {
        Manifest.BlueprintReference(name: name, version: version)
    }

    func testTheSameOrANewerVersionOfTheSameBlueprintIsAccepted() throws {
        let recorded = Manifest.BlueprintReference(name: "openedx-aws", version: "1.9.2")
        XCTAssertEqual(try BlueprintCompatibility(recorded: recorded, current: manifest("openedx-aws", "1.9.2")), .same)
        XCTAssertEqual(
            try BlueprintCompatibility(recorded: recorded, current: manifest("openedx-aws", "1.10.0")),
            .newer(recorded: "1.9.2", current: "1.10.0"), "versions compare by number, not text")
    }

    func testAnOlderVersionOrAnotherBlueprintIsRefused() {
        let recorded = Manifest.BlueprintReference(name: "openedx-aws", version: "1.10.0")
        XCTAssertThrowsError(try BlueprintCompatibility(recorded: recorded, current: manifest("openedx-aws", "1.9.2")))
        {
            XCTAssertTrue("\($0)".contains("generated with openedx-aws 1.10.0, newer than 1.9.2"), "\($0)")
        }
        XCTAssertThrowsError(try BlueprintCompatibility(recorded: recorded, current: manifest("acme-custom", "2.0.0")))
        {
            XCTAssertTrue("\($0)".contains("generated with the blueprint `openedx-aws`, not `acme-custom`"), "\($0)")
        }
    }
}
