import DoormanCrypto
import DoormanOAuth

/// Runs `body` and returns the OAuth error it threw, or nil when it returned normally or threw another type.
func oauthError<Value>(_ body: () throws -> Value) -> OAuthError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? OAuthError
    }
}

/// Returns the same bytes every time, so generated identifiers are predictable.
struct FixedRandomSource: RandomSource {
    let byte: UInt8

    func bytes(count: Int) -> [UInt8] {
        [UInt8](repeating: byte, count: count)
    }
}

/// Request parameters in order, as the HTTP layer passes them.
typealias Parameters = [(name: String, value: String)]
