import DoormanHTTP
import DoormanOAuth
import Logging
import Synchronization

/// The check behind `GET /readyz`, which logs only when the outcome changes, because probes repeat every few
/// seconds.
///
/// The 503 body names the reason with a fixed code and sentence. The detail, which may contain the database's
/// location, goes only to the log.
final class ReadinessProbe: Sendable {
    /// Why the server is not ready: the `reason` code, the message for the operator, and the detail for the log.
    struct Failure: Equatable {
        let reason: String
        let message: String
        let detail: String
    }

    private let store: any StoreReadiness
    private let logger: Logger
    /// The reason code of the previous check, or nil when it was ready.
    private let previousReason = Mutex<String?>(nil)

    init(store: any StoreReadiness, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Checks the store and returns 200 `{"status":"ready"}`, or 503 with `status`, `reason` and `message`.
    func respond(requestID: String) -> Response {
        let failure = check()
        logChange(to: failure, requestID: requestID)
        guard let failure else {
            return Response.json(Array(#"{"status":"ready"}"#.utf8))
        }
        let body: JSONObject = [
            "status": .string("not_ready"), "reason": .string(failure.reason), "message": .string(failure.message),
        ]
        return Response.json(JSONValue.object(body).serialized(), status: .serviceUnavailable)
    }

    /// Returns nil when the store is ready, or why it is not.
    func check() -> Failure? {
        do {
            return Self.failure(for: try store.readiness())
        } catch .unavailable(let detail) {
            return Failure(
                reason: "database_unavailable", message: "The database cannot be reached or stayed busy.",
                detail: detail)
        } catch {
            return Failure(
                reason: "database_error", message: "The readiness query on the database failed; see the server log.",
                detail: error.description)
        }
    }

    static func failure(for readiness: Readiness) -> Failure? {
        switch readiness {
        case .ready:
            return nil
        case let .migrationsBehind(schemaVersion, expectedVersion):
            return Failure(
                reason: "migrations_behind",
                message: "The database schema is at version \(schemaVersion) but this build expects version "
                    + "\(expectedVersion); run doorman migrate.",
                detail: "schema version \(schemaVersion), expected \(expectedVersion)")
        case let .migrationsAhead(schemaVersion, expectedVersion):
            return Failure(
                reason: "migrations_ahead",
                message: "The database schema is at version \(schemaVersion), newer than version \(expectedVersion) "
                    + "of this build; run a newer build.",
                detail: "schema version \(schemaVersion), expected \(expectedVersion)")
        case .migrationsMismatched(let detail):
            return Failure(
                reason: "migrations_mismatched",
                message: "The migrations recorded in the database differ from this build's; see the server log.",
                detail: detail)
        }
    }

    private func logChange(to failure: Failure?, requestID: String) {
        let changed = previousReason.withLock { previous in
            defer { previous = failure?.reason }
            return previous != failure?.reason
        }
        guard changed else { return }
        if let failure {
            logger.warning(
                "server not ready",
                metadata: [
                    "request.id": "\(requestID)", "readiness.reason": "\(failure.reason)", "error": "\(failure.detail)",
                ])
        } else {
            logger.info("server ready", metadata: ["request.id": "\(requestID)"])
        }
    }
}
