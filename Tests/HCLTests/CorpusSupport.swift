import Foundation

/// One corpus case: `NAME.input.tf` and `NAME.expected.tf`, where the expected text is what
/// `terraform fmt -` (1.0.3) wrote for the input.
struct CorpusCase: Sendable, CustomStringConvertible {
    let name: String
    let inputURL: URL
    let input: String
    let expected: String

    var description: String { name }

    static let directory: URL = Bundle.module.url(forResource: "Corpus", withExtension: nil)!

    static func all() -> [CorpusCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".input.tf") }.sorted().map { file in
            let name = String(file.dropLast(".input.tf".count))
            let inputURL = directory.appendingPathComponent(file)
            let expectedURL = directory.appendingPathComponent(name + ".expected.tf")
            return CorpusCase(
                name: name,
                inputURL: inputURL,
                input: read(inputURL),
                expected: read(expectedURL))
        }
    }

    /// Reads bytes as-is: `String(contentsOf:)` would be fine too, but decoding the raw data keeps
    /// CRLF and a missing final newline exactly as checked in.
    private static func read(_ url: URL) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "<missing \(url.lastPathComponent)>"
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A readable line diff for failure messages. Lines are split on "\n" only so CR characters and
/// trailing spaces stay visible (rendered with `debugDescription`).
func lineDiff(expected: String, actual: String) -> String {
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report: [String] = []
    for index in 0..<max(want.count, got.count) {
        let left = index < want.count ? String(want[index]) : nil
        let right = index < got.count ? String(got[index]) : nil
        guard left != right else { continue }
        report.append("line \(index + 1):")
        report.append("  - expected: \(left?.debugDescription ?? "<none>")")
        report.append("  + actual:   \(right?.debugDescription ?? "<none>")")
        if report.count >= 30 {
            report.append("  ...")
            break
        }
    }
    return report.joined(separator: "\n")
}
