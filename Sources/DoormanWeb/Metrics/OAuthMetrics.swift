import DoormanOAuth
import Metrics

/// The counters of the token endpoint: tokens issued by grant type, codes redeemed, and errors by OAuth error code.
///
/// Every counter is made in `init`, so counting takes no lock and no allocation.
public struct OAuthMetrics: Sendable {
    /// The counter of access tokens issued, labeled `grant_type`.
    public static let tokensIssuedName = "doorman_oauth_tokens_issued_total"
    /// The counter of authorization codes redeemed.
    public static let codesRedeemedName = "doorman_oauth_codes_redeemed_total"
    /// The counter of token requests that failed, labeled `error` with the OAuth error code.
    public static let grantErrorsName = "doorman_oauth_grant_errors_total"
    /// The help text of each metric, by name.
    public static let help: [(name: String, text: String)] = [
        (tokensIssuedName, "Access tokens issued at the token endpoint, by grant type."),
        (codesRedeemedName, "Authorization codes redeemed for tokens."),
        (grantErrorsName, "Token requests that failed with an OAuth error, by error code."),
    ]

    /// A grant type that issues tokens.
    enum GrantType: String {
        case authorizationCode = "authorization_code"
        case refreshToken = "refresh_token"
    }

    private let authorizationCodeTokens: Counter
    private let refreshTokenTokens: Counter
    private let codesRedeemed: Counter
    private let grantErrors: [OAuthErrorCode: Counter]

    /// Creates the counters with handlers from `factory`; every error code starts at zero.
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        func tokens(_ grantType: GrantType) -> Counter {
            Counter(label: Self.tokensIssuedName, dimensions: [("grant_type", grantType.rawValue)], factory: factory)
        }
        authorizationCodeTokens = tokens(.authorizationCode)
        refreshTokenTokens = tokens(.refreshToken)
        codesRedeemed = Counter(label: Self.codesRedeemedName, factory: factory)
        var errors: [OAuthErrorCode: Counter] = [:]
        for code in OAuthErrorCode.allCases {
            errors[code] = Counter(
                label: Self.grantErrorsName, dimensions: [("error", code.rawValue)], factory: factory)
        }
        grantErrors = errors
    }

    func tokenIssued(grantType: GrantType) {
        switch grantType {
        case .authorizationCode: authorizationCodeTokens.increment()
        case .refreshToken: refreshTokenTokens.increment()
        }
    }

    func codeRedeemed() {
        codesRedeemed.increment()
    }

    func grantFailed(_ code: OAuthErrorCode) {
        grantErrors[code]?.increment()
    }
}
