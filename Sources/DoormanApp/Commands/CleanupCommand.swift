import DoormanStorage
import Foundation
import Logging

/// `doorman cleanup`: runs one cleanup pass on the configured database now, prints the counts and exits.
struct CleanupCommand {
    let configuration: Configuration
    let options: ParsedOptions

    /// The command's description: the storage and logging settings, the retention, and `--json`.
    static let definition = Command(
        name: "cleanup",
        abstract: "Delete expired codes, tokens and sessions now, print how many of each, then exit.",
        discussion: """
            Codes and tokens go once they expired or were revoked at least --cleanup-retention-seconds ago. A \
            refresh token family goes whole once its newest token stopped working, so replays of rotated tokens \
            are detected as long as the family lives. Expired sessions go at once. `doorman serve` runs the same \
            pass every --cleanup-interval-seconds.
            """,
        options: ConfigurationOption.storageAndLogging + [.cleanupRetentionSeconds],
        commandOptions: [AdminOptions.json]
    )

    func run() throws {
        let logger = Logger(label: "doorman")
        let database = try DatabaseSetup.open(configuration, logger: logger)
        defer { try? database.close() }

        let store = database.store
        let janitor = Janitor(steps: Janitor.standardSteps(store: store, policy: configuration.cleanupPolicy))
        let report = try janitor.runPass(at: Int64(Date().timeIntervalSince1970))
        print(options.flag(AdminOptions.json) ? report.json.serializedString() : report.text)
    }
}
