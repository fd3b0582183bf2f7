import Testing

@testable import Questionnaire

/// `normalizedYAML()` writes every value out and reads back to equal answers; the starter
/// questionnaire validates as written.
struct NormalizedYAMLTests {
    static func roundTrip(_ answers: Answers) throws -> Answers {
        try QuestionnaireLoader().load(yaml: answers.normalizedYAML(), file: "answers.yaml").answers
    }

    @Test(arguments: ["spec-example", "minimal", "zone-list"])
    func everyValidFixtureRoundTrips(_ name: String) throws {
        let answers = try ValidFixtureTests.load(name).answers
        #expect(try Self.roundTrip(answers) == answers)
        #expect(try Self.roundTrip(answers).normalizedYAML() == answers.normalizedYAML())
    }

    @Test(arguments: [
        #"Acme "Uni" \ #1: ${x} – Ünï"#,
        "'single' & *star* & !bang % @at `tick`",
        "Tab\there, new\nline, bell\u{7}, nbsp\u{a0}, bom\u{feff}, ls\u{2028}",
        "true", "null", "123", "- dash", "? q", "[x]", "{y}", "  spaced  ",
    ])
    func anyOrganizationRoundTrips(_ organization: String) throws {
        var answers = try ValidFixtureTests.load("minimal").answers
        answers.project.organization = organization
        answers.project.contact = "it+ops@example.edu"
        // Control characters are not valid in an organization, so check the reading, not the rules.
        let yaml = answers.normalizedYAML()
        let root = try YAMLDocumentLoader(file: "answers.yaml").load(yaml)
        var decoder = QuestionnaireDecoder(file: "answers.yaml")
        #expect(decoder.decode(root) == answers)
        #expect(decoder.diagnostics.isEmpty)
    }

    @Test func theNormalizedFormIsExplicitAndInTheSpecsOrder() throws {
        var answers = try ValidFixtureTests.load("minimal").answers
        var small = SizeOverrides()
        small.eksMaxNodes = 6
        small.opensearchInstanceType = "t3.small.search"
        answers.sizes = [.small: small, .xlarge: SizeOverrides()]
        #expect(
            answers.normalizedYAML() == """
                version: 1
                project:
                  name: uni
                  organization: "Université de l'Exemple"
                aws:
                  region: us-west-1
                  account_id: "000123456789"
                  availability_zones: [us-west-1a, us-west-1c]
                dns:
                  domain: learn.example.org
                github:
                  repository: example/uni-infra
                  default_branch: main
                environments:
                  prod:
                    size: medium
                    protected: true
                    availability_zones: 2
                    network_cidr: "10.0.0.0/16"
                  staging:
                    size: small
                    protected: false
                    availability_zones: 2
                    network_cidr: "10.1.0.0/16"
                  dev:
                    size: small
                    protected: false
                    availability_zones: 2
                    network_cidr: "10.2.0.0/16"
                instances:
                  - name: main
                    lms_host: main.learn.example.org
                    studio_host: studio.main.learn.example.org
                    release: verawood
                    environments: [prod, staging, dev]
                services:
                  bastion: true
                  waf: true
                  opensearch: true
                  cloudfront: true
                  ses: true
                  mongodb: replica-set
                sizes:
                  small:
                    eks_max_nodes: 6
                    opensearch_instance_type: t3.small.search
                  xlarge: {}

                """)
        #expect(try Self.roundTrip(answers) == answers)
    }

    @Test func theStarterQuestionnaireValidates() throws {
        let yaml = StarterQuestionnaire.yaml(.defaults)
        let answers = try QuestionnaireLoader().load(yaml: yaml, file: "stamp.yaml").answers
        #expect(answers.project.name == "openedx")
        #expect(answers.project.organization == "Example University")
        #expect(answers.aws.accountID == "123456789012")
        #expect(answers.aws.availabilityZones == ["us-east-1a", "us-east-1b", "us-east-1c"])
        #expect(answers.dns.domain == "learn.example.com")
        #expect(answers.github.repository == "example/openedx-infra")
        #expect(answers.environments.map(\.name) == ["production", "staging"])
        #expect(answers.environments.map(\.size) == [.medium, .small])
        #expect(answers.environments.map(\.protected) == [true, false])
        #expect(answers.instances.map(\.name) == ["main"])
        #expect(answers.services == Answers.Services())
        #expect(answers.sizes.isEmpty)
        for section in [
            "version:", "project:", "aws:", "dns:", "github:", "environments:", "instances:", "services:", "# sizes:",
        ] {
            #expect(yaml.contains("\n\(section)") || yaml.hasPrefix(section), "\(section)")
        }
    }

    @Test func theStarterQuestionnaireValidatesWithOtherValues() throws {
        let values = StarterValues(
            projectName: "uni-01", organization: #"Uni "Ünï" #1: \ ${x}"#, region: "us-west-1",
            accountID: "000000000042",
            availabilityZones: 2, domain: "courses.uni.example", githubRepository: "uni/infra")
        let answers = try QuestionnaireLoader().load(yaml: StarterQuestionnaire.yaml(values), file: "stamp.yaml")
            .answers
        #expect(answers.project.organization == values.organization)
        #expect(answers.aws.accountID == "000000000042")
        #expect(answers.aws.availabilityZones == ["us-west-1a", "us-west-1c"])
        #expect(answers.instances.first?.lmsHost == "main.courses.uni.example")
    }
}
