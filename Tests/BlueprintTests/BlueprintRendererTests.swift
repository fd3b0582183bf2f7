import HCL
import StampKit
@testable import Blueprint
import XCTest
import Yams

final class BlueprintRendererTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func answers(organization: String? = nil) throws -> Answers {
        var answers = try QuestionnaireLoader()
            .load(contentsOf: Self.root.appendingPathComponent("examples/reference/stamp.yaml").path).answers
        if let organization { answers.project.organization = organization }
        return answers
    }

    private func blueprint(_ yaml: String, templates: [String: String]) throws -> Blueprint {
        var files = ["blueprint.yaml": yaml]
        for (path, text) in templates { files["templates/" + path] = text }
        let manifest = try YAMLDecoder().decode(BlueprintManifest.self, from: yaml)
        return Blueprint(
            manifest: manifest,
            templates: Dictionary(uniqueKeysWithValues: templates.map { ($0.key, $0.value) }), files: files)
    }

    /// Quotes, backslashes, `${`, `%{` and non-ASCII text from the questionnaire pass through
    /// every template of the built-in blueprint and leave every file well-formed.
    func testHostileOrganizationNamesCannotBreakAnyGeneratedFile() throws {
        let organization = #"Acme "Uni" \ ${var.x} %{ if true } #1: – Ünïversité | *x* <b>"#
        let plan = try Planner().plan(try answers(organization: organization))
        let files = try BlueprintRenderer().render(plan, with: try BlueprintLoader().builtIn())
        let tagged = files.files.filter {
            $0.contents.contains("Organization = \"Acme Uni var.x if true 1: Ünïversité x b\"")
        }
        XCTAssertEqual(
            tagged.map(\.path).sorted(),
            [
                "terraform/bootstrap/providers.tf", "terraform/environments/production/main.tf",
                "terraform/environments/staging/main.tf", "terraform/global/main.tf",
            ],
            "the organization reaches every root's default tags, as a tag value")
        for file in files.files {
            if file.path.hasSuffix(".tf") || file.path.hasSuffix(".tfvars") {
                XCTAssertFalse(file.contents.contains("Acme \"Uni"), "\(file.path): raw organization text in HCL")
                XCTAssertNoThrow(try HCLFormatter().format(file.contents), file.path)
            }
            if file.path.hasSuffix(".yml") || file.path.hasSuffix(".yaml") {
                XCTAssertNoThrow(try Yams.load(yaml: file.contents), file.path)
            }
        }
        let readme = try XCTUnwrap(files["README.md"]).contents
        XCTAssertTrue(
            readme.contains(##"Acme "Uni" \\ ${var.x} %{ if true } \#1: – Ünïversité \| \*x\* \<b\>"##),
            "the README shows the organization, Markdown-escaped")
    }

    func testFanOutConditionsAndPathTemplates() throws {
        let bp = try blueprint(
            """
            name: test
            version: 0.0.1
            files:
              - path: envs/{{environment.name}}.txt
                template: env.mustache
                for_each: environment
              - path: deployments/{{deployment.environment}}-{{deployment.name}}.txt
                template: deployment.mustache
                for_each: deployment
              - path: zone.txt
                template: env.mustache
                when: dns.create_zone
              - path: cdn.txt
                template: env.mustache
                when: services.cloudfront
            """,
            templates: [
                "env.mustache": "{{environment.name}}:{{environment.vpc.cidr}}\n",
                "deployment.mustache": "{{deployment.hosts.lms}}\n",
            ])
        var answers = try answers()
        answers.services.cloudfront = false
        let files = try BlueprintRenderer().render(try Planner().plan(answers), with: bp)
        XCTAssertEqual(
            files.paths,
            [
                "deployments/production-exec.txt", "deployments/production-main.txt", "deployments/staging-exec.txt",
                "deployments/staging-labs.txt", "deployments/staging-main.txt", "envs/production.txt",
                "envs/staging.txt",
                "zone.txt",
            ])
        XCTAssertEqual(files["envs/staging.txt"]?.contents, "staging:10.1.0.0/16\n")
        XCTAssertEqual(files["deployments/staging-main.txt"]?.contents, "courses.staging.learn.acme.edu\n")
    }

    /// Every HCL file is formatted, `.hcl` configuration (`.tflint.hcl`) as well as Terraform's.
    func testHCLFilesOfEveryKindAreFormatted() throws {
        let bp = try blueprint(
            """
            name: test
            version: 0.0.1
            files:
              - path: .tflint.hcl
                template: config.mustache
              - path: main.tf
                template: config.mustache
              - path: notes.txt
                template: config.mustache
            """,
            templates: ["config.mustache": "plugin \"aws\" {\nenabled = true\nversion    = \"0.41.0\"\n}\n"])
        let files = try BlueprintRenderer().render(try Planner().plan(try answers()), with: bp)
        let formatted = "plugin \"aws\" {\n  enabled = true\n  version = \"0.41.0\"\n}\n"
        XCTAssertEqual(files[".tflint.hcl"]?.contents, formatted)
        XCTAssertEqual(files["main.tf"]?.contents, formatted)
        XCTAssertEqual(files["notes.txt"]?.contents, "plugin \"aws\" {\nenabled = true\nversion    = \"0.41.0\"\n}\n")
    }

    func testBlueprintMistakesAreClearErrors() throws {
        let plan = try Planner().plan(try answers())
        let unsafe = try blueprint(
            "name: t\nversion: '1'\nfiles:\n  - path: ../{{project.name}}.txt\n    template: a.mustache\n",
            templates: ["a.mustache": "x"])
        XCTAssertThrowsError(try BlueprintRenderer().render(plan, with: unsafe)) { error in
            XCTAssertEqual(
                "\(error)",
                "blueprint.yaml: file `../{{project.name}}.txt` renders to `../acme.txt`: the path contains `..`; generated files must stay inside the output directory"
            )
        }
        let unknown = try blueprint(
            "name: t\nversion: '1'\nfiles:\n  - path: a.txt\n    template: a.mustache\n    when: services.kafka\n",
            templates: ["a.mustache": "x"])
        XCTAssertThrowsError(try BlueprintRenderer().render(plan, with: unknown)) { error in
            XCTAssertTrue(
                "\(error)".contains("`when: services.kafka`, which is not a boolean of the context"), "\(error)")
        }
        let duplicate = try blueprint(
            "name: t\nversion: '1'\nfiles:\n  - path: a.txt\n    template: a.mustache\n  - path: a.txt\n    template: a.mustache\n",
            templates: ["a.mustache": "x"])
        XCTAssertThrowsError(try BlueprintRenderer().render(plan, with: duplicate)) { error in
            XCTAssertEqual("\(error)", "blueprint.yaml: two files render to `a.txt`")
        }
        let broken = try blueprint(
            "name: t\nversion: '1'\nfiles:\n  - path: a.tf\n    template: a.mustache\n",
            templates: ["a.mustache": "resource \"x\" \"y\" {\n  a = \"unterminated\n"])
        XCTAssertThrowsError(try BlueprintRenderer().render(plan, with: broken)) { error in
            XCTAssertTrue("\(error)".hasPrefix("a.tf: the rendered Terraform cannot be formatted"), "\(error)")
        }
        XCTAssertThrowsError(
            try BlueprintLoader().blueprint(
                from: ["blueprint.yaml": "name: t\nversion: '1'\nfiles:\n  - path: a\n    template: gone.mustache\n"],
                origin: "x")
        ) { error in
            XCTAssertEqual(
                "\(error)", "blueprint.yaml: file `a` names template `gone.mustache`, which is not in templates/")
        }
    }
}
