import DoormanCrypto

/// The kinds of prefixed identifiers, each with the prefix that appears on the wire.
public enum IdentifierKind: Sendable, Hashable, CaseIterable {
    /// A user: `user_…`.
    case user
    /// A company, the seller: `biz_…`.
    case company
    /// A product: `prod_…`.
    case product
    /// A plan, the price and billing terms of a product: `plan_…`.
    case plan
    /// A membership, the proof of purchase: `mem_…`.
    case membership
    /// A web app, which Whop calls an experience: `exp_…`.
    case webApp
    /// A web app's OAuth `client_id`: `app_…`.
    case client

    /// The prefix, including its trailing underscore.
    public var prefix: String {
        switch self {
        case .user: "user_"
        case .company: "biz_"
        case .product: "prod_"
        case .plan: "plan_"
        case .membership: "mem_"
        case .webApp: "exp_"
        case .client: "app_"
        }
    }
}

/// Generation and syntax checks for prefixed, opaque, URL-safe identifiers such as `user_3q2-7wXk…`.
public enum Identifier {
    /// Random bytes per new identifier: 16 bytes, 128 bits, 22 base64url characters after the prefix.
    public static let randomByteCount = 16

    /// Maximum length of the part after the prefix that `isValid(_:kind:)` accepts, in characters.
    ///
    /// Generated identifiers use 22. The limit leaves room for identifiers imported from elsewhere
    /// while bounding what a request can make the server look up.
    public static let maximumSuffixLength = 64

    /// Makes a new identifier of `kind` from 128 random bits of `random`.
    public static func make(_ kind: IdentifierKind, using random: any RandomSource = SodiumRandomSource()) -> String {
        random.identifier(prefix: kind.prefix, bytes: randomByteCount)
    }

    /// Returns whether `identifier` is the prefix of `kind` followed by 1 to 64 characters of `A-Z a-z 0-9 - _`.
    public static func isValid(_ identifier: String, kind: IdentifierKind) -> Bool {
        guard identifier.hasPrefix(kind.prefix) else {
            return false
        }

        let suffix = identifier.utf8.dropFirst(kind.prefix.utf8.count)
        return (1...maximumSuffixLength).contains(suffix.count) && suffix.allSatisfy(isIdentifierCharacter)
    }

    private static func isIdentifierCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
