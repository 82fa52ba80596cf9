import DoormanHTTP
import DoormanOAuth

/// Authentication of v5 API requests by an access token in `Authorization: Bearer` (RFC 6750 section 2.1).
struct BearerAuthentication: Sendable {
    /// The store of the access tokens.
    let store: any DoormanStore

    /// Returns the record of the request's access token, which is active at `now`, in Unix seconds.
    ///
    /// Only the `Authorization` header is read. A token in the URL query (RFC 6750 section 2.3) is ignored,
    /// because URLs end up in logs and browser history, so such a request counts as one without a token.
    ///
    /// - Throws: `APIFailure.missingToken` when there is no `Authorization` header or it uses another scheme
    ///   than Bearer, `APIFailure.invalidToken` when the Bearer credentials are malformed or the token is
    ///   unknown, expired or revoked, and `StoreError` when the lookup fails.
    func authenticate(_ request: Request, at now: Int64) throws -> AccessToken {
        let token = try Self.bearerToken(in: request.headers)
        guard let record = try store.accessToken(hash: TokenHash.of(token)), record.isActive(at: now) else {
            throw APIFailure.invalidToken
        }
        return record
    }

    /// Returns the request's active access token and its user, read together, as `authenticate` checks it.
    func authenticateWithUser(_ request: Request, at now: Int64) throws -> (token: AccessToken, user: User) {
        let token = try Self.bearerToken(in: request.headers)
        guard let found = try store.accessTokenAndUser(hash: TokenHash.of(token)), found.token.isActive(at: now)
        else {
            throw APIFailure.invalidToken
        }
        return found
    }

    /// Returns the token of an `Authorization: Bearer` header, whose scheme matches without regard to case.
    static func bearerToken(in headers: HTTPHeaders) throws(APIFailure) -> String {
        let values = headers.values(for: "Authorization")
        // Two Authorization headers are malformed (RFC 9110 section 5.3 allows repeating only list fields), and
        // taking either one would let the order of the headers decide who the request is.
        guard values.count <= 1 else {
            throw .invalidToken
        }
        guard let value = values.first, hasBearerScheme(value) else {
            // RFC 6750 section 3.1: a request without Bearer credentials gets a challenge without an error code.
            throw .missingToken
        }

        switch try? AuthorizationCredentials.parse(value) {
        case .bearer(let token):
            return token
        case .basic, nil:
            throw .invalidToken
        }
    }

    /// Returns whether the first word of `value`, after leading spaces and tabs, is `Bearer` in any case.
    private static func hasBearerScheme(_ value: String) -> Bool {
        let scheme = value.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            .prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard scheme.count == bearer.count else {
            return false
        }
        // Setting bit 5 lowercases an ASCII letter; the expected bytes are all lowercase letters.
        return zip(scheme, bearer).allSatisfy { $0 | 0x20 == $1 }
    }

    private static let bearer = Array("bearer".utf8)
}
