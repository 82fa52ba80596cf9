import DoormanHTTP
import DoormanOAuth
import DoormanPostgres
import DoormanTestSupport
import Foundation
import Glibc
import Testing

/// Runs the built `doorman` binary on the PostgreSQL test server: `migrate`, a start-up that cannot reach the
/// server, and `serve` handling the token exchange and `/v5/me`.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured))
struct PostgresProcessTests {
    /// The exit status and the output of one `doorman` run.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    @Test func migrateFreshThenUpToDate() throws {
        try PostgresTestDatabase.withSchema { url in
            let first = try doorman(["migrate", "--database-url", url])
            let second = try doorman(["migrate", "--database-url", url])
            let latest = "is at schema version \(PostgresMigrations.all.last?.version ?? 0)."

            #expect(first.status == 0)
            #expect(first.output.contains(latest))
            #expect(first.errors.contains("migration applied"))
            #expect(second.status == 0)
            #expect(second.output.contains(latest))
            #expect(!second.errors.contains("migration applied"))
            for run in [first, second] {
                #expect(!run.output.contains(Self.password(of: url)))
                #expect(!run.errors.contains(Self.password(of: url)))
            }
        }
    }

    @Test func unreachableServerFailsStartup() throws {
        let url = "postgres://doorman:hunter2@127.0.0.1:1/doorman"
        let started = ContinuousClock.now

        let run = try doorman(["migrate", "--database-url", url, "--database-wait-seconds", "1"])

        #expect(run.status == 1)
        #expect(run.errors.contains("gave up connecting to postgres://doorman:***@127.0.0.1:1/doorman"))
        #expect(run.errors.contains("\"127.0.0.1\", port 1 failed"))
        #expect(!run.errors.contains("hunter2"))
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func serveAnswersTokenFlow() throws {
        try PostgresTestDatabase.withSchema { url in
            let code = "code-for-the-process-test"
            try seed(url: url, code: code)
            let server = try ServeProcessTests.ServerProcess(extraArguments: ["--database-url", url])

            let tokens = try exchange(code: code, port: server.port)
            let accessToken = try #require(tokens["access_token"]?.stringValue)
            let me = try request(
                "GET /v5/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(accessToken)\r\n\r\n", server)
            let replay = try exchangeReply(code: code, port: server.port)

            #expect(me.status == 200)
            #expect(me.text.contains(#""username":"buyer""#))
            #expect(replay.status == 400)
            #expect(replay.text.contains("invalid_grant"))
            kill(server.process.processIdentifier, SIGTERM)
            #expect(server.waitForExit() == 0)
            #expect(server.log.contains("database ready"))
            #expect(server.log.contains("postgresql://doorman:***@127.0.0.1"))
            #expect(!server.log.contains(Self.password(of: url)))
        }
    }

    /// Migrates the schema and stores a buyer, a catalog, a confidential web app and an unused code for it.
    private func seed(url: String, code: String) throws {
        let store = try PostgresStore.open(configuration: PostgresConfiguration(url: url), logger: quietLogger())
        defer { store.close() }
        let now = Int64(Date().timeIntervalSince1970)
        try store.createUser(User(id: "user_buyer", username: "buyer", passwordHash: "unused"))
        try store.createUser(User(id: "user_seller", username: "seller", passwordHash: "unused"))
        try store.createCompany(Company(id: "biz_one", ownerUserID: "user_seller", name: "One"))
        try store.createProduct(Product(id: "prod_one", companyID: "biz_one", title: "Course"))
        try store.createWebApp(
            WebApp(
                id: "exp_one", companyID: "biz_one", name: "Course app", clientID: "app_one",
                clientSecretHash: TokenHash.of("secret-one"), redirectURIs: ["https://one.example/callback"],
                productIDs: ["prod_one"], createdAt: now))
        try store.saveAuthorizationCode(
            AuthorizationCode(
                codeHash: TokenHash.of(code), clientID: "app_one", userID: "user_buyer",
                redirectURI: "https://one.example/callback", scope: .default, createdAt: now, expiresAt: now + 600))
    }

    private func exchange(code: String, port: Int) throws -> JSONValue {
        let reply = try exchangeReply(code: code, port: port)
        try #require(reply.status == 200, "token endpoint answered \(reply.status): \(reply.text)")
        return try JSONParser().parse(reply.body)
    }

    private func exchangeReply(code: String, port: Int) throws -> TestConnection.Reply {
        let body =
            "grant_type=authorization_code&code=\(code)&client_id=app_one&client_secret=secret-one"
            + "&redirect_uri=https%3A%2F%2Fone.example%2Fcallback"
        let connection = try TestConnection(port: port)
        try connection.send(
            "POST /v5/oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        return try connection.readReply()
    }

    private func request(_ text: String, _ server: ServeProcessTests.ServerProcess) throws -> TestConnection.Reply {
        let connection = try TestConnection(port: server.port)
        try connection.send(text)
        return try connection.readReply()
    }

    /// Runs `doorman` with `arguments` and a data directory that is never created, and waits for it to exit.
    private func doorman(_ arguments: [String]) throws -> Run {
        let process = Process()
        let (outputPipe, errorPipe) = (Pipe(), Pipe())
        process.executableURL = ServeProcessTests.ServerProcess.binary
        process.arguments = arguments
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        try process.run()

        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        let errors = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }

    private static func password(of url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let colon = url[..<at].lastIndex(of: ":") else {
            return "no password in the URL"
        }
        return String(url[url.index(after: colon)..<at])
    }
}
