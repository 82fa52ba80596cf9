/// A set of scope tokens granted to a client, as carried by the `scope` parameter (RFC 6749 section 3.3).
///
/// In this version every token grants the same access: reading the user's profile (`/v5/me`) and the
/// user's memberships and products. The tokens exist because Whop integrations send them, and requests
/// without a scope get `api`.
public struct Scope: Sendable, Hashable, CustomStringConvertible {
    /// One scope token.
    public enum Token: String, Sendable, Hashable, CaseIterable, Comparable {
        /// `api`: the default scope, sent by clients that request none.
        case api
        /// `openid`: sent by OpenID Connect libraries. No ID token is issued in this version.
        case openid
        /// `read_user`: read the user's profile and memberships.
        case readUser = "read_user"
        /// `user`: read the user's profile and memberships.
        case user

        /// Orders tokens by their wire spelling, which fixes the canonical order of a scope string.
        public static func < (left: Token, right: Token) -> Bool {
            left.rawValue < right.rawValue
        }
    }

    /// The tokens in the scope. Never empty.
    public let tokens: Set<Token>

    /// The scope given to a request that names none: `api`.
    public static let `default` = Scope(validTokens: [.api])

    /// Creates a scope from tokens, or returns nil when `tokens` is empty because an empty grant is meaningless.
    public init?(tokens: Set<Token>) {
        guard !tokens.isEmpty else {
            return nil
        }
        self.tokens = tokens
    }

    private init(validTokens: Set<Token>) {
        self.tokens = validTokens
    }

    /// Parses a space-delimited `scope` value, treating nil and the empty string as `api`.
    ///
    /// Tokens are case-sensitive (RFC 6749 section 3.3). Repeated tokens collapse into one, and runs of
    /// spaces are accepted as one separator. Throws `invalid_scope` on any token outside `Token`,
    /// including tokens joined with commas or separated by tabs.
    public static func parse(_ value: String?) throws(OAuthError) -> Scope {
        guard let value, !value.isEmpty else {
            return .default
        }

        var tokens = Set<Token>()
        for word in value.split(separator: " ", omittingEmptySubsequences: true) {
            guard let token = Token(rawValue: String(word)) else {
                throw OAuthError(.invalidScope, debugCause: "unknown scope token \(String(reflecting: String(word)))")
            }
            tokens.insert(token)
        }

        guard let scope = Scope(tokens: tokens) else {
            throw OAuthError(.invalidScope, debugCause: "scope contains only spaces")
        }
        return scope
    }

    /// The canonical `scope` string: the tokens sorted by spelling and joined by single spaces.
    ///
    /// Equal scopes give equal strings, so storage can keep and compare this form.
    public var description: String {
        tokens.sorted().map(\.rawValue).joined(separator: " ")
    }

    /// Returns whether every token of this scope is also in `other`, the test a refresh request must pass
    /// because refreshing may narrow a grant but never widen it (RFC 6749 section 6).
    public func isSubset(of other: Scope) -> Bool {
        tokens.isSubset(of: other.tokens)
    }
}
