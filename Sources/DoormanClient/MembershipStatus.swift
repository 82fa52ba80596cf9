/// A membership's billing state as the provider spells it, such as `active`.
///
/// A status this version does not know is kept as its raw value instead of failing the whole response,
/// because providers add states over time. Compare with the constants: `membership.status == .active`.
public struct MembershipStatus: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The status as sent on the wire.
    public let rawValue: String

    /// Creates a status from its wire spelling, known or not.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `trialing`: in a free trial.
    public static let trialing = MembershipStatus(rawValue: "trialing")
    /// `active`: paid and current.
    public static let active = MembershipStatus(rawValue: "active")
    /// `past_due`: a renewal payment failed and is being retried.
    public static let pastDue = MembershipStatus(rawValue: "past_due")
    /// `completed`: a one-time purchase that has been fulfilled.
    public static let completed = MembershipStatus(rawValue: "completed")
    /// `canceled`: ended by the buyer or the seller.
    public static let canceled = MembershipStatus(rawValue: "canceled")
    /// `expired`: ran out without renewal.
    public static let expired = MembershipStatus(rawValue: "expired")
    /// `unresolved`: payment is in dispute or otherwise unsettled.
    public static let unresolved = MembershipStatus(rawValue: "unresolved")

    /// The statuses that have constants above, in the order of the constants.
    public static let known: [MembershipStatus] = [
        .trialing, .active, .pastDue, .completed, .canceled, .expired, .unresolved,
    ]

    /// Whether the status is one of `known`, so false for a status added by the provider later.
    public var isKnown: Bool {
        Self.known.contains(self)
    }

    /// The wire spelling.
    public var description: String {
        rawValue
    }

    /// Decodes the status from a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the status as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
