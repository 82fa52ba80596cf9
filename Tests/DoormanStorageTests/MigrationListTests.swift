import DoormanPostgres
import DoormanStorage
import Testing

/// The migration lists of both engines, which must report the same schema version for the same schema.
struct MigrationListTests {
    @Test func postgresVersionsMatchSQLite() {
        let sqlite = SQLiteMigrations.all.map(\.version)
        let postgres = PostgresMigrations.all.map(\.version)

        #expect(postgres == sqlite)
    }

    @Test func postgresNamesMatchSQLite() {
        let sqlite = SQLiteMigrations.all.map(\.name)
        let postgres = PostgresMigrations.all.map(\.name)

        #expect(postgres == sqlite)
    }
}
