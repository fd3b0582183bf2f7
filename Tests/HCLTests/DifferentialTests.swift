import Foundation
import Testing

@testable import HCL

/// Runs the real Terraform binary (path in `STAMP_TERRAFORM`) on every corpus input and on
/// re-indented variants of them, and requires the formatter to match it byte for byte. A missing
/// binary is a failure, not a skip: without it nothing proves the corpus is still the truth.
@Suite("Differential against terraform fmt")
struct DifferentialTests {
    @Test("matches `terraform fmt -` on every corpus input", arguments: CorpusCase.all())
    func matchesBinary(_ item: CorpusCase) throws {
        let terraform = try #require(Terraform.fromEnvironment(), Terraform.missingMessage)
        let fromBinary = try terraform.format(contentsOf: item.inputURL)
        let ours = try HCLFormatter().format(item.input)
        if ours != fromBinary {
            Issue.record(
                "\(item.name): formatter differs from terraform fmt\n\(lineDiff(expected: fromBinary, actual: ours))")
        }
        if item.expected != fromBinary {
            Issue.record(
                "\(item.name): checked-in expected file is stale; regenerate it with terraform fmt -")
        }
    }

    /// Re-indenting lines and padding line ends keeps any file valid HCL, so each variant must
    /// still format exactly as Terraform formats it.
    @Test("matches `terraform fmt -` on re-indented variants", arguments: CorpusCase.all())
    func matchesBinaryOnMangledInput(_ item: CorpusCase) throws {
        let terraform = try #require(Terraform.fromEnvironment(), Terraform.missingMessage)
        var mangler = Mangler(seed: UInt64(item.name.utf8.reduce(17) { $0 &* 31 &+ Int($1) }.magnitude))
        let mangled = mangler.reindent(item.input)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hcl-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(item.name).tf")
        try Data(mangled.utf8).write(to: file)

        let fromBinary = try terraform.format(contentsOf: file)
        let ours = try HCLFormatter().format(mangled)
        if ours != fromBinary {
            Issue.record(
                "\(item.name) (re-indented): formatter differs from terraform fmt\n\(lineDiff(expected: fromBinary, actual: ours))"
            )
        }
    }
}

struct Terraform {
    static let missingMessage: Comment = """
        STAMP_TERRAFORM is not set: the differential test needs the Terraform 1.0.3 binary. \
        Run `make test`, or set STAMP_TERRAFORM=/path/to/terraform.
        """

    let path: String

    static func fromEnvironment() -> Terraform? {
        guard let path = ProcessInfo.processInfo.environment["STAMP_TERRAFORM"], !path.isEmpty else { return nil }
        return Terraform(path: path)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `terraform fmt -` with the file as standard input, so large inputs cannot deadlock a pipe.
    func format(contentsOf file: URL) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(description: "STAMP_TERRAFORM=\(path) is not an executable file")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["fmt", "-no-color", "-"]
        process.standardInput = try FileHandle(forReadingFrom: file)
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "terraform fmt failed on \(file.lastPathComponent) "
                    + "(status \(process.terminationStatus)): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Deterministic whitespace damage: random indentation (spaces or tabs) and trailing blanks.
struct Mangler {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed | 1
    }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func reindent(_ source: String) -> String {
        var lines: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            var body = Substring(line)
            while let first = body.first, first == " " || first == "\t" { body = body.dropFirst() }
            let indent = next(4) == 0 ? String(repeating: "\t", count: next(3)) : String(repeating: " ", count: next(9))
            // A heredoc introducer must be followed directly by its newline.
            let trailing = next(5) == 0 && !body.contains("<<") ? "  " : ""
            if body.hasSuffix("\r") {
                lines.append(indent + body.dropLast() + trailing + "\r")
            } else {
                lines.append(indent + body + trailing)
            }
        }
        return lines.joined(separator: "\n")
    }
}
