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
    /// Keys are Swift identifiers or the blueprint's own snake_case keys: ASCII.
    static func snakeCased(_ key: String) -> String {
        let bytes = Array(key.utf8)
        guard bytes.contains(where: isUpper) else { return key }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        for (index, byte) in bytes.enumerated() {
            if isUpper(byte), index > 0 {
                let previous = bytes[index - 1]
                let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
                if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) {
                    out.append(UInt8(ascii: "_"))
                }
            }
            out.append(isUpper(byte) ? byte + 32 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
    private static func isLower(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// A value being encoded. Members and items live in their own storage so that adding one
    /// does not copy the others.
    final class Node {
        enum Kind { case empty, scalar, object, list }

        var kind = Kind.empty
        var scalar = RenderValue.bool(false)
        var members: [String: Node] = [:]
        var items: [Node] = []

        var value: RenderValue {
            switch kind {
            case .empty: .object([:])
            case .scalar: scalar
            case .object: .object(members.mapValues(\.value))
            case .list: .list(items.map(\.value))
            }
        }

        func set(_ value: RenderValue) {
            kind = .scalar
            scalar = value
        }

        func member(_ key: String) -> Node {
            kind = .object
            let child = Node()
            members[RenderValueEncoder.snakeCased(key)] = child
            return child
        }

        func appended() -> Node {
            kind = .list
            let child = Node()
            items.append(child)
            return child
        }

        /// Scalars directly (compared by type, not cast), anything else through its encoding.
        func store<T: Encodable>(_ value: T) throws {
            if T.self == String.self, let string = value as? String {
                set(.string(string))
            } else if T.self == Int.self, let int = value as? Int {
                set(.int(int))
            } else if T.self == Bool.self, let bool = value as? Bool {
                set(.bool(bool))
            } else {
                try value.encode(to: TreeEncoder(node: self))
            }
        }
    }

    struct TreeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.kind = .object
            return KeyedEncodingContainer(Keyed<Key>(node: node))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.kind = .list
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
        var count: Int { node.items.count }

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
        mutating func encode(_ value: String) throws { node.set(.string(value)) }
        mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
        mutating func encode(_ value: Int) throws { node.set(.int(value)) }
        mutating func encode(_ value: Double) throws { node.set(.string(String(value))) }
        mutating func encode(_ value: Float) throws { node.set(.string(String(value))) }
        mutating func encode(_ value: Int8) throws { node.set(.int(Int(value))) }
        mutating func encode(_ value: Int16) throws { node.set(.int(Int(value))) }
        mutating func encode(_ value: Int32) throws { node.set(.int(Int(value))) }
        mutating func encode(_ value: Int64) throws { node.set(.int(Int(value))) }
        mutating func encode(_ value: UInt) throws { node.set(Self.unsigned(value)) }
        mutating func encode(_ value: UInt8) throws { node.set(.int(Int(value))) }
        mutating func encode(_ value: UInt16) throws { node.set(.int(Int(value))) }
        mutating func encode(_ value: UInt32) throws { node.set(.int(Int(value))) }
        mutating func encode(_ value: UInt64) throws { node.set(Self.unsigned(value)) }

        /// An integer when it fits, else its digits.
        private static func unsigned(_ value: some UnsignedInteger) -> RenderValue {
            Int(exactly: value).map(RenderValue.int) ?? .string(String(value))
        }
    }
}
