import DoormanHTTP

/// The value that per-address limits count for a client address.
enum RateLimitAddress {
    /// Returns `IPAddress.rateLimitGroup` of `address`: the address for IPv4, its /64 network for IPv6. A value
    /// that is not an IP address, which the server never produces, is counted as it is.
    static func group(_ address: String) -> String {
        IPAddress(address)?.rateLimitGroup ?? address
    }
}
