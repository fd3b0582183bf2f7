/// Typed readers over `YAMLNode`: each reports a diagnostic and returns nil when the value has
/// the wrong type, and marks the key path unusable so that the validator does not report the
/// same mistake again in another form.
extension QuestionnaireDecoder {
    /// The known entries of `mapping` by key; reports unknown keys and records every location.
    mutating func fields(
        of mapping: YAMLMapping, at path: String, allowed: [String], what: String = "key"
    ) -> [String: YAMLNode] {
        var result: [String: YAMLNode] = [:]
        for entry in mapping.entries {
            let key = entry.key.text
            let childPath = Self.join(path, key)
            guard allowed.contains(key) else {
                report(childPath, at: entry.key.location, .unknownKey(key: key, what: what, allowed: allowed))
                continue
            }
            record(childPath, key: entry.key.location, value: entry.value)
            result[key] = entry.value
        }
        return result
    }

    mutating func record(_ path: String, key: SourceLocation?, value: YAMLNode) {
        if let key { sourceMap.keys[path] = key }
        // An empty value (`contact:`) has no position of its own worth showing: use the key's.
        sourceMap.values[path] = value.unlessNull == nil ? (key ?? value.location) : value.location
    }

    /// The value of a required key, or nil after reporting it missing at its parent.
    mutating func require(_ fields: [String: YAMLNode], _ key: String, in parent: String, example: String) -> YAMLNode?
    {
        if let node = fields[key] { return node }
        let path = Self.join(parent, key)
        report(path, at: locationForMissing(in: parent), .missingKey(key: key, example: example))
        return nil
    }

    /// Where a missing key of `path` is reported: the parent's key, else the parent's value.
    func locationForMissing(in path: String) -> SourceLocation? {
        path.isEmpty ? rootLocation : (sourceMap.keys[path] ?? sourceMap.values[path])
    }

    mutating func text(_ node: YAMLNode?, at path: String, expected: String = "text") -> String? {
        guard let node else { return unusable(path) }
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            return typeMismatch(path, node, expected: expected, hint: nil)
        }
        return scalar.text
    }

    /// A plain decimal integer: `3`, `-1`; not `"3"`, `03`, `3.0` or `0x3`.
    mutating func integer(_ node: YAMLNode?, at path: String, expected: String = "a whole number") -> Int? {
        guard let node else { return unusable(path) }
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            return typeMismatch(path, node, expected: expected, hint: nil)
        }
        if scalar.style == .plain, let number = Self.decimal(scalar.text) { return number }
        let hint: String? =
            if scalar.style == .quoted, Self.decimal(scalar.text) != nil {
                "remove the quotes"
            } else if scalar.text.count > 1, scalar.text.hasPrefix("0"), scalar.text.allSatisfy(\.isASCIIDigit) {
                "write it without leading zeros"
            } else {
                nil
            }
        return typeMismatch(path, node, expected: expected, hint: hint)
    }

    /// `true` or `false`, unquoted; YAML 1.1's `yes`, `on`, `1` and a quoted `"true"` are not booleans.
    mutating func bool(_ node: YAMLNode?, at path: String) -> Bool? {
        guard let node else { return unusable(path) }
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            return typeMismatch(path, node, expected: "`true` or `false`", hint: nil)
        }
        if scalar.style == .plain, scalar.text == "true" || scalar.text == "false" { return scalar.text == "true" }
        let lowered = scalar.text.lowercased()
        let meant: String?
        if ["true", "yes", "on", "y", "1"].contains(lowered) {
            meant = "true"
        } else if ["false", "no", "off", "n", "0"].contains(lowered) {
            meant = "false"
        } else {
            meant = nil
        }
        let hint =
            meant.map { scalar.style == .quoted ? "write `\($0)` without quotes" : "write `\($0)`" }
            ?? "write `true` or `false`"
        return typeMismatch(path, node, expected: "`true` or `false`", hint: hint)
    }

    /// One of an enum's raw values, with a did-you-mean when it is not.
    mutating func oneOf<Value: RawRepresentable & CaseIterable>(
        _ node: YAMLNode?, at path: String, what: String
    ) -> Value? where Value.RawValue == String {
        guard let text = text(node, at: path) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let quoted = node.map(\.kindDescription) ?? "`\(text)`"
        report(path, at: node?.location, .notOneOf(value: quoted, what: what, allowed: Value.allCases.map(\.rawValue)))
        return unusable(path)
    }

    mutating func mapping(_ node: YAMLNode?, at path: String, hint: String? = nil) -> YAMLMapping? {
        guard let node else { return unusable(path) }
        guard case .mapping(let mapping) = node else {
            return typeMismatch(path, node, expected: "a mapping", hint: hint)
        }
        return mapping
    }

    mutating func list(_ node: YAMLNode?, at path: String, hint: String? = nil) -> YAMLSequence? {
        guard let node else { return unusable(path) }
        guard case .sequence(let sequence) = node else {
            return typeMismatch(path, node, expected: "a list", hint: hint)
        }
        return sequence
    }

    mutating func typeMismatch<T>(_ path: String, _ node: YAMLNode, expected: String, hint: String?) -> T? {
        report(path, at: node.location, .wrongType(expected: expected, found: node.kindDescription, hint: hint))
        return unusable(path)
    }

    mutating func report(_ path: String, at location: SourceLocation?, _ problem: QuestionnaireProblem) {
        diagnostics.append(Diagnostic(file: file, location: location, keyPath: path, problem: problem))
        unusable.insert(path)
    }

    mutating func unusable<T>(_ path: String) -> T? {
        unusable.insert(path)
        return nil
    }

    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    static func decimal(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits == "0" || !digits.hasPrefix("0") else {
            return nil
        }
        return Int(text)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
