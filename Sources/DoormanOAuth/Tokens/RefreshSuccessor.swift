import DoormanCrypto

/// The tokens issued by rotating a refresh token, as the rotated token's row keeps them for the grace window.
///
/// Stores keep only hashes of tokens, yet a request that retries a rotation within the grace window must receive
/// the same access token and refresh token as the request that rotated. So the successor's values are sealed
/// with `SecretBox` under a key derived from the presented refresh token: any instance that receives that token
/// can open them, and the database alone yields no usable token. The key is SHA-256 over a fixed label, a zero
/// byte and the token, so it differs from `TokenHash.of(token)`, which the database does contain.
public struct RefreshSuccessor: Sendable, Hashable {
    /// The response of the rotation, whose `expiresIn` counts from its `createdAt`.
    public let response: TokenResponse

    /// The domain label of the key derivation. Changing it makes every sealed successor unreadable.
    static let keyLabel = "doorman refresh token successor v1"

    /// Creates a successor from the response of a rotation, which must carry a refresh token.
    public init?(response: TokenResponse) {
        guard response.refreshToken != nil else {
            return nil
        }
        self.response = response
    }

    /// Encrypts the successor under the key of `presentedToken`, the refresh token that was rotated.
    public func seal(under presentedToken: String, random: any RandomSource = SodiumRandomSource()) -> [UInt8] {
        let fields = [
            response.accessToken, response.refreshToken ?? "", response.scope.description,
            String(response.createdAt), String(response.expiresIn),
        ]
        let plaintext = Array(fields.joined(separator: "\n").utf8)
        return SecretBox.seal(plaintext, key: Self.key(for: presentedToken), random: random)
    }

    /// Decrypts a successor that `seal` made under `presentedToken`, or returns nil when the token is another
    /// one or the sealed bytes were changed.
    public static func open(_ sealed: [UInt8], presentedToken: String) -> RefreshSuccessor? {
        guard let plaintext = SecretBox.open(sealed, key: key(for: presentedToken)) else {
            return nil
        }
        let text = String(decoding: plaintext, as: UTF8.self)
        let fields = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard fields.count == 5, let createdAt = Int64(fields[3]), let expiresIn = Int64(fields[4]),
            let scope = try? Scope.parse(String(fields[2]))
        else {
            return nil
        }
        return RefreshSuccessor(
            response: TokenResponse(
                accessToken: String(fields[0]), expiresIn: expiresIn, refreshToken: String(fields[1]), scope: scope,
                createdAt: createdAt))
    }

    /// Returns the response to send again at `now`, in Unix seconds: the same tokens, scope and `created_at`, with
    /// `expires_in` counting the access token's remaining seconds.
    public func response(at now: Int64) -> TokenResponse {
        let expiresAt = response.createdAt + response.expiresIn
        return TokenResponse(
            accessToken: response.accessToken, expiresIn: max(0, expiresAt - now), refreshToken: response.refreshToken,
            scope: response.scope, createdAt: response.createdAt)
    }

    /// Returns the 32-byte sealing key for `token`.
    static func key(for token: String) -> [UInt8] {
        SHA256.hash(Array(keyLabel.utf8) + [0] + Array(token.utf8))
    }
}
