extension SQLiteMigrations {
    /// Migration 2: the tables behind `SQLiteStore`, one per record type of `DoormanStore`.
    ///
    /// Conventions: times are INTEGER Unix seconds; booleans are INTEGER 0 or 1; a `Scope` is its canonical
    /// string (`Scope.description`); codes, tokens, secrets and session ids appear only as `TokenHash.of` hex.
    /// Tables keyed by such a hash are WITHOUT ROWID, so the primary key index is the table. The other tables
    /// keep their rowid because "oldest first" lists order by it: SQLite gives a new row a rowid above every
    /// existing one, and the models of those tables carry no creation time.
    ///
    /// Deleting a user or a web app cascades to its grants and sessions by scanning those tables, because
    /// indexes on their `user_id` and `client_id` would slow every token insert for a rare operation.
    static let doormanTables = """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT,
            email TEXT,
            profile_pic_url TEXT,
            password_hash TEXT NOT NULL,
            created_at INTEGER NOT NULL DEFAULT (unixepoch())
        ) STRICT;

        CREATE TABLE companies (
            id TEXT PRIMARY KEY,
            owner_user_id TEXT NOT NULL REFERENCES users (id),
            name TEXT NOT NULL
        ) STRICT;
        CREATE INDEX companies_by_owner ON companies (owner_user_id);

        CREATE TABLE products (
            id TEXT PRIMARY KEY,
            company_id TEXT NOT NULL REFERENCES companies (id),
            title TEXT NOT NULL,
            visibility TEXT NOT NULL
        ) STRICT;
        CREATE INDEX products_by_company ON products (company_id);
        CREATE INDEX products_by_visibility ON products (visibility);

        -- renewal_period is the text 'one_time' or a positive INTEGER number of days.
        CREATE TABLE plans (
            id TEXT PRIMARY KEY,
            product_id TEXT NOT NULL REFERENCES products (id),
            price_cents INTEGER NOT NULL,
            currency TEXT NOT NULL,
            renewal_period ANY NOT NULL CHECK (
                renewal_period = 'one_time' OR (typeof(renewal_period) = 'integer' AND renewal_period > 0)),
            free_trial_days INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX plans_by_product ON plans (product_id);

        -- metadata is a JSON object of string values, serialized with sorted keys.
        CREATE TABLE memberships (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users (id),
            product_id TEXT NOT NULL REFERENCES products (id),
            plan_id TEXT NOT NULL REFERENCES plans (id),
            company_id TEXT NOT NULL REFERENCES companies (id),
            status TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER,
            renewal_period_start INTEGER,
            renewal_period_end INTEGER,
            cancel_at_period_end INTEGER NOT NULL CHECK (cancel_at_period_end IN (0, 1)),
            quantity INTEGER NOT NULL,
            license_key TEXT,
            metadata TEXT NOT NULL CHECK (json_valid(metadata))
        ) STRICT;
        CREATE INDEX memberships_by_user ON memberships (user_id, created_at);
        CREATE INDEX memberships_by_product ON memberships (product_id, created_at);

        CREATE TABLE web_apps (
            id TEXT PRIMARY KEY,
            company_id TEXT NOT NULL REFERENCES companies (id),
            name TEXT NOT NULL,
            client_id TEXT NOT NULL UNIQUE,
            client_secret_hash TEXT,
            require_pkce INTEGER NOT NULL CHECK (require_pkce IN (0, 1)),
            created_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX web_apps_by_company ON web_apps (company_id);

        -- position keeps the registration order: the first URI is the callback of a launch from the hub.
        CREATE TABLE web_app_redirect_uris (
            web_app_id TEXT NOT NULL REFERENCES web_apps (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            uri TEXT NOT NULL,
            PRIMARY KEY (web_app_id, position)
        ) STRICT, WITHOUT ROWID;

        -- position keeps the order of WebApp.productIDs, so a web app reads back equal to what was stored.
        CREATE TABLE web_app_products (
            web_app_id TEXT NOT NULL REFERENCES web_apps (id) ON DELETE CASCADE,
            product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (web_app_id, product_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX web_app_products_by_product ON web_app_products (product_id);

        CREATE TABLE consents (
            user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            client_id TEXT NOT NULL REFERENCES web_apps (client_id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            granted_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, client_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE authorization_codes (
            code_hash TEXT PRIMARY KEY,
            client_id TEXT NOT NULL REFERENCES web_apps (client_id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            redirect_uri TEXT,
            scope TEXT NOT NULL,
            code_challenge TEXT,
            code_challenge_method TEXT,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            consumed_at INTEGER
        ) STRICT, WITHOUT ROWID;

        -- grant_id is the code_hash of the code that started the grant. It has no foreign key, so that
        -- expired codes can be deleted while their tokens live on.
        CREATE TABLE access_tokens (
            token_hash TEXT PRIMARY KEY,
            client_id TEXT NOT NULL REFERENCES web_apps (client_id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            grant_id TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            revoked_at INTEGER
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX access_tokens_by_grant ON access_tokens (grant_id);

        CREATE TABLE refresh_tokens (
            token_hash TEXT PRIMARY KEY,
            client_id TEXT NOT NULL REFERENCES web_apps (client_id) ON DELETE CASCADE,
            user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            grant_id TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            revoked_at INTEGER
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX refresh_tokens_by_grant ON refresh_tokens (grant_id);

        CREATE TABLE sessions (
            id_hash TEXT PRIMARY KEY,
            user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        """
}
