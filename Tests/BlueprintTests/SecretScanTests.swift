import Foundation
import StampKit
import XCTest

/// SPEC §7: credentials live in Secrets Manager and never in a generated file. This scans every
/// file generated for the examples and the pairwise variants for anything that looks like a
/// secret value.
final class SecretScanTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Patterns of secret values, each with why it is one.
    static let patterns: [(String, String)] = [
        (#"(AKIA|ASIA)[0-9A-Z]{16}"#, "an AWS access key id"),
        (#"-----BEGIN [A-Z ]*PRIVATE KEY-----"#, "a PEM private key"),
        (#"(?i)aws_secret_access_key\s*[:=]\s*\S"#, "an AWS secret access key"),
        (#"(?im)^\s*[a-z_]*(password|passwd|secret|auth_token|token)\s*=\s*"[^"$]+""#, "a literal credential in HCL"),
        (
            #"(?m)^\s*[A-Z_]*(PASSWORD|SECRET_KEY|AUTH_TOKEN)\s*:\s*"?[^"\s#{][^"\s]*"?\s*$"#,
            "a literal credential in YAML"
        ),
        (#"(?i)(mysql|mongodb(\+srv)?|rediss?)://[^:/\s"]+:[^@/\s"$]+@"#, "a password in a connection URL"),
    ]

    private func generatedFiles(_ questionnaire: URL) throws -> FileSet {
        let answers = try QuestionnaireLoader().load(contentsOf: questionnaire.path).answers
        return try StampGenerator().generate(answers, blueprint: try BlueprintLoader().builtIn()).generation.files
    }

    func testNoGeneratedFileHoldsASecretValue() throws {
        let pairwise = Self.root.appendingPathComponent("Tests/Pairwise")
        let questionnaires =
            [
                Self.root.appendingPathComponent("examples/reference/stamp.yaml"),
                Self.root.appendingPathComponent("examples/minimal/stamp.yaml"),
            ]
            + (try FileManager.default.contentsOfDirectory(at: pairwise, includingPropertiesForKeys: nil))
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        let expressions = try Self.patterns.map { (try NSRegularExpression(pattern: $0.0), $0.1) }
        for questionnaire in questionnaires {
            for file in try generatedFiles(questionnaire).files {
                let range = NSRange(file.contents.startIndex..., in: file.contents)
                for (expression, what) in expressions {
                    if let match = expression.firstMatch(in: file.contents, range: range) {
                        let text = (file.contents as NSString).substring(with: match.range)
                        XCTFail("\(questionnaire.lastPathComponent): \(file.path) holds \(what): \(text)")
                    }
                }
            }
        }
    }

    /// The scanner itself must catch what it is meant to catch.
    func testTheScannerFindsPlantedSecrets() throws {
        let planted = [
            "access_key = \"AKIAIOSFODNN7EXAMPLE\"",
            "-----BEGIN RSA PRIVATE KEY-----",
            "  master_password = \"hunter2hunter2\"",
            "MYSQL_ROOT_PASSWORD: s3cr3t",
            "url: \"mongodb://admin:s3cr3t@10.0.0.1:27017\"",
        ]
        let expressions = try Self.patterns.map { try NSRegularExpression(pattern: $0.0) }
        for text in planted {
            let range = NSRange(text.startIndex..., in: text)
            XCTAssertTrue(expressions.contains { $0.firstMatch(in: text, range: range) != nil }, text)
        }
        let harmless = [
            "password = random_password.this.result",
            "  secret_string = jsonencode({ password = random_password.x.result })",
            "MYSQL_PASSWORD: \"\"", "auth_token = var.auth_token", "manage_master_user_password = true",
        ]
        for text in harmless {
            let range = NSRange(text.startIndex..., in: text)
            XCTAssertFalse(expressions.contains { $0.firstMatch(in: text, range: range) != nil }, text)
        }
    }
}
