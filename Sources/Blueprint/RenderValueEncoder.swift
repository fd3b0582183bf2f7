/// Encodes the render model straight into a RenderValue tree, keys snake_cased
/// (`ciRoleArns` -> `ci_role_arns`, `ebsKMSKeyARN` -> `ebs_kms_key_arn`). A JSON round trip
/// did the same at a quarter of `stamp generate`'s time.
enum RenderValueEncoder {
    static func encode(_ value: some Encodable) throws -> RenderValue {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root))
        return root.value
    }

    /// `camelCase` -> `camel_case`; a run of capitals is one word (`KMSKey` -> `kms_key`).
    static func snakeCased(_ key: String) -> String {
        let characters = Array(key)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { out += "_" }
            }
            out += character.lowercased()
        }
        return out
    }

    final class Node {
        enum Content {
            case empty
            case scalar(RenderValue)
            case object([String: Node])
            case list([Node])
        }

        var content = Content.empty

        var value: RenderValue {
            switch content {
            case .empty: .object([:])
            case .scalar(let value): value
            case .object(let members): .object(members.mapValues(\.value))
            case .list(let items): .list(items.map(\.value))
            }
        }

        func member(_ key: String) -> Node {
            var members: [String: Node] = [:]
            if case .object(let existing) = content { members = existing }
            let child = Node()
            members[RenderValueEncoder.snakeCased(key)] = child
            content = .object(members)
            return child
        }

        func appended() -> Node {
            var items: [Node] = []
            if case .list(let existing) = content { items = existing }
            let child = Node()
            items.append(child)
            content = .list(items)
            return child
        }

        func store<T: Encodable>(_ value: T) throws {
            switch value {
            case let string as String: content = .scalar(.string(string))
            case let bool as Bool: content = .scalar(.bool(bool))
            case let int as Int: content = .scalar(.int(int))
            default: try value.encode(to: TreeEncoder(node: self))
            }
        }
    }

    struct TreeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = node.content {} else { node.content = .object([:]) }
            return KeyedEncodingContainer(Keyed<Key>(node: node))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .list = node.content {} else { node.content = .list([]) }
            return Unkeyed(node: node)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws {}

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try node.member(key.stringValue).store(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            TreeEncoder(node: node.member(key.stringValue)).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            TreeEncoder(node: node.member(key.stringValue)).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(node: node) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(node: node.member(key.stringValue)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] = []
        var count: Int {
            if case .list(let items) = node.content { return items.count }
            return 0
        }

        mutating func encodeNil() throws {}

        mutating func encode<T: Encodable>(_ value: T) throws { try node.appended().store(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            TreeEncoder(node: node.appended()).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            TreeEncoder(node: node.appended()).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.appended()) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value) }
        mutating func encode(_ value: String) throws { node.content = .scalar(.string(value)) }
        mutating func encode(_ value: Bool) throws { node.content = .scalar(.bool(value)) }
        mutating func encode(_ value: Int) throws { node.content = .scalar(.int(value)) }
        mutating func encode(_ value: Double) throws { node.content = .scalar(.string(String(value))) }
        mutating func encode(_ value: Float) throws { node.content = .scalar(.string(String(value))) }
        mutating func encode(_ value: Int8) throws { node.content = .scalar(.int(Int(value))) }
        mutating func encode(_ value: Int16) throws { node.content = .scalar(.int(Int(value))) }
        mutating func encode(_ value: Int32) throws { node.content = .scalar(.int(Int(value))) }
        mutating func encode(_ value: Int64) throws { node.content = .scalar(.int(Int(value))) }
        mutating func encode(_ value: UInt) throws { node.content = .scalar(Self.unsigned(value)) }
        mutating func encode(_ value: UInt8) throws { node.content = .scalar(.int(Int(value))) }
        mutating func encode(_ value: UInt16) throws { node.content = .scalar(.int(Int(value))) }
        mutating func encode(_ value: UInt32) throws { node.content = .scalar(.int(Int(value))) }
        mutating func encode(_ value: UInt64) throws { node.content = .scalar(Self.unsigned(value)) }

        /// An integer when it fits, else its digits.
        private static func unsigned(_ value: some UnsignedInteger) -> RenderValue {
            Int(exactly: value).map(RenderValue.int) ?? .string(String(value))
        }
    }
}
