import GeneratedFiles
import Foundation
import XCTest

@testable import Output

/// A fresh temporary directory per test, removed afterwards.
class OutputTestCase: XCTestCase {
    var sandbox: URL!

    override func setUpWithError() throws {
        sandbox = FileManager.default.temporaryDirectory
            .appendingPathComponent("stamp-output-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: sandbox, withIntermediateDirectories: true)
        // Resolve links once (e.g. a linked /tmp), so expected paths match the writer's.
        sandbox = URL(fileURLWithPath: sandbox.resolvingSymlinksInPath().path, isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: sandbox)
    }

    func generation(_ files: [String: String], answers: String = "version: 1\n") -> Generation {
        Generation(
            files: FileSet(files.map { GeneratedFile(path: $0.key, contents: $0.value) }),
            answersYAML: answers,
            stampVersion: "0.1.0",
            blueprint: Manifest.BlueprintReference(name: "openedx-aws", version: "1"))
    }

    func text(_ url: URL, _ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    func put(_ contents: String, at path: String, in url: URL) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
    }

    /// Every entry under `url` (not following links): path -> "dir", "link -> target" or the
    /// file's text. Equal snapshots mean nothing on disk changed.
    func snapshot(_ url: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        func walk(_ directory: URL, _ prefix: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                let child = directory.appendingPathComponent(name)
                let path = prefix + name
                let type =
                    try FileManager.default.attributesOfItem(atPath: child.path)[.type] as? FileAttributeType
                switch type {
                case .typeDirectory?:
                    result[path] = "dir"
                    try walk(child, path + "/")
                case .typeSymbolicLink?:
                    result[path] =
                        "link -> " + (try FileManager.default.destinationOfSymbolicLink(atPath: child.path))
                default:
                    result[path] = String(decoding: try Data(contentsOf: child), as: UTF8.self)
                }
            }
        }
        try walk(url, "")
        return result
    }

    func assertNoStagingLeft(
        in directories: URL..., file: StaticString = #filePath, line: UInt = #line
    ) throws {
        for directory in directories where FileManager.default.fileExists(atPath: directory.path) {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            XCTAssertEqual(
                names.filter { $0.contains("stamp-staging") }, [], "in \(directory.path)", file: file,
                line: line)
        }
    }

    func assertThrows(
        _ expected: OutputError, file: StaticString = #filePath, line: UInt = #line,
        _ body: () throws -> Void
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? OutputError, expected, "\(error)", file: file, line: line)
        }
    }

    func actions(_ plan: WritePlan) -> [String: WritePlan.Action] {
        Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.path, $0.action) })
    }
}

/// Known SHA-256 digests, computed outside stamp.
enum KnownHash {
    static let hello = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"  // "hello\n"
    static let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  // ""
}

struct InjectedFailure: Error {}

extension RepositoryWriter {
    /// A writer whose move of `path` fails, to exercise the rollback.
    static func failing(at path: String) -> RepositoryWriter {
        RepositoryWriter(beforeEachMove: { if $0 == path { throw InjectedFailure() } })
    }
}
