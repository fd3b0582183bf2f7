/// An IPv4 network in CIDR notation, e.g. `10.1.0.0/16`.
public struct IPv4CIDR: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The network address as a 32-bit number (host bits are always zero).
    public let network: UInt32
    public let prefixLength: Int

    /// Parses `a.b.c.d/p`; nil when malformed or when host bits are set (`10.0.0.1/16`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Self.decimal(parts[1], max: 32),
            let address = Self.address(parts[0])
        else { return nil }
        self.init(network: address, prefixLength: prefix)
        guard self.network == address else { return nil }
    }

    /// The network containing `address`, host bits cleared.
    public init(network address: UInt32, prefixLength: Int) {
        precondition((0...32).contains(prefixLength))
        self.prefixLength = prefixLength
        self.network = address & Self.mask(prefixLength)
    }

    public var size: UInt64 { UInt64(1) << UInt64(32 - prefixLength) }
    public var lastAddress: UInt32 { network | ~Self.mask(prefixLength) }

    /// `cidrsubnet(self, newBits, index)` as Terraform computes it.
    public func subnet(newBits: Int, index: Int) -> IPv4CIDR {
        precondition(newBits >= 0 && prefixLength + newBits <= 32 && index >= 0 && index < (1 << newBits))
        let length = prefixLength + newBits
        let offset = UInt32(index) << UInt32(32 - length)
        return IPv4CIDR(network: network | offset, prefixLength: length)
    }

    public func contains(_ other: IPv4CIDR) -> Bool {
        other.prefixLength >= prefixLength && other.network & Self.mask(prefixLength) == network
    }

    public func overlaps(_ other: IPv4CIDR) -> Bool { contains(other) || other.contains(self) }

    /// Inside 10/8, 172.16/12 or 192.168/16 (RFC 1918).
    public var isPrivate: Bool {
        ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].compactMap(IPv4CIDR.init).contains { $0.contains(self) }
    }

    public var description: String {
        let octets = stride(from: 24, through: 0, by: -8).map { String((network >> UInt32($0)) & 0xff) }
        return octets.joined(separator: ".") + "/\(prefixLength)"
    }

    private static func mask(_ prefix: Int) -> UInt32 {
        prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix)
    }

    private static func address(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard let number = decimal(octet, max: 255) else { return nil }
            value = value << 8 | UInt32(number)
        }
        return value
    }

    /// Plain decimal without sign or leading zeros (`010` is ambiguous: octal to some tools).
    private static func decimal(_ text: Substring, max: Int) -> Int? {
        guard !text.isEmpty, text.count <= 3, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
            text == "0" || !text.hasPrefix("0"), let number = Int(text), number <= max
        else { return nil }
        return number
    }
}
