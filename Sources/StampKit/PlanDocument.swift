import BlueprintData
import Foundation

/// `stamp explain --format json`: the plan as one JSON document, for scripts and for the
/// real-clients stage of `make verify`, which seeds its stand-ins and computes what it expects
/// from this document, never from the generated files. Keys are snake_case and sorted.
public struct PlanDocument: Encodable, Sendable {
    var blueprint: BlueprintInfo
    var project: Project
    var aws: AWS
    var dns: DNS
    var github: GitHub
    var services: Services
    var stateBucket: String
    var applyOrder: [String]
    var ciRoles: [CIRoleInfo]
    var ingress: IngressController
    var imageBuildCacheTag: String
    var environments: [Environment]
    var instances: [Instance]

    public init(plan: Plan, blueprint: BlueprintManifest) {
        let answers = plan
        self.blueprint = BlueprintInfo(
            name: blueprint.name, version: blueprint.version, versions: blueprint.versions ?? [:])
        project = Project(
            name: answers.project.name, organization: answers.project.organization,
            platformName: TutorText.platformName(answers.project.organization), contact: answers.project.contact)
        aws = AWS(
            region: answers.aws.region, accountID: answers.aws.accountID,
            availabilityZones: answers.aws.availabilityZones)
        dns = DNS(domain: answers.dns.domain, hostedZoneID: answers.dns.hostedZoneID)
        github = GitHub(repository: answers.github.repository, defaultBranch: answers.github.defaultBranch)
        services = Services(answers.services)
        stateBucket = plan.stateBucket
        applyOrder = plan.applyOrder.map(\.name)
        ciRoles = plan.ciRoles.map { CIRoleInfo($0, accountID: answers.aws.accountID) }
        ingress = plan.ingress
        imageBuildCacheTag = ImageBuild.cacheTag
        environments = plan.environments.map(Environment.init)
        instances = plan.instances.map(Instance.init)
    }

    /// Pretty-printed, sorted keys, one trailing newline: the same plan always prints the same bytes.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and booleans cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct BlueprintInfo: Encodable, Sendable {
        var name: String
        var version: String
        var versions: [String: String]
    }

    struct Project: Encodable, Sendable {
        var name: String
        var organization: String
        /// Tutor's PLATFORM_NAME.
        var platformName: String
        var contact: String?
    }

    struct AWS: Encodable, Sendable {
        var region: String
        var accountID: String
        var availabilityZones: [String]
    }

    struct DNS: Encodable, Sendable {
        var domain: String
        var hostedZoneID: String?
    }

    struct GitHub: Encodable, Sendable {
        var repository: String
        var defaultBranch: String
    }

    /// `services` as the questionnaire writes them (`bastion: true`, `mongodb: replica-set`).
    struct Services: Encodable, Sendable {
        var services: Answers.Services

        init(_ services: Answers.Services) {
            self.services = services
        }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for service in Service.allCases {
                let key = Key(stringValue: service.rawValue)
                switch service.values {
                case .onOff: try container.encode(services[isOn: service], forKey: key)
                case .modes: try container.encode(service.value(in: services), forKey: key)
                }
            }
        }
    }

    struct CIRoleInfo: Encodable, Sendable {
        var purpose: String
        var name: String
        var arn: String
        var subjects: [String]

        init(_ role: CIRole, accountID: String) {
            purpose = role.purpose.rawValue
            name = role.name
            arn = "arn:aws:iam::\(accountID):role/\(role.name)"
            subjects = role.subjects
        }
    }
}
