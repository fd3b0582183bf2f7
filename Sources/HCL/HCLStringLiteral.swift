/// Quoted-string escaping as HCL defines it, used to re-quote block labels the way Terraform
/// does (`resource aws_s3_bucket x` -> `resource "aws_s3_bucket" "x"`, `"\u00e9"` -> `"é"`).
enum HCLStringLiteral {
    /// Decodes the text between the quotes; nil when it holds an escape HCL would reject.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            let afterNext: Unicode.Scalar? = index + 2 < scalars.count ? scalars[index + 2] : nil
            if scalar == "\\" {
                guard let next else { return nil }
                switch next {
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "u", "U":
                    let digits = next == "u" ? 4 : 8
                    guard index + 2 + digits <= scalars.count else { return nil }
                    var hex = String.UnicodeScalarView()
                    hex.append(contentsOf: scalars[(index + 2)..<(index + 2 + digits)])
                    guard let value = UInt32(String(hex), radix: 16), let decoded = Unicode.Scalar(value) else {
                        return nil
                    }
                    result.append(decoded)
                    index += 2 + digits
                    continue
                default:
                    return nil
                }
                index += 2
            } else if scalar == "$" || scalar == "%", next == scalar, afterNext == "{" {
                result.append(scalar)
                result.append("{")
                index += 3
            } else {
                result.append(scalar)
                index += 1
            }
        }
        return String(result)
    }

    /// Encodes a value for use between quotes, doubling `$`/`%` before `{` so it stays literal.
    static func escape(_ value: String) -> String {
        var result = ""
        let scalars = Array(value.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "$", "%":
                result.unicodeScalars.append(scalar)
                if index + 1 < scalars.count, scalars[index + 1] == "{" { result.unicodeScalars.append(scalar) }
            default:
                if isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value < 0x10000 {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        return result
    }

    /// Letters, marks, numbers, punctuation, symbols and the ASCII space, as Go's
    /// `unicode.IsPrint` defines printable.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
