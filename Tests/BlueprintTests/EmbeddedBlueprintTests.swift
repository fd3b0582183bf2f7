import XCTest

@testable import Blueprint

/// The blueprint compiled into the binary is the one in blueprints/, byte for byte.
final class EmbeddedBlueprintTests: XCTestCase {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("blueprints/openedx-aws")

    func testTheBuiltInBlueprintIsTheRepositorysBlueprint() throws {
        let builtIn = try BlueprintLoader().builtIn()
        let onDisk = try BlueprintLoader().load(directory: Self.folder.path)
        XCTAssertEqual(builtIn.files.keys.sorted(), onDisk.files.keys.sorted())
        XCTAssertTrue(builtIn.files.keys.contains("blueprint.yaml"))
        XCTAssertEqual(
            builtIn, onDisk, "rebuild after editing blueprints/ (touch blueprint.yaml if a new file is not picked up)")
    }
}

final class EmbeddedManifestTests: XCTestCase {
    /// The built-in blueprint's manifest is decoded from YAML when stamp is built and stored as
    /// JSON; it must be exactly what decoding the embedded YAML files gives.
    func testTheBuiltInManifestEqualsTheOneDecodedFromItsYAML() throws {
        let builtIn = try BlueprintLoader().builtIn()
        let fromYAML = try BlueprintLoader().blueprint(from: builtIn.files, origin: "embedded files")
        XCTAssertEqual(builtIn.manifest, fromYAML.manifest)
        XCTAssertEqual(builtIn.templates, fromYAML.templates)
        XCTAssertGreaterThan(builtIn.manifest.files.count, 100, "the parts' rules are there")
    }
}
