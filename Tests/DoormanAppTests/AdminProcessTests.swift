import DoormanCrypto
import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import Foundation
import Testing

@testable import DoormanApp

/// Runs the built `doorman` binary's administration commands on a temporary data directory.
@Suite("doorman administration as a process")
struct AdminProcessTests {
    /// The exit status and the output of one `doorman` run.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "doorman-admin-process-\(UUID().uuidString)")

    /// Runs `doorman` with `arguments` and the test's data directory, writing `input` to its standard input.
    ///
    /// The process runs on a dispatch thread, so that waiting for it leaves the test runner's threads to
    /// other tests, among them those whose handlers need a free Swift concurrency thread.
    private func doorman(_ arguments: [String], input: String = "") async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(arguments, input: input) })
            }
        }
    }

    private func runBlocking(_ arguments: [String], input: String) throws -> Run {
        let process = Process()
        let (inputPipe, outputPipe, errorPipe) = (Pipe(), Pipe(), Pipe())
        process.executableURL = ServeProcessTests.ServerProcess.binary
        process.arguments = arguments + ["--data-dir", dataDirectory.path]
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        try process.run()

        inputPipe.fileHandleForWriting.write(Data(input.utf8))
        try inputPipe.fileHandleForWriting.close()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        let errors = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }

    /// Opens the test's database as `doorman` does and passes its store to `body`.
    private func withStore<T>(_ body: (SQLiteStore) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.databaseURL = "sqlite:\(dataDirectory.path)/doorman.sqlite3"
        let database = try DatabaseSetup.openAndMigrate(configuration, logger: quietLogger())
        defer { try? database.close() }
        return try body(SQLiteStore(database: database))
    }

    @Test func userCreateReadsPasswordFromStdin() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }

        let run = try await doorman(
            ["user", "create", "--username", "operator", "--password-stdin", "--json", "--log-level", "error"],
            input: "s3cret pass\nignored\n")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.isEmpty)
        #expect(run.output.hasSuffix("}\n"))

        let json = try JSONValue.parse(run.output)
        let id = try #require(json["id"]?.stringValue)
        #expect(json["username"] == "operator")
        #expect(json["password"] == .null)
        let stored = try #require(try withStore { try $0.user(id: id) })
        #expect(stored.username == "operator")
        #expect(PasswordHasher().verify(password: "s3cret pass", hash: stored.passwordHash))
    }

    @Test func webAppCreatePrintsSecret() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let product = try withStore { store in
            let owner = User(id: Identifier.make(.user), username: "seller", passwordHash: "unused")
            let company = Company(id: Identifier.make(.company), ownerUserID: owner.id, name: "Acme")
            let product = Product(id: Identifier.make(.product), companyID: company.id, title: "Pro")
            try store.createUser(owner)
            try store.createCompany(company)
            try store.createProduct(product)
            return product
        }

        let run = try await doorman(
            [
                "webapp", "create", "--name", "Site", "--callback-url", "https://site.example.com/cb", "--product",
                product.id, "--json",
            ])
        #expect(run.status == 0, "\(run.errors)")

        let json = try JSONValue.parse(run.output)
        let clientID = try #require(json["client_id"]?.stringValue)
        let secret = try #require(json["client_secret"]?.stringValue)
        let stored = try #require(try withStore { try $0.webApp(clientID: clientID) })
        #expect(stored.redirectURIs == ["https://site.example.com/cb"])
        #expect(stored.productIDs == [product.id])
        #expect(TokenHash.matches(secret, hash: stored.clientSecretHash ?? ""))
        #expect(!run.errors.contains(secret))
    }

    @Test func badCallbackExitsWithStatus2() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }

        let run = try await doorman(
            [
                "webapp", "create", "--name", "Site", "--callback-url", "http://site.example.com/cb", "--product",
                "prod_x",
            ])

        #expect(run.status == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains(#"invalid value "http://site.example.com/cb" for --callback-url"#))
    }

    @Test func unknownProductExitsWithStatus1() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }

        let run = try await doorman(
            ["product", "create", "--company", "biz_x", "--title", "Pro", "--log-level", "error"])

        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(run.errors == "unknown company \"biz_x\": create it with doorman company create\n")
    }

    @Test func cleanupDeletesExpiredSessionAndPrintsCounts() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let session = BrowserSession(
            idHash: TokenHash.of("expired-session"), userID: nil, csrfToken: "csrf", createdAt: 1, expiresAt: 2)
        try withStore { try $0.createSession(session) }

        let run = try await doorman(["cleanup", "--json", "--log-level", "error"])

        #expect(run.status == 0, "\(run.errors)")
        let expected = #"{"authorization_codes":0,"access_tokens":0,"refresh_tokens":0,"sessions":1,"rate_limits":0}"#
        #expect(run.output == expected + "\n")
        #expect(try withStore { try $0.session(idHash: session.idHash) } == nil)
    }

    @Test func cleanupPrintsOneLinePerTable() async throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }

        let run = try await doorman(["cleanup", "--cleanup-retention-seconds", "0", "--log-level", "error"])

        #expect(run.status == 0, "\(run.errors)")
        let tables = ["authorization_codes", "access_tokens", "refresh_tokens", "sessions", "rate_limits"]
        #expect(run.output == tables.map { "\($0): 0\n" }.joined())
    }
}
