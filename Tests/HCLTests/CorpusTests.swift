import Testing

@testable import HCL

@Suite("Corpus (expected files produced by terraform fmt 1.0.3)")
struct CorpusTests {
    @Test("corpus holds enough cases")
    func corpusIsPresent() {
        let cases = CorpusCase.all()
        #expect(cases.count >= 40, "expected at least 40 corpus cases, found \(cases.count)")
        for item in cases {
            #expect(!item.expected.hasPrefix("<missing"), "\(item.name) has no .expected.tf")
        }
    }

    @Test("formats input exactly as terraform fmt", arguments: CorpusCase.all())
    func formatsLikeTerraform(_ item: CorpusCase) throws {
        let actual = try HCLFormatter().format(item.input)
        if actual != item.expected {
            Issue.record(
                "\(item.name): output differs from terraform fmt\n\(lineDiff(expected: item.expected, actual: actual))")
        }
    }

    @Test("formatting canonical output changes nothing", arguments: CorpusCase.all())
    func isIdempotent(_ item: CorpusCase) throws {
        let again = try HCLFormatter().format(item.expected)
        if again != item.expected {
            Issue.record(
                "\(item.name): formatting the expected output changed it\n\(lineDiff(expected: item.expected, actual: again))"
            )
        }
    }
}

@Suite("Formatter details")
struct FormatterDetailTests {
    let formatter = HCLFormatter()

    @Test func appendsFinalNewlineLikeStdinMode() throws {
        #expect(try formatter.format("a = 1") == "a = 1\n")
        #expect(try formatter.format("") == "\n")
    }

    @Test func keepsCRLF() throws {
        #expect(try formatter.format("a = 1\r\nbb = 2\r\n") == "a  = 1\r\nbb = 2\r\n")
    }

    @Test func alignsByCharactersNotBytes() throws {
        let input = "x = {\n\"é\" = 1\nab = 2\n}\n"
        #expect(try formatter.format(input) == "x = {\n  \"é\" = 1\n  ab  = 2\n}\n")
    }

    @Test func leavesHeredocBodyUntouched() throws {
        let input = "a = <<EOT\n   x  =  1   \n${ y }\nEOT\n"
        #expect(try formatter.format(input) == "a = <<EOT\n   x  =  1   \n${y}\nEOT\n")
    }

    @Test func isDeterministic() throws {
        let input = CorpusCase.all().map(\.input).joined(separator: "\n")
        #expect(try formatter.format(input) == formatter.format(input))
    }
}
