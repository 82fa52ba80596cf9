/// Every audit event Doorman logs, named `entity.outcome`. The raw value is the log message.
///
/// Audit records carry the ids of the records involved (request, user, client, grant and so on) and never a
/// secret, code, token, password or cookie value. docs/SECURITY.md lists each event's fields.
public enum AuditEvent: String, Sendable, CaseIterable {
    /// An authorization code was issued by the authorization endpoint or a launch from the hub.
    case authorizationCodeIssued = "authorization_code.issued"
    /// An authorization code was redeemed at the token endpoint.
    case authorizationCodeConsumed = "authorization_code.consumed"
    /// A used authorization code was presented again by its client, so its grant is revoked next.
    case authorizationCodeReplayed = "authorization_code.replayed"
    /// An access token and a refresh token were issued.
    case tokenIssued = "token.issued"
    /// A token request failed with an OAuth error. Logged at debug level.
    case tokenRejected = "token.rejected"
    /// A refresh token was rotated: it was revoked and a successor was issued in its family.
    case refreshTokenRotated = "refresh_token.rotated"
    /// A refresh token rotated within the grace window was presented again and received the same successor.
    case refreshTokenRetried = "refresh_token.retried"
    /// A revoked refresh token, or one rotated before the grace window, was presented again by its client.
    case refreshTokenReused = "refresh_token.reused"
    /// Every token of a grant, one refresh token family, was revoked after a replay.
    case grantRevoked = "grant.revoked"
    /// An authorization request failed validation.
    case authorizationRejected = "authorization.rejected"
    /// A signed-in user was refused authorization, for example for lack of a valid membership.
    case authorizationDenied = "authorization.denied"
    /// A user approved a client's scope on the consent page.
    case consentGranted = "consent.granted"
    /// A launch from the hub was refused.
    case launchRefused = "launch.refused"
    /// A user signed in with a correct password.
    case signInSucceeded = "sign_in.succeeded"
    /// A sign-in failed: unknown username or wrong password.
    case signInFailed = "sign_in.failed"
    /// A signed-in user signed out, which deletes the session.
    case sessionEnded = "session.ended"
    /// A visitor created an account on the sign-up page.
    case userCreated = "user.created"
    /// A seller created a company on the dashboard.
    case companyCreated = "company.created"
    /// A seller created a product on the dashboard.
    case productCreated = "product.created"
    /// A seller created a plan on the dashboard.
    case planCreated = "plan.created"
    /// A buyer purchased a plan on the hub.
    case membershipCreated = "membership.created"
    /// A seller canceled a membership on the dashboard.
    case membershipCanceled = "membership.canceled"
    /// A seller registered a web app, an OAuth client, on the dashboard.
    case clientCreated = "client.created"
    /// A seller replaced a client's secret on the dashboard.
    case clientSecretRotated = "client.secret_rotated"
    /// A seller turned the PKCE requirement of a client with a secret on or off on the dashboard.
    case clientPKCEChanged = "client.pkce_changed"
    /// A client revoked one of its tokens at the revocation endpoint, or found it revoked already.
    case tokenRevoked = "token.revoked"
    /// A revocation request named a token of another client, or no token at all; nothing was revoked.
    case tokenRevocationIgnored = "token.revocation_ignored"
    /// A rate limit refused a request: the first refusal of a key in an instance's window.
    case rateLimitExceeded = "rate_limit.exceeded"
}
