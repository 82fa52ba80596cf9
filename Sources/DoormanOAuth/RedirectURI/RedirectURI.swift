/// Redirect URI rules: what may be registered, when a requested URI matches a registered one, and how
/// response parameters are added to it.
public enum RedirectURI {
    /// Returns whether `requested` is the same URI as `registered` under exact matching (RFC 9700 section 2.1).
    ///
    /// The scheme and host compare ASCII case-insensitively, since RFC 3986 section 6.2.2.1 makes them
    /// case-insensitive. Port, path and query compare byte for byte: a trailing slash, a different case in
    /// the path, an extra query parameter or a different percent-encoding all fail. Default ports are not
    /// normalized either, so `https://a.example` does not match `https://a.example:443`. This keeps the
    /// check the simple string comparison that RFC 6749 section 3.1.2.3 requires. A requested URI with a
    /// fragment or with userinfo never matches.
    public static func matches(registered: String, requested: String) -> Bool {
        guard let registeredParts = URIParts(registered), let requestedParts = URIParts(requested) else {
            return false
        }
        if requested.utf8.contains(UInt8(ascii: "#")) || requestedParts.authority.contains(UInt8(ascii: "@")) {
            return false
        }

        return asciiLowercased(registeredParts.scheme) == asciiLowercased(requestedParts.scheme)
            && asciiLowercased(registeredParts.host) == asciiLowercased(requestedParts.host)
            && registeredParts.port == requestedParts.port
            && registeredParts.remainder == requestedParts.remainder
    }

    /// Chooses the redirect URI of an authorization request and returns the registered entry to redirect to.
    ///
    /// A `requested` URI (nil or empty when absent) must match one of `registered`. Without one, the client
    /// must have exactly one registered URI, because with several the server cannot tell which was meant
    /// (RFC 6749 section 3.1.2.3). The chosen entry must also pass `validateForRegistration` today, so that a
    /// URI stored before a rule existed, or written to the database by hand, is never redirected to. Every
    /// failure is `invalid_redirect_uri`, which must be shown to the user and never redirected.
    public static func resolve(requested: String?, registered: [String]) -> Result<String, OAuthError> {
        let chosen: String
        if let requested, !requested.isEmpty {
            guard let match = registered.first(where: { matches(registered: $0, requested: requested) }) else {
                let shown = boundedExcerpt(requested, maximumScalars: 200)
                return .failure(OAuthError(.invalidRedirectURI, debugCause: "redirect_uri \(shown) is not registered"))
            }
            chosen = match
        } else {
            guard registered.count == 1, let only = registered.first else {
                return .failure(
                    OAuthError(
                        .invalidRedirectURI,
                        debugCause: "redirect_uri missing and the client has \(registered.count) registered URIs"))
            }
            chosen = only
        }

        guard isRegistrable(chosen) else {
            return .failure(
                OAuthError(.invalidRedirectURI, debugCause: "the registered redirect URI fails the registration rules"))
        }
        return .success(chosen)
    }

    /// Returns whether `uri` passes `validateForRegistration`, the check that every redirect target must pass.
    public static func isRegistrable(_ uri: String) -> Bool {
        do {
            try validateForRegistration(uri)
            return true
        } catch {
            return false
        }
    }

    /// Adds `parameters` to the query of `uri`, keeping the query it already has (RFC 6749 section 3.1.2).
    ///
    /// Names and values are percent-encoded by `FormURLEncoding.encode`, so a `state` with `&`, `=`, spaces
    /// or non-ASCII text comes back unchanged when the client decodes it. A fragment in `uri`, which
    /// registration rejects, stays after the query.
    public static func appendingQuery(to uri: String, parameters: [(name: String, value: String)]) -> String {
        guard !parameters.isEmpty else {
            return uri
        }
        var base = Substring(uri)
        var fragment: Substring = ""
        if let hash = uri.firstIndex(of: "#") {
            base = uri[..<hash]
            fragment = uri[hash...]
        }

        let separator: String
        if !base.contains("?") {
            separator = "?"
        } else if base.hasSuffix("?") || base.hasSuffix("&") {
            separator = ""
        } else {
            separator = "&"
        }
        return base + separator + FormURLEncoding.encode(parameters) + fragment
    }
}
