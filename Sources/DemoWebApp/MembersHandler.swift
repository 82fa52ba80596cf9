import DoormanClient
import DoormanHTTP
import Logging

extension DemoWebApp {
    /// Seconds before the access token's expiry at which it is refreshed, so it never expires mid-request.
    static let refreshLeeway: Double = 60

    /// `GET /members`: reads the user's memberships of the product from Doorman on every visit, so a membership
    /// that ended shows at once, and renders the members-only page or "Purchase required".
    func members(_ request: Request) async -> Response {
        guard let id = SessionCookie.member.id(in: request), let session = sessions.member(id) else {
            return Self.redirect(to: "/")
        }

        do {
            guard let tokens = try await currentTokens(of: session, id: id) else {
                return endSession(request, id: id, reason: "no_refresh_token")
            }
            let page = try await client.memberships(accessToken: tokens.accessToken, productID: configuration.productID)
            let membership = page.data.first { $0.valid && $0.productID == configuration.productID }
            guard let membership else {
                return DemoPages.purchaseRequired(
                    user: session.user, productID: configuration.productID,
                    productPageURL: configuration.productPageURL)
            }
            return DemoPages.members(user: session.user, membership: membership)
        } catch let error where error.kind == .unauthorized || error.kind == .invalidGrant {
            return endSession(request, id: id, reason: "tokens_rejected", error: error)
        } catch {
            logger.warning(
                "membership.read_failed", metadata: ["request.id": "\(request.requestID)", "error": "\(error)"])
            return DemoPages.error(
                title: "Doorman unavailable",
                message: "The web app could not read your membership from Doorman at "
                    + "\(configuration.doormanURL.absoluteString). Reload the page in a moment.",
                status: .badGateway)
        }
    }

    /// Returns the session's tokens, refreshed first when the access token expires within `refreshLeeway`,
    /// or nil when they expire and there is no refresh token.
    private func currentTokens(of session: MemberSession, id: String) async throws(DoormanClientError) -> TokenSet? {
        guard session.tokens.isExpired(leeway: Self.refreshLeeway) else {
            return session.tokens
        }
        guard let refreshToken = session.tokens.refreshToken else {
            return nil
        }

        let tokens = try await client.refresh(refreshToken)
        sessions.updateTokens(id, tokens: tokens)
        return tokens
    }

    /// Ends a session whose tokens can no longer be used and shows a page to sign in again.
    private func endSession(
        _ request: Request, id: String, reason: String, error: DoormanClientError? = nil
    ) -> Response {
        sessions.signOut(id)
        var metadata: Logger.Metadata = ["request.id": "\(request.requestID)", "reason": "\(reason)"]
        if let error {
            metadata["error"] = "\(error)"
        }
        logger.notice("session.ended", metadata: metadata)

        var response = DemoPages.error(
            title: "Session ended",
            message: "Doorman no longer accepts this sign-in, so you were signed out. Sign in again.",
            status: .unauthorized)
        response.headers.add(
            name: "Set-Cookie", value: SessionCookie.member.clearing(secure: configuration.usesSecureCookies))
        return response
    }
}
