import DoormanCrypto
import DoormanOAuth

/// Checks a username and password with the same work whether or not the username exists.
struct PasswordCheck: Sendable {
    /// The outcome of a check.
    enum Outcome {
        case succeeded(User)
        case unknownUser
        case wrongPassword(User)
    }

    let store: any DoormanStore
    let hasher: PasswordHasher
    /// A hash of a random password made with `hasher`'s limits, verified in place of a missing user's hash.
    private let dummyHash: String?

    /// Creates a check and computes the dummy hash once, which takes one hash's time.
    init(store: any DoormanStore, hasher: PasswordHasher, random: any RandomSource) {
        self.store = store
        self.hasher = hasher
        dummyHash = try? hasher.hash(password: random.token())
    }

    /// Returns whether `password` is the password of the user named `username`.
    ///
    /// An unknown username costs one Argon2id verification against the dummy hash, like a known one, so the
    /// response time does not tell which usernames exist.
    func check(username: String, password: String) throws(StoreError) -> Outcome {
        guard let user = try store.user(username: username) else {
            // If the dummy hash could not be made at start, hashing now costs the same as verifying.
            if let dummyHash {
                _ = hasher.verify(password: password, hash: dummyHash)
            } else {
                _ = try? hasher.hash(password: password)
            }
            return .unknownUser
        }

        guard hasher.verify(password: password, hash: user.passwordHash) else {
            return .wrongPassword(user)
        }
        return .succeeded(user)
    }
}
