import GeneratedFiles
import Mustache
import Planning

/// The render model as templates walk it: an encoded tree of strings, integers, booleans,
/// lists and objects with snake_case keys. Sendable (files render on every core) and read by
/// Mustache through `MustacheParent`, without reflection.
enum RenderValue: Sendable, Equatable, MustacheParent, MustacheCustomRenderable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([RenderValue])
    case object([String: RenderValue])

    /// What Mustache sees: Swift scalars (so that booleans drive sections), and lists and
    /// objects as they are (their items are asked for children, or print as `renderText`).
    var mustacheValue: Any {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .bool(let value): value
        case .list(let items): items
        case .object: self
        }
    }

    /// `{{.}}` on a list item.
    var renderText: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .bool(let value): String(value)
        case .list, .object: ""
        }
    }

    var isNull: Bool { false }

    func child(named name: String) -> Any? {
        guard case .object(let members) = self else { return nil }
        return members[name]?.mustacheValue
    }

    var members: [String: RenderValue] {
        if case .object(let members) = self { return members }
        return [:]
    }

    /// The value at a dotted path (`services.cloudfront`), nil if there is none.
    func value(at path: String) -> RenderValue? {
        var value = self
        for key in path.split(separator: ".") {
            guard let child = value.members[String(key)] else { return nil }
            value = child
        }
        return value
    }

    /// Every boolean by dotted path, for error messages.
    var booleanPaths: [String] {
        func walk(_ value: RenderValue, _ prefix: String) -> [String] {
            if case .bool = value { return [prefix] }
            return value.members.sorted { $0.key < $1.key }.flatMap { key, child in
                walk(child, prefix.isEmpty ? key : "\(prefix).\(key)")
            }
        }
        return walk(self, "")
    }
}

/// The encoded model, ready to fan out: the root and what each copy of a file sees.
struct RenderScopes: Sendable {
    let root: [String: RenderValue]
    let environments: [String: RenderValue]
    let instances: [String: RenderValue]
    let deployments: [String: [String: RenderValue]]

    /// Each context encoded once, on every core (the root, which holds every environment and
    /// instance again, is the largest).
    init(_ model: RenderModel) throws {
        enum Part: Sendable {
            case root(RootContext)
            case environment(String, EnvironmentContext)
            case instance(String, InstanceContext)
            case deployment(String, String, DeploymentContext)
        }
        var parts: [Part] = [.root(model.root)]
        parts += model.environments.map { Part.environment($0.key, $0.value) }
        parts += model.instances.map { Part.instance($0.key, $0.value) }
        parts += model.deployments.flatMap { environment, byInstance in
            byInstance.map { Part.deployment(environment, $0.key, $0.value) }
        }
        let encoded = try parts.parallelMap { part -> RenderValue in
            switch part {
            case .root(let context): try RenderValueEncoder.encode(context)
            case .environment(_, let context): try RenderValueEncoder.encode(context)
            case .instance(_, let context): try RenderValueEncoder.encode(context)
            case .deployment(_, _, let context): try RenderValueEncoder.encode(context)
            }
        }
        var root: [String: RenderValue] = [:]
        var environments: [String: RenderValue] = [:]
        var instances: [String: RenderValue] = [:]
        var deployments: [String: [String: RenderValue]] = [:]
        for (part, value) in zip(parts, encoded) {
            switch part {
            case .root: root = value.members
            case .environment(let name, _): environments[name] = value
            case .instance(let name, _): instances[name] = value
            case .deployment(let environment, let name, _): deployments[environment, default: [:]][name] = value
            }
        }
        self.root = root
        self.environments = environments
        self.instances = instances
        self.deployments = deployments
    }
}
