/// Installation-wide key-value settings stored in the `metadata` table.
public enum Metadata {
    /// Keys that Doorman itself writes.
    public enum Key {
        /// Random identifier of this installation, written once when the database is first set up.
        public static let installationID = "installation_id"
        /// Time the installation was set up, in decimal Unix seconds.
        public static let createdAt = "created_at"
    }

    /// Returns the value stored for `key`, or nil when there is none.
    public static func value(forKey key: String, in connection: SQLiteConnection) throws -> String? {
        try connection.queryFirst("SELECT value FROM metadata WHERE key = ?", [.text(key)]) { $0.string(at: 0) }
    }

    /// Stores `value` for `key`, replacing any previous value.
    public static func setValue(_ value: String, forKey key: String, in connection: SQLiteConnection) throws {
        try connection.run(
            "INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [.text(key), .text(value)])
    }

    /// Stores `value` for `key` unless the key already has a value, and returns whether it stored it.
    ///
    /// Safe when several processes set up the same database at once: exactly one insert wins.
    @discardableResult
    public static func insertIfMissing(_ value: String, forKey key: String, in connection: SQLiteConnection) throws
        -> Bool
    {
        try connection.run("INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", [
            .text(key), .text(value),
        ]) == 1
    }
}
