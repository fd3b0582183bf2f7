import Testing

@testable import Questionnaire

struct SizeAndHostTests {
    @Test func thePresetsAreTheSpecTable() {
        let small = EnvironmentSize.preset(.small)
        #expect(
            small
                == EnvironmentSize(
                    eksNodeType: "t3.large", eksMinNodes: 2, eksDesiredNodes: 2, eksMaxNodes: 4,
                    auroraInstanceClass: "db.t4g.medium", auroraReaders: 0, redisNodeType: "cache.t4g.small",
                    redisReplicas: 0,
                    opensearchInstanceType: "t3.medium.search", opensearchDataNodes: 1,
                    opensearchMasterType: "t3.medium.search",
                    opensearchMasterNodes: 0, mongodbInstanceType: "t3.medium", mongodbMembers: 1, mongodbVolumeGiB: 50)
        )
        let xlarge = EnvironmentSize.preset(.xlarge)
        #expect(
            [xlarge.eksNodeType, xlarge.auroraInstanceClass, xlarge.redisNodeType, xlarge.opensearchInstanceType]
                == ["m6i.2xlarge", "db.r6g.2xlarge", "cache.r6g.xlarge", "r6g.large.search"])
        #expect(
            [xlarge.eksMinNodes, xlarge.eksDesiredNodes, xlarge.eksMaxNodes, xlarge.mongodbVolumeGiB] == [
                3, 6, 18, 500,
            ])
        #expect(xlarge.opensearchMasterType == "m6g.large.search")
        #expect(EnvironmentSize.preset(.medium).mongodbMembers == 3)
        #expect(EnvironmentSize.preset(.large).auroraReaders == 2)
    }

    @Test func everyPresetPassesItsOwnRules() throws {
        for preset in SizePreset.allCases {
            var answers = try ValidFixtureTests.load("minimal").answers
            // Overriding each value with the preset's own value must change nothing.
            let size = EnvironmentSize.preset(preset)
            var overrides = SizeOverrides()
            overrides.eksMinNodes = size.eksMinNodes
            overrides.auroraReaders = size.auroraReaders
            overrides.redisReplicas = size.redisReplicas
            overrides.opensearchDataNodes = size.opensearchDataNodes
            overrides.opensearchMasterNodes = size.opensearchMasterNodes
            overrides.mongodbMembers = size.mongodbMembers
            overrides.opensearchMasterType = size.opensearchMasterType
            answers.sizes = [preset: overrides]
            #expect(QuestionnaireValidator().validate(answers).isEmpty, "\(preset)")
            #expect(answers.size(of: preset) == size)
        }
    }

    @Test func overridesApply() throws {
        var answers = try ValidFixtureTests.load("minimal").answers
        var small = SizeOverrides()
        small.eksNodeType = "m7i.large"
        small.opensearchInstanceType = "t3.small.search"
        var medium = SizeOverrides()
        medium.redisReplicas = 2
        answers.sizes = [.small: small, .medium: medium]
        #expect(answers.size(of: .small).eksNodeType == "m7i.large")
        // Without dedicated masters, the master type follows the data type.
        #expect(answers.size(of: .small).opensearchMasterType == "t3.small.search")
        #expect(answers.size(of: .medium).redisReplicas == 2)
        #expect(answers.size(of: .large) == EnvironmentSize.preset(.large))
        small.opensearchMasterNodes = 3
        answers.sizes[.small] = small
        #expect(answers.size(of: .small).opensearchMasterType == "m6g.large.search")
    }

    @Test func externalMongoDBAndDisabledOpenSearchRelaxTheirHARules() throws {
        var answers = try ValidFixtureTests.load("minimal").answers
        var medium = SizeOverrides()
        medium.mongodbMembers = 1
        medium.opensearchDataNodes = 1
        medium.opensearchMasterNodes = 0
        answers.sizes = [.medium: medium]
        #expect(
            QuestionnaireValidator().validate(answers).map(\.keyPath) == [
                "sizes.medium.opensearch_data_nodes", "sizes.medium.opensearch_master_nodes",
                "sizes.medium.mongodb_members",
            ])
        answers.services.mongodb = .external
        answers.services.opensearch = false
        #expect(QuestionnaireValidator().validate(answers).isEmpty)
    }

    @Test func hostsMoveUnderTheEnvironmentsDomain() throws {
        var answers = try ValidFixtureTests.load("spec-example").answers
        var main = answers.instances[0]
        main.release = .teak
        #expect(answers.environmentDomain("production") == "learn.acme.edu")
        #expect(answers.environmentDomain("staging") == "staging.learn.acme.edu")
        #expect(
            answers.hosts(of: main, in: "production")
                == InstanceHosts(
                    lms: "courses.learn.acme.edu", studio: "studio.courses.learn.acme.edu",
                    preview: "preview.courses.learn.acme.edu", apps: "apps.courses.learn.acme.edu",
                    search: "meilisearch.courses.learn.acme.edu", cdn: "cdn.courses.learn.acme.edu"))
        #expect(
            answers.hosts(of: main, in: "staging")
                == InstanceHosts(
                    lms: "courses.staging.learn.acme.edu", studio: "studio.courses.staging.learn.acme.edu",
                    preview: "preview.courses.staging.learn.acme.edu", apps: "apps.courses.staging.learn.acme.edu",
                    search: "meilisearch.courses.staging.learn.acme.edu", cdn: "cdn.courses.staging.learn.acme.edu"))
        answers.services.cloudfront = false
        main.release = .ulmo
        #expect(answers.hosts(of: main, in: "staging").preview == nil)
        #expect(!answers.hosts(of: main, in: "staging").all.contains { $0.role == "preview" })
        var apex = main
        apex.lmsHost = "learn.acme.edu"
        #expect(answers.hosts(of: apex, in: "staging").lms == "staging.learn.acme.edu")
        #expect(answers.hosts(of: apex, in: "staging").cdn == nil)
    }

    @Test func theValidatorWorksOnAnswersBuiltInCode() throws {
        var answers = try ValidFixtureTests.load("spec-example").answers
        #expect(QuestionnaireValidator().validate(answers).isEmpty)
        answers.instances.append(answers.instances[0])
        answers.environments[1].networkCIDR = "10.0.128.0/17"
        // A repeated name is reported once: the hosts it repeats too are not reported again.
        #expect(
            QuestionnaireValidator().validate(answers).map(\.keyPath) == [
                "environments.staging.network_cidr", "instances[1].name",
            ])
        answers.instances[1].name = "second"
        let problems = QuestionnaireValidator().validate(answers)
        #expect(
            problems.map(\.keyPath) == [
                "environments.staging.network_cidr", "instances[1].lms_host", "instances[1].studio_host",
            ])
        #expect(problems.allSatisfy { $0.location == nil && $0.file == "stamp.yaml" })
    }

    @Test func everyRegionHasItsZones() {
        #expect(AWSRegions.names.count == 34)
        #expect(AWSRegions.zones(of: "us-east-1")?.count == 6)
        #expect(AWSRegions.zones(of: "us-west-1") == ["us-west-1a", "us-west-1c"])
        #expect(AWSRegions.zones(of: "ap-northeast-1") == ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"])
        #expect(AWSRegions.zones(of: "ca-central-1") == ["ca-central-1a", "ca-central-1b", "ca-central-1d"])
        #expect(AWSRegions.zones(of: "mx-central-1") == ["mx-central-1a", "mx-central-1b", "mx-central-1c"])
        #expect(AWSRegions.zones(of: "us-gov-west-1") == nil)
    }
}
