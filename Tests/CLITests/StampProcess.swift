import Foundation
import XCTest

/// Runs the built `stamp` binary as a user would and captures what it prints.
struct StampProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `$STAMP_BINARY`, else the `stamp` built with these tests (the test target depends on
    /// it), next to the test bundle in the build's products directory.
    static var binary: URL {
        get throws {
            let url =
                ProcessInfo.processInfo.environment["STAMP_BINARY"].map { URL(fileURLWithPath: $0) }
                ?? productsDirectory.appendingPathComponent("stamp")
            guard FileManager.default.isExecutableFile(atPath: url.path) else {
                throw MissingBinary(path: url.path)
            }
            return url
        }
    }

    /// Where SwiftPM put the products of this build (as swift-argument-parser's test helpers find it).
    static var productsDirectory: URL {
        #if os(macOS)
            if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
                return bundle.bundleURL.deletingLastPathComponent()
            }
        #endif
        return Bundle.main.bundleURL
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var path: String
        var description: String { "no stamp binary at \(path): `swift test` builds it with the CLI tests" }
    }

    static func run(
        _ arguments: [String], in directory: URL, executable: URL? = nil, environment: [String: String] = [:],
        input: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = try executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        // Read before waiting so a full pipe never blocks the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A fresh temporary directory, removed by the test's teardown.
func makeTemporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url.resolvingSymlinksInPath()
}

/// The repository's own folder, for its examples.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func listing(_ directory: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
    return (walker.allObjects as? [String] ?? []).sorted()
}
