/// Runs at most one refresh per refresh token at a time and hands its outcome to every caller that asked
/// meanwhile.
///
/// A provider that rotates refresh tokens accepts each one once, so two requests for one token would leave
/// one caller with `invalid_grant` and, by RFC 9700 section 4.14.2, could make the provider revoke the grant.
actor RefreshCoalescer {
    private struct Flight {
        let task: Task<TokenSet, any Error>
        var callerCount: Int
    }

    private var flights: [String: Flight] = [:]

    /// Returns the outcome of the refresh in flight for `key`, or starts `operation` and returns its outcome.
    ///
    /// The shared request runs in its own task, so cancelling one caller does not cancel it for the others.
    func run(
        key: String, _ operation: @escaping @Sendable () async throws(DoormanClientError) -> TokenSet
    ) async throws(DoormanClientError) -> TokenSet {
        if var flight = flights[key] {
            flight.callerCount += 1
            flights[key] = flight
            return try Self.unwrap(await flight.task.result)
        }

        let task = Task<TokenSet, any Error> { try await operation() }
        flights[key] = Flight(task: task, callerCount: 1)
        let result = await task.result
        flights[key] = nil
        return try Self.unwrap(result)
    }

    /// Returns the number of callers that share the refresh in flight for `key`, or 0 when none is in flight.
    func callerCount(key: String) -> Int {
        flights[key]?.callerCount ?? 0
    }

    private static func unwrap(_ result: Result<TokenSet, any Error>) throws(DoormanClientError) -> TokenSet {
        switch result {
        case .success(let tokens):
            return tokens
        case .failure(let error as DoormanClientError):
            throw error
        case .failure(let error):
            throw DoormanClientError.transport(error, request: "POST /\(OAuthClient.tokenPath)")
        }
    }
}
