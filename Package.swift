// swift-tools-version: 6.0
import PackageDescription

// One target per pipeline stage; imports point one way only:
// Questionnaire, BlueprintData -> Planning -> Blueprint (+ HCL, GeneratedFiles) -> StampKit -> StampCLI -> stamp;
// Output (GeneratedFiles -> Output) writes, compares and merges repositories without knowing blueprints.
let package = Package(
    name: "stamp",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "StampKit", targets: ["StampKit"]),
        .executable(name: "stamp", targets: ["stamp"]),
    ],
    dependencies: [
        // Exact versions: the local mirror holds these and only these (Package.resolved is
        // ignored, its revisions being the mirror's, not upstream's).
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .target(name: "Questionnaire", dependencies: ["Yams"]),
        .target(name: "BlueprintData", dependencies: ["Yams"]),
        .target(name: "GeneratedFiles"),
        .target(
            name: "Planning",
            dependencies: ["Questionnaire", "BlueprintData", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "HCL"),
        .target(
            name: "Blueprint",
            dependencies: [
                "Questionnaire", "BlueprintData", "Planning", "GeneratedFiles", "HCL", "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedBlueprints"]
        ),
        .target(name: "Output", dependencies: ["GeneratedFiles", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "StampKit",
            dependencies: [
                "Questionnaire", "BlueprintData", "Planning", "GeneratedFiles", "Blueprint", "Output", "Yams",
            ]),
        .target(
            name: "StampCLI",
            dependencies: ["StampKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "stamp", dependencies: ["StampCLI"]),

        // Embeds blueprints/ into the Blueprint target as Swift string literals, so a copied
        // `stamp` binary carries its blueprint (SwiftPM resources do not travel with a binary on Linux).
        .executableTarget(name: "BlueprintEmbedder", dependencies: ["BlueprintData"]),
        .plugin(name: "EmbedBlueprints", capability: .buildTool(), dependencies: ["BlueprintEmbedder"]),

        .testTarget(name: "QuestionnaireTests", dependencies: ["Questionnaire"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "BlueprintData"]),
        .testTarget(name: "HCLTests", dependencies: ["HCL"], resources: [.copy("Corpus")]),
        // Snapshot folders are read by path from the source tree, not bundled.
        .testTarget(
            name: "BlueprintTests", dependencies: ["Blueprint", "StampKit", "HCL", "Yams"],
            exclude: ["Contexts", "StatefulAddresses"]),
        .testTarget(name: "OutputTests", dependencies: ["Output", "GeneratedFiles"]),
        // The CLI tests run the `stamp` this build made, found next to the test bundle.
        .testTarget(name: "CLITests", dependencies: ["StampKit", "stamp"], exclude: ["Help"]),
        .testTarget(name: "ExamplesTests", dependencies: ["StampKit"]),
    ]
)
