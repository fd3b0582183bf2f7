/// The optional AWS services of `services:` (SPEC §2), in questionnaire order. Decoding,
/// normalising, the starter questionnaire, the `services.*` conditions templates and `when:`
/// rules test, and the tests' pairwise and disabled-service sets all come from this list.
public enum Service: String, Sendable, CaseIterable {
    case bastion, waf, opensearch, cloudfront, ses, mongodb

    /// What `services.<key>` takes: on or off, or one of a few modes.
    public enum Values: Sendable, Equatable {
        case onOff
        case modes([String])
    }

    public var values: Values {
        switch self {
        case .mongodb: .modes(MongoDBMode.allCases.map(\.rawValue))
        case .bastion, .waf, .opensearch, .cloudfront, .ses: .onOff
        }
    }

    /// What the starter questionnaire says about it.
    public var summary: String {
        switch self {
        case .bastion: "SSM-only bastion (EKS access for deploy jobs)"
        case .waf: "AWS WAF in front of the load balancer and CloudFront"
        case .opensearch: "courseware, course discovery and forum search"
        case .cloudfront: "CDN at cdn.<lms_host>"
        case .ses: "outgoing e-mail"
        case .mongodb: "replica-set (on EC2) | external (connection string in Secrets Manager)"
        }
    }

    /// The value as a questionnaire writes it (`true`, `replica-set`).
    public func value(in services: Answers.Services) -> String {
        switch values {
        case .onOff: String(services[isOn: self])
        case .modes: services.mongodb.rawValue
        }
    }

    /// The booleans templates and `when:` rules test as `services.<name>`: the service itself
    /// when it is on or off, one per mode otherwise (`mongodb_replica_set`).
    public func conditions(in services: Answers.Services) -> [(name: String, value: Bool)] {
        switch values {
        case .onOff:
            return [(rawValue, services[isOn: self])]
        case .modes(let modes):
            return modes.map { mode in
                (rawValue + "_" + mode.replacingOccurrences(of: "-", with: "_"), services.mongodb.rawValue == mode)
            }
        }
    }
}

extension Answers.Services {
    /// Whether an on/off service is on (a service with modes is always there in some mode).
    public subscript(isOn service: Service) -> Bool {
        get {
            switch service {
            case .bastion: bastion
            case .waf: waf
            case .opensearch: opensearch
            case .cloudfront: cloudfront
            case .ses: ses
            case .mongodb: true
            }
        }
        set {
            switch service {
            case .bastion: bastion = newValue
            case .waf: waf = newValue
            case .opensearch: opensearch = newValue
            case .cloudfront: cloudfront = newValue
            case .ses: ses = newValue
            case .mongodb: break
            }
        }
    }
}
