/// Finds the client's address behind trusted reverse proxies, from the peer address and `X-Forwarded-For`.
///
/// A proxy appends the address of its own peer to `X-Forwarded-For`, so the right-most entries were written by
/// trusted proxies and the entries further left by the client or its own proxies. Only when the peer is a trusted
/// proxy is the header read at all, and then from the right: trusted entries are skipped and the first entry that
/// is not trusted is the client. Anything left of it could be forged by the client and is ignored, as RFC 9700
/// section 4.13 requires of addresses taken from forwarded headers.
public enum ClientAddress {
    /// Returns the client address of a request from `peer` carrying `forwardedFor`, the values of every
    /// `X-Forwarded-For` field in order.
    ///
    /// Returns `peer` unchanged when no proxy is trusted or the peer is not one of them. An entry that is not an
    /// IP address stops the walk, and the address to its right is the client, because a trusted proxy wrote it.
    public static func resolve(peer: String, forwardedFor: [String], trustedProxies: [IPAddressRange]) -> String {
        guard !trustedProxies.isEmpty, !forwardedFor.isEmpty, let peerAddress = IPAddress(peer),
            isTrusted(peerAddress, trustedProxies)
        else {
            return peer
        }

        var client = peerAddress
        let entries = forwardedFor.flatMap { $0.split(separator: ",") }
        for entry in entries.reversed() {
            guard let address = parseEntry(entry) else {
                break
            }
            client = address
            if !isTrusted(address, trustedProxies) {
                break
            }
        }
        return client.description
    }

    /// Parses one `X-Forwarded-For` entry: an address, optionally `[IPv6]` or with a port, as some proxies add.
    static func parseEntry(_ entry: Substring) -> IPAddress? {
        var text = entry.trimmingSpacesAndTabs()
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else {
                return nil
            }
            text = text[text.index(after: text.startIndex)..<close]
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = text[..<colon]
        }
        return IPAddress(String(text))
    }

    private static func isTrusted(_ address: IPAddress, _ ranges: [IPAddressRange]) -> Bool {
        ranges.contains { $0.contains(address) }
    }
}

extension Substring {
    fileprivate func trimmingSpacesAndTabs() -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
