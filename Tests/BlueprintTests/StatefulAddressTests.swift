import Foundation
import StampKit
import XCTest

/// The Terraform address of every resource that holds data or identity (data stores, volumes,
/// buckets, keys, secrets, the zone, the clusters), per root, for each example. A refactor that
/// moves one (a module split, a `count` added) would make Terraform destroy and recreate it in
/// every deployed platform, so a change here must be deliberate, with `moved` blocks. After
/// such a change: `RECORD_ADDRESSES=1 swift test --filter StatefulAddressTests`.
final class StatefulAddressTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("StatefulAddresses")

    static let statefulTypes: Set<String> = [
        "aws_kms_key", "aws_s3_bucket", "aws_rds_cluster", "aws_rds_cluster_instance",
        "aws_elasticache_replication_group",
        "aws_opensearch_domain", "aws_ebs_volume", "aws_instance", "aws_route53_zone", "aws_secretsmanager_secret",
        "aws_ecr_repository", "aws_eks_cluster", "aws_cloudwatch_log_group",
    ]

    /// `resource "T" "N" {` and `module "M" {` blocks at column 0 of formatted files, with their
    /// `count` / `for_each` (as `[count]` / `[each]`) and a module's `source`.
    struct Block {
        var kind: String
        var labels: [String]
        var repetition = ""
        var source: String?
    }

    static func blocks(in text: String) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("resource \"") || line.hasPrefix("module \""), line.hasSuffix("{") {
                let kind = String(line.prefix { $0 != " " })
                let labels = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map {
                    String($0.element)
                }
                current = Block(kind: kind, labels: labels)
            } else if line == "}", let block = current {
                blocks.append(block)
                current = nil
            } else if current != nil, line.hasPrefix("  "), !line.hasPrefix("   ") {
                let trimmed = line.dropFirst(2)
                if trimmed.hasPrefix("count ") || trimmed.hasPrefix("count=") { current?.repetition = "[count]" }
                if trimmed.hasPrefix("for_each ") { current?.repetition = "[each]" }
                if trimmed.hasPrefix("source ") {
                    current?.source = trimmed.split(separator: "\"").dropFirst().first.map(String.init)
                }
            }
        }
        return blocks
    }

    /// Every stateful address, `<root>: module.M[each].T.N[count]`, sorted.
    static func addresses(_ files: FileSet) -> [String] {
        func folder(_ path: String) -> String { path.split(separator: "/").dropLast().joined(separator: "/") }
        var byFolder: [String: [Block]] = [:]
        for file in files.files where file.path.hasSuffix(".tf") {
            byFolder[folder(file.path), default: []] += blocks(in: file.contents)
        }
        var addresses: [String] = []
        for (root, blocks) in byFolder where root.hasPrefix("terraform/") && !root.hasPrefix("terraform/modules/") {
            for block in blocks where block.kind == "resource" && statefulTypes.contains(block.labels[0]) {
                addresses.append("\(root): \(block.labels[0]).\(block.labels[1])\(block.repetition)")
            }
            for call in blocks where call.kind == "module" {
                guard let source = call.source else { continue }
                var components = root.split(separator: "/").map(String.init)
                for part in source.split(separator: "/") {
                    if part == ".." { components.removeLast() } else if part != "." { components.append(String(part)) }
                }
                let modulePath = components.joined(separator: "/")
                for block in byFolder[modulePath] ?? []
                where block.kind == "resource" && statefulTypes.contains(block.labels[0]) {
                    addresses.append(
                        "\(root): module.\(call.labels[0])\(call.repetition).\(block.labels[0]).\(block.labels[1])\(block.repetition)"
                    )
                }
            }
        }
        return addresses.sorted()
    }

    func testStatefulAddressesOfEachExampleAreUnchanged() throws {
        let record = ProcessInfo.processInfo.environment["RECORD_ADDRESSES"] == "1"
        let blueprint = try BlueprintLoader().builtIn()
        for example in ["minimal", "reference"] {
            let answers = try QuestionnaireLoader()
                .load(contentsOf: Self.root.appendingPathComponent("examples/\(example)/stamp.yaml").path).answers
            let files = try BlueprintRenderer().render(try Planner().plan(answers), with: blueprint)
            let addresses = Self.addresses(files)
            XCTAssertTrue(
                addresses.contains { $0.contains("aws_rds_cluster.this") }, "\(example): the scan finds modules")
            let text = addresses.joined(separator: "\n") + "\n"
            let file = Self.snapshots.appendingPathComponent("\(example).txt")
            if record {
                try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let recorded = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
            XCTAssertEqual(
                Set(addresses).subtracting(recorded).sorted(), [], "\(example): new or moved stateful addresses")
            XCTAssertEqual(
                Set(recorded).subtracting(addresses).sorted(), [], "\(example): stateful addresses gone or moved")
        }
    }
}
