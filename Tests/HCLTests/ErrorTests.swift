import Testing

@testable import HCL

@Suite("Inputs that cannot be lexed")
struct ErrorTests {
    let formatter = HCLFormatter()

    private func formatError(_ source: String) -> HCLFormatError? {
        do {
            _ = try formatter.format(source)
            return nil
        } catch let error as HCLFormatError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test func unterminatedStringAtEndOfFile() throws {
        let error = try #require(formatError("a = 1\nb = \"abc"))
        #expect(error.kind == .unterminatedString)
        #expect((error.line, error.column) == (2, 5))
        #expect(error.description.hasPrefix("2:5: unterminated string"))
    }

    @Test func unterminatedStringAtEndOfLine() throws {
        let error = try #require(formatError("x {\n  a = \"abc\n  b = 1\n}\n"))
        #expect(error.kind == .unterminatedString)
        #expect((error.line, error.column) == (2, 7))
    }

    @Test func unterminatedInterpolationInsideString() throws {
        let error = try #require(formatError("a = \"${var.x\n"))
        #expect(error.kind == .unterminatedString)
        #expect((error.line, error.column) == (1, 5))
    }

    @Test func unterminatedHeredoc() throws {
        let error = try #require(formatError("locals {\n  a = <<-EOT\n    body\n  EOF\n}\n"))
        #expect(error.kind == .unterminatedHeredoc)
        #expect((error.line, error.column) == (2, 7))
        #expect(error.description.contains("EOT"))
    }

    @Test func heredocMarkerWithoutFinalNewline() throws {
        let error = try #require(formatError("a = <<EOT\nbody\nEOT"))
        #expect(error.kind == .unterminatedHeredoc)
        #expect((error.line, error.column) == (1, 5))
    }

    @Test func unclosedBrace() throws {
        let error = try #require(formatError("resource \"a\" \"b\" {\n  x = 1\n"))
        #expect(error.kind == .unbalancedBracket)
        #expect((error.line, error.column) == (1, 18))
    }

    @Test func unexpectedClosingBracket() throws {
        let error = try #require(formatError("a = [1, 2]]\n"))
        #expect(error.kind == .unbalancedBracket)
        #expect((error.line, error.column) == (1, 11))
    }

    @Test func mismatchedBrackets() throws {
        let error = try #require(formatError("a = {\n  b = [1, 2}\n}\n"))
        #expect(error.kind == .unbalancedBracket)
        #expect((error.line, error.column) == (2, 12))
        #expect(error.message.contains("2:7"))
    }

    @Test func unterminatedBlockComment() throws {
        let error = try #require(formatError("a = 1\n/* never closed\n"))
        #expect(error.kind == .unterminatedComment)
        #expect((error.line, error.column) == (2, 1))
    }

    @Test func invalidCharacter() throws {
        let error = try #require(formatError("a = 1;\n"))
        #expect(error.kind == .invalidCharacter)
        #expect((error.line, error.column) == (1, 6))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(formatError("é = \"x\n"))
        #expect((error.line, error.column) == (1, 5))
    }
}
