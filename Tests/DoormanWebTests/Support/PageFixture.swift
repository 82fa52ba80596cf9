import DoormanCrypto
import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import DoormanWeb
import Foundation
import Logging
import Synchronization

/// A clock for page tests that stays put until a test moves it.
final class PageTestClock: Sendable {
    private let seconds: Mutex<Int64>

    init(_ start: Int64) {
        seconds = Mutex(start)
    }

    var now: Int64 {
        seconds.withLock { $0 }
    }

    func advance(by delta: Int64) {
        seconds.withLock { $0 += delta }
    }
}

/// A log handler that keeps every record, so tests can check audit events.
final class PageLogRecorder: Sendable {
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let records = Mutex<[Record]>([])

    /// Every record so far, oldest first.
    var all: [Record] {
        records.withLock { $0 }
    }

    /// Records whose message is `message`.
    func records(_ message: String) -> [Record] {
        all.filter { $0.message == message }
    }

    func append(_ record: Record) {
        records.withLock { $0.append(record) }
    }

    /// A logger that writes to this recorder at every level.
    var logger: Logger {
        Logger(label: "doorman.pages.test") { _ in Handler(recorder: self) }
    }

    private struct Handler: LogHandler {
        let recorder: PageLogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(
            level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
            function: String, line: UInt
        ) {
            let merged = self.metadata.merging(metadata ?? [:]) { $1 }.mapValues(\.description)
            recorder.append(Record(level: level, message: message.description, metadata: merged))
        }
    }
}

/// A real SQLite store in a temporary directory, seeded with a seller, a product, a web app and two buyers.
///
/// `member` has an active membership of the product; `stranger` has none. Both use `password`.
final class PageFixture: Sendable {
    static let password = "correct horse battery staple"
    static let start: Int64 = 1_764_892_800
    static let callback = "https://app.example/callback/doorman?source=hub"
    // RFC 7636 Appendix B.
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"

    let directory: URL
    let store: SQLiteStore
    let clock = PageTestClock(start)
    let logs = PageLogRecorder()
    let settings: OAuthSettings
    let member: User
    let stranger: User
    let webApp: WebApp

    /// Creates the store and its records. `webAppName` lets a test try a hostile display name.
    init(webAppName: String = "Chart Club", settings: OAuthSettings = OAuthSettings()) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("doorman-page-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore.open(path: directory.appendingPathComponent("doorman.sqlite3").path)
        self.settings = settings

        let hasher = PasswordHasher(limits: .minimum)
        let hash = try hasher.hash(password: Self.password)
        member = User(id: "user_member", username: "Maria", email: "maria@example.com", passwordHash: hash)
        stranger = User(id: "user_stranger", username: "sam", passwordHash: hash)
        let seller = User(id: "user_seller", username: "seller", passwordHash: hash)
        webApp = WebApp(
            id: "exp_chart", companyID: "biz_charts", name: webAppName, clientID: "app_chart",
            clientSecretHash: TokenHash.of("client-secret"), redirectURIs: [Self.callback], productIDs: ["prod_charts"],
            createdAt: Self.start)

        for user in [member, stranger, seller] {
            try store.createUser(user)
        }
        try store.createCompany(Company(id: "biz_charts", ownerUserID: seller.id, name: "Charts & Co"))
        try store.createProduct(Product(id: "prod_charts", companyID: "biz_charts", title: "Charts"))
        try store.createPlan(
            Plan(
                id: "plan_monthly", productID: "prod_charts", priceCents: 900, currency: "usd",
                renewalPeriod: .days(30)))
        try store.createMembership(
            Membership(
                id: "mem_maria", userID: member.id, productID: "prod_charts", planID: "plan_monthly",
                companyID: "biz_charts", status: .active, createdAt: Self.start))
        try store.createWebApp(webApp)
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The context that the page routes run with: this store, clock and log recorder.
    var context: WebContext {
        let clock = clock
        return WebContext(store: store, now: { clock.now }, settings: settings, logger: logs.logger)
    }

    /// Runs `body` with a client of a live server on an ephemeral loopback port that serves the page routes,
    /// and the API routes too when `withAPI` is true.
    @discardableResult
    func withClient<T>(withAPI: Bool = false, _ body: (PageClient) async throws -> T) async throws -> T {
        var router = Router()
        PageRoutes.register(on: &router, context: context, passwordHasher: PasswordHasher(limits: .minimum))
        if withAPI {
            APIRoutes.register(on: &router, context: context)
        }
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, router: router, logger: quietLogger())
        try server.start()
        defer { _ = server.shutdown() }

        return try await body(PageClient(port: server.port ?? 0))
    }

    /// The query of an authorization request for the fixture web app with PKCE and `state`, plus `extra`.
    static func authorizeQuery(_ extra: [(String, String)] = [], scope: String = "read_user") -> String {
        let fields =
            [
                ("client_id", "app_chart"), ("redirect_uri", callback), ("response_type", "code"), ("scope", scope),
                ("state", "st&te 1/2"), ("code_challenge", challenge), ("code_challenge_method", "S256"),
            ] + extra
        return URLEncodedForm(fields.map { URLEncodedForm.Pair(name: $0.0, value: $0.1) }).serialized()
    }
}

extension PageClient {
    /// Signs in through the form and returns the reply of `POST /login`.
    @discardableResult
    func signIn(username: String, password: String = PageFixture.password, returnTo: String? = nil) async throws
        -> TestConnection.Reply
    {
        let target =
            returnTo.map { "/login?" + URLEncodedForm([.init(name: "return_to", value: $0)]).serialized() } ?? "/login"
        let form = try await get(target)
        var fields = [
            ("csrf_token", form.hiddenField("csrf_token") ?? ""), ("username", username), ("password", password),
        ]
        if let returnTo = form.hiddenField("return_to") {
            fields.append(("return_to", returnTo))
        }
        return try await post("/login", form: fields)
    }
}
