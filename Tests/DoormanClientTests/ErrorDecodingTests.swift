import Foundation
import Testing

@testable import DoormanClient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

struct ErrorDecodingTests {
    private static let invalidGrantText =
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used "
        + "in the authorization request, or was issued to another client."
    private static let invalidTokenText =
        "Your access token is invalid. Please make sure you are passing an access token, and that it is "
        + "correctly formatted."

    /// Status and raw body in, kind, OAuth code and message out.
    @Test(
        arguments: [
            (
                400, #"{"error":"invalid_grant","error_description":"\#(invalidGrantText)"}"#, "invalidGrant",
                "invalid_grant", invalidGrantText
            ),
            (
                401, #"{"error":"invalid_client","error_description":"bad client"}"#, "invalidClient", "invalid_client",
                "bad client"
            ),
            (
                400, #"{"error":"invalid_request","error_description":"Missing required parameter: code."}"#,
                "invalidRequest", "invalid_request", "Missing required parameter: code."
            ),
            (401, #"{"error":"unauthorized_client"}"#, "unauthorizedClient", "unauthorized_client", nil),
            (400, #"{"error":"unsupported_grant_type"}"#, "unsupportedGrantType", "unsupported_grant_type", nil),
            (400, #"{"error":"invalid_scope"}"#, "invalidScope", "invalid_scope", nil),
            (503, #"{"error":"temporarily_unavailable"}"#, "server", "temporarily_unavailable", nil),
            (400, #"{"error":"some_new_code"}"#, "badRequest", "some_new_code", nil),
            (401, #"{"message":"\#(invalidTokenText)"}"#, "unauthorized", nil, invalidTokenText),
            (403, #"{"message":"no"}"#, "forbidden", nil, "no"),
            (
                404, #"{"message":"Route /v5/me/memberships/mem_x not found"}"#, "notFound", nil,
                "Route /v5/me/memberships/mem_x not found"
            ),
            (429, #"{"message":"You are being rate limited"}"#, "rateLimited", nil, "You are being rate limited"),
            (500, #"{"message":"boom"}"#, "server", nil, "boom"),
            (400, #"{"message":"per must be at most 50"}"#, "badRequest", nil, "per must be at most 50"),
            (409, #"{"message":"conflict"}"#, "unexpectedStatus", nil, "conflict"),
            (401, #"{"error":{"status":401,"message":"nested text"}}"#, "unauthorized", nil, "nested text"),
        ] as [(Int, String, String, String?, String?)])
    func bodyDecodes(status: Int, body: String, kind: String, oauthError: String?, message: String?) {
        let error = DoormanClientError.response(
            status: status, body: Data(body.utf8), retryAfterHeader: nil, request: "POST /v5/oauth/token")

        #expect(error.kind.description == kind)
        #expect(error.status == status)
        #expect(error.oauthError == oauthError)
        #expect(error.message == message)
        #expect(error.bodyExcerpt == nil)
    }

    @Test func unreadableBodyKeepsExcerpt() {
        let html = "<html><body>502 Bad Gateway</body></html>"

        let error = DoormanClientError.response(
            status: 502, body: Data(html.utf8), retryAfterHeader: nil, request: "GET /v5/me")

        #expect(error.kind == .server)
        #expect(error.bodyExcerpt == html)
        #expect(error.message == nil)
    }

    @Test func excerptIsCappedAt200Characters() {
        let body = String(repeating: "x", count: 1000)

        let error = DoormanClientError.response(
            status: 500, body: Data(body.utf8), retryAfterHeader: nil, request: "GET /v5/me")

        #expect(error.bodyExcerpt?.count == DoormanClientError.excerptLength)
    }

    @Test func emptyBodyHasNoExcerpt() {
        let error = DoormanClientError.response(status: 404, body: Data(), retryAfterHeader: nil, request: "GET /x")

        #expect(error.kind == .notFound)
        #expect(error.bodyExcerpt == nil)
    }

    @Test(arguments: [("30", 30), (" 5 ", 5), ("Wed, 21 Oct 2015 07:28:00 GMT", nil), ("-1", nil)] as [(String, Int?)])
    func retryAfterReadsDeltaSeconds(header: String, expected: Int?) {
        let error = DoormanClientError.response(
            status: 429, body: Data(#"{"message":"You are being rate limited"}"#.utf8), retryAfterHeader: header,
            request: "GET /v5/me")

        #expect(error.retryAfter == expected)
    }

    @Test func descriptionNamesRequestStatusCodeAndAdvice() {
        let error = DoormanClientError.response(
            status: 400, body: Data(#"{"error":"invalid_grant","error_description":"bad code"}"#.utf8),
            retryAfterHeader: nil, request: "POST /v5/oauth/token")

        #expect(
            error.description
                == "POST /v5/oauth/token failed with HTTP 400 invalid_grant: bad code. Start the sign-in again to "
                + "get a new code, or sign the user in again if a refresh failed")
    }

    @Test func rateLimitAdviceNamesTheWait() {
        let error = DoormanClientError.response(
            status: 429, body: Data(), retryAfterHeader: "12", request: "GET /v5/me")

        #expect(error.description == "GET /v5/me failed with HTTP 429. Retry after 12 seconds")
    }

    @Test(arguments: [
        (URLError.Code.timedOut, "timedOut"),
        (.cancelled, "cancelled"),
        (.cannotConnectToHost, "transport"),
        (.networkConnectionLost, "transport"),
    ])
    func urlErrorsMapToKinds(code: URLError.Code, kind: String) {
        let error = DoormanClientError.transport(URLError(code), request: "GET /v5/me")

        #expect(error.kind.description == kind)
        #expect(error.status == nil)
    }

    @Test func cancellationErrorIsCancelled() {
        #expect(DoormanClientError.transport(CancellationError(), request: "GET /v5/me").kind == .cancelled)
    }

    @Test func clientErrorFromTransportPassesThrough() {
        let original = DoormanClientError(kind: .rateLimited, request: "GET /v5/me", status: 429)

        #expect(DoormanClientError.transport(original, request: "other") == original)
    }

    @Test func otherTransportErrorKeepsItsDescription() {
        struct ProxyFailure: Error, CustomStringConvertible {
            var description: String { "proxy refused" }
        }

        let error = DoormanClientError.transport(ProxyFailure(), request: "GET /v5/me")

        #expect(error.kind == .transport)
        #expect(error.underlyingError == "proxy refused")
    }
}
