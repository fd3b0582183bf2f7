/// Canonical Terraform formatting, byte-for-byte what `terraform fmt -` (Terraform 1.0.3, with
/// hclwrite from HCL v2) writes, so generated files pass `terraform fmt -check`.
///
/// The pipeline mirrors Terraform's: lex into HCL tokens, apply Terraform's own rewrites
/// (legacy interpolation unwrapping, legacy variable types, label quoting), then hclwrite's
/// whitespace pass (indent, spacing, alignment). Everything that is not whitespace between
/// tokens is preserved exactly, including comments, heredoc bodies and string contents.
public struct HCLFormatter: Sendable {
    public init() {}

    /// Returns `source` as `terraform fmt` (1.0.3) would write it. Throws `HCLFormatError`
    /// when the input cannot be lexed (unterminated string/heredoc/comment, unbalanced
    /// brackets, invalid characters); never returns half-formatted text.
    public func format(_ source: String) throws -> String {
        try formatBytes(Array(source.utf8))
    }

    func formatBytes(_ bytes: [UInt8]) throws(HCLFormatError) -> String {
        let tokens = try HCLLexer.tokenize(bytes)
        var layout = HCLLayout(tokens: TerraformRewrites.apply(to: tokens))
        layout.format()

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        for token in layout.tokens {
            if token.spacesBefore > 0 {
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: token.spacesBefore))
            }
            output.append(contentsOf: token.bytes)
        }
        // `terraform fmt -` always ends its output with a newline, even for empty input.
        if output.last != UInt8(ascii: "\n") {
            output.append(UInt8(ascii: "\n"))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
