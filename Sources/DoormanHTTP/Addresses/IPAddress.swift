import Glibc

/// An IPv4 or IPv6 address. IPv4 addresses are kept as IPv4-mapped IPv6 (`::ffff:a.b.c.d`), so `1.2.3.4` and
/// `::ffff:1.2.3.4` are the same value, as they are the same client.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// The first 64 of the 128 bits, in network order.
    public let high: UInt64
    /// The last 64 of the 128 bits, in network order.
    public let low: UInt64

    private static let mappedIPv4Prefix: UInt64 = 0xffff_0000_0000

    /// Parses a numeric IPv4 address such as `192.0.2.1` or IPv6 address such as `2001:db8::1`, or returns nil.
    ///
    /// Brackets, ports, zone indexes and host names are not accepted.
    public init?(_ text: String) {
        var ipv6 = in6_addr()
        var ipv4 = in_addr()
        if inet_pton(AF_INET, text, &ipv4) == 1 {
            high = 0
            low = Self.mappedIPv4Prefix | UInt64(UInt32(bigEndian: ipv4.s_addr))
        } else if inet_pton(AF_INET6, text, &ipv6) == 1 {
            let bytes = withUnsafeBytes(of: ipv6) { Array($0) }
            high = Self.integer(bytes[0..<8])
            low = Self.integer(bytes[8..<16])
        } else {
            return nil
        }
    }

    /// Creates an address from its 128 bits.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Whether this is an IPv4 address, written in IPv4 form or as IPv4-mapped IPv6.
    public var isIPv4: Bool {
        high == 0 && low >> 32 == Self.mappedIPv4Prefix >> 32
    }

    /// The address in its standard text form: dotted decimal for IPv4, RFC 5952 form for IPv6.
    public var description: String {
        if isIPv4 {
            let value = UInt32(truncatingIfNeeded: low)
            return [24, 16, 8, 0].map { String((value >> $0) & 0xff) }.joined(separator: ".")
        }
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { buffer in
            for index in 0..<8 {
                buffer[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * index))
                buffer[8 + index] = UInt8(truncatingIfNeeded: low >> (56 - 8 * index))
            }
        }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &text, socklen_t(text.count)) != nil else {
            return "::"
        }
        return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The group that per-address limits count together: an IPv4 address alone, an IPv6 address with its whole
    /// /64 network, because one subscriber usually receives at least a /64 and can use any address in it.
    public var rateLimitGroup: String {
        isIPv4 ? description : IPAddress(high: high, low: 0).description + "/64"
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// A network in CIDR notation, such as `10.0.0.0/8` or `fd00::/8`, or a single address.
public struct IPAddressRange: Sendable, Hashable, CustomStringConvertible {
    /// The network address, with the bits past the prefix cleared.
    public let network: IPAddress
    /// The prefix length in the address's own family: 0 to 32 for IPv4, 0 to 128 for IPv6.
    public let prefixLength: Int

    /// Parses `ADDRESS` or `ADDRESS/PREFIX`, or returns nil. A single address is a range of one.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else {
            return nil
        }

        let maximum = address.isIPv4 ? 32 : 128
        var length = maximum
        if parts.count == 2 {
            guard parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let parsed = Int(parts[1]),
                (0...maximum).contains(parsed)
            else {
                return nil
            }
            length = parsed
        }
        prefixLength = length
        network = Self.masked(address, bits: length + (address.isIPv4 ? 96 : 0))
    }

    /// Returns whether `address` lies in this range. An IPv4 range contains only IPv4 addresses.
    public func contains(_ address: IPAddress) -> Bool {
        guard address.isIPv4 == network.isIPv4 else {
            return false
        }
        return Self.masked(address, bits: prefixLength + (network.isIPv4 ? 96 : 0)) == network
    }

    /// The range as `ADDRESS/PREFIX`.
    public var description: String {
        "\(network)/\(prefixLength)"
    }

    /// Returns `address` with every bit after the first `bits` of 128 cleared.
    private static func masked(_ address: IPAddress, bits: Int) -> IPAddress {
        func mask(_ kept: Int) -> UInt64 {
            if kept <= 0 {
                return 0
            }
            if kept >= 64 {
                return .max
            }
            return ~(UInt64.max >> kept)
        }
        return IPAddress(high: address.high & mask(bits), low: address.low & mask(bits - 64))
    }
}
