import DoormanCrypto
import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import Foundation
import Testing

@testable import DoormanApp

/// A migrated SQLite database in a temporary directory, opened as `doorman` opens it, with helpers to run
/// administration commands on it without a process.
final class AdminHarness {
    /// The clock of every command run here, in Unix seconds.
    static let now: Int64 = 1_700_000_000

    let directory: URL
    let database: SQLiteDatabase
    let store: SQLiteStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("doorman-admin-\(UUID().uuidString)")
        var configuration = Configuration()
        configuration.databaseURL = "sqlite:\(directory.path)/doorman.sqlite3"
        database = try DatabaseSetup.openAndMigrate(configuration, logger: quietLogger())
        store = SQLiteStore(database: database)
    }

    deinit {
        try? database.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Returns an environment with the fixed clock, cheap password hashes and `input` as standard input.
    func environment(input: [UInt8]) -> AdminEnvironment {
        AdminEnvironment(
            now: { Self.now }, random: SodiumRandomSource(), passwordHasher: PasswordHasher(limits: .minimum),
            readInputLine: { maximum in Array(input.prefix(maximum)) })
    }

    /// Parses `arguments` as `doorman` does and runs the administration command they name.
    func run(_ arguments: [String], input: [UInt8] = []) throws -> String {
        let parsed = try parseCommandLine(arguments, environment: [:])
        guard case .admin(let command, _, let options) = parsed else {
            throw AdminError(message: "\(arguments) is not an administration command: \(parsed)", exitCode: -1)
        }
        return try command.run(options, store: store, environment: environment(input: input))
    }

    /// Runs `arguments` with `--json` and returns the parsed JSON object.
    func runJSON(_ arguments: [String], input: String = "") throws -> JSONValue {
        try JSONValue.parse(run(arguments + ["--json"], input: Array(input.utf8)))
    }

    /// Runs `arguments` expecting a failure and returns its message and exit status, or nil when it succeeds.
    func failure(_ arguments: [String], input: [UInt8] = []) -> (message: String, exitCode: Int32)? {
        do {
            let output = try run(arguments, input: input)
            Issue.record("expected \(arguments) to fail, but it printed: \(output)")
            return nil
        } catch let error as CommandLineError {
            return (error.message, error.exitCode)
        } catch let error as AdminError {
            return (error.message, error.exitCode)
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// Counts the rows of every table, keyed by table name, to show that a failed command wrote nothing.
    func rowCounts() throws -> [String: Int] {
        try database.withConnection { connection in
            let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table'") {
                $0.string(at: 0)
            }
            var counts: [String: Int] = [:]
            for table in tables {
                counts[table] = try connection.queryFirst("SELECT count(*) FROM \"\(table)\"") { $0.int(at: 0) }
            }
            return counts
        }
    }

    /// Inserts a user directly through the store.
    @discardableResult
    func addUser(_ username: String) throws -> User {
        let user = User(id: Identifier.make(.user), username: username, passwordHash: "unused")
        try store.createUser(user)
        return user
    }

    /// Inserts a user, a company and a product of it directly through the store.
    func addProduct(companyName: String = "Acme") throws -> Product {
        let owner = try addUser("owner-\(UUID().uuidString.prefix(8))")
        let company = Company(id: Identifier.make(.company), ownerUserID: owner.id, name: companyName)
        try store.createCompany(company)
        let product = Product(id: Identifier.make(.product), companyID: company.id, title: "Pro")
        try store.createProduct(product)
        return product
    }

    /// Inserts a plan of a new product directly through the store.
    func addPlan(renewal: Plan.RenewalPeriod = .days(30), trialDays: Int = 0) throws -> Plan {
        let product = try addProduct()
        let plan = Plan(
            id: Identifier.make(.plan), productID: product.id, priceCents: 1000, currency: "usd",
            renewalPeriod: renewal, freeTrialDays: trialDays)
        try store.createPlan(plan)
        return plan
    }
}
