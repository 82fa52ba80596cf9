import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import Testing

@testable import DoormanApp

/// `GET /readyz` on a live server, and the probe's reason code for every readiness state.
struct ReadinessEndpointTests {
    @Test func readyWhenMigrated() throws {
        let server = try MetricsServer()
        let reply = try server.withServer { port in try MetricsServer.send("GET", "/readyz", port: port) }

        #expect(reply.status == 200)
        #expect(reply.text == #"{"status":"ready"}"#)
        #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
        #expect(reply.header("Cache-Control") == "no-store")
    }

    @Test func notReadyWhenMigrationsBehind() throws {
        let server = try MetricsServer()
        try server.store.database.withConnection { connection in
            // Forgetting the newest migration leaves the recorded versions a gapless prefix of the list.
            try connection.run(
                "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)")
        }
        let reply = try server.withServer { port in try MetricsServer.send("GET", "/readyz", port: port) }
        let body = try JSONValue.parse(reply.body)

        #expect(reply.status == 503)
        #expect(body["status"]?.stringValue == "not_ready")
        #expect(body["reason"]?.stringValue == "migrations_behind")
        #expect(body["message"]?.stringValue?.contains("run doorman migrate") == true)
    }

    @Test func notReadyWhenDatabaseClosed() throws {
        let server = try MetricsServer()
        let reply = try server.withServer { port in
            try server.store.close()
            return try MetricsServer.send("GET", "/readyz", port: port)
        }
        let body = try JSONValue.parse(reply.body)

        #expect(reply.status == 503)
        #expect(body["reason"]?.stringValue == "database_unavailable")
        #expect(!reply.text.contains(server.directory.path))
    }

    @Test func healthzStaysOkWhenDatabaseClosed() throws {
        let server = try MetricsServer()
        let reply = try server.withServer { port in
            try server.store.close()
            return try MetricsServer.send("GET", "/healthz", port: port)
        }

        #expect(reply.status == 200)
    }

    @Test(arguments: [
        (Readiness.ready, nil),
        (.migrationsBehind(schemaVersion: 1, expectedVersion: 2), "migrations_behind"),
        (.migrationsAhead(schemaVersion: 3, expectedVersion: 2), "migrations_ahead"),
        (.migrationsMismatched("database /tmp/x records migration 2 as \"other\""), "migrations_mismatched"),
    ] as [(Readiness, String?)])
    func reasonForEachState(readiness: Readiness, reason: String?) {
        #expect(ReadinessProbe.failure(for: readiness)?.reason == reason)
    }

    @Test func mismatchDetailStaysInLog() {
        let failure = ReadinessProbe.failure(for: .migrationsMismatched("database /secret/path records migration 2"))

        #expect(failure?.message.contains("/secret/path") == false)
        #expect(failure?.detail.contains("/secret/path") == true)
    }

    @Test func aheadMessageNamesVersions() {
        let failure = ReadinessProbe.failure(for: .migrationsAhead(schemaVersion: 3, expectedVersion: 2))

        #expect(failure?.message.contains("version 3") == true)
        #expect(failure?.message.contains("version 2") == true)
    }
}
