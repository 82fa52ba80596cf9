extension PostgresMigrations {
    /// Migration 2: the tables behind `PostgresStore`, the same tables, columns and constraints as SQLite's
    /// migration 2 in PostgreSQL types.
    ///
    /// Conventions: times are `bigint` Unix seconds and booleans are `boolean`. A `Scope` is its canonical string.
    /// Codes, tokens, secrets and session ids appear only as `TokenHash.of` hex. SQLite orders "oldest first" lists
    /// by rowid, so the tables listed that way have an identity column `position` that numbers rows in insertion
    /// order instead.
    ///
    /// Usernames are unique ignoring ASCII case only, as SQLite's NOCASE collation compares them: `lower` under
    /// the "C" collation folds A to Z and leaves every other character as it is, whatever the database's locale.
    static let doormanTables = """
        CREATE TABLE users (
            id text PRIMARY KEY,
            username text NOT NULL,
            name text,
            email text,
            profile_pic_url text,
            password_hash text NOT NULL,
            created_at bigint NOT NULL DEFAULT extract(epoch FROM now())::bigint
        );
        CREATE UNIQUE INDEX users_username_key ON users (lower(username COLLATE "C"));

        CREATE TABLE companies (
            id text PRIMARY KEY,
            owner_user_id text NOT NULL REFERENCES users (id),
            name text NOT NULL,
            position bigint GENERATED ALWAYS AS IDENTITY
        );
        CREATE INDEX companies_by_owner ON companies (owner_user_id, position);

        CREATE TABLE products (
            id text PRIMARY KEY,
            company_id text NOT NULL REFERENCES companies (id),
            title text NOT NULL,
            visibility text NOT NULL,
            position bigint GENERATED ALWAYS AS IDENTITY
        );
        CREATE INDEX products_by_company ON products (company_id, position);
        CREATE INDEX products_by_visibility ON products (visibility, position);

        -- renewal_period is the text 'one_time' or the decimal digits of a positive number of days.
        CREATE TABLE plans (
            id text PRIMARY KEY,
            product_id text NOT NULL REFERENCES products (id),
            price_cents bigint NOT NULL,
            currency text NOT NULL,
            renewal_period text NOT NULL CHECK (
                renewal_period = 'one_time' OR (renewal_period ~ '^[1-9][0-9]{0,17}$')),
            free_trial_days bigint NOT NULL,
            position bigint GENERATED ALWAYS AS IDENTITY
        );
        CREATE INDEX plans_by_product ON plans (product_id, position);

        -- metadata is a JSON object of string values.
        CREATE TABLE memberships (
            id text PRIMARY KEY,
            user_id text NOT NULL REFERENCES users (id),
            product_id text NOT NULL REFERENCES products (id),
            plan_id text NOT NULL REFERENCES plans (id),
            company_id text NOT NULL REFERENCES companies (id),
            status text NOT NULL,
            created_at bigint NOT NULL,
            expires_at bigint,
            renewal_period_start bigint,
            renewal_period_end bigint,
            cancel_at_period_end boolean NOT NULL,
            quantity bigint NOT NULL,
            license_key text,
            metadata jsonb NOT NULL CHECK (jsonb_typeof(metadata) = 'object'),
            position bigint GENERATED ALWAYS AS IDENTITY
        );
        CREATE INDEX memberships_by_user ON memberships (user_id, created_at);
        CREATE INDEX memberships_by_product ON memberships (product_id, created_at);

        CREATE TABLE web_apps (
            id text PRIMARY KEY,
            company_id text NOT NULL REFERENCES companies (id),
            name text NOT NULL,
            client_id text NOT NULL UNIQUE,
            client_secret_hash text,
            require_pkce boolean NOT NULL,
            created_at bigint NOT NULL,
            position bigint GENERATED ALWAYS AS IDENTITY
        );
        CREATE INDEX web_apps_by_company ON web_apps (company_id);

        -- position keeps the registration order: the first URI is the callback of a launch from the hub.
        CREATE TABLE web_app_redirect_uris (
            web_app_id text NOT NULL REFERENCES web_apps (id) ON DELETE CASCADE,
            position bigint NOT NULL,
            uri text NOT NULL,
            PRIMARY KEY (web_app_id, position)
        );

        -- position keeps the order of WebApp.productIDs, so a web app reads back equal to what was stored.
        CREATE TABLE web_app_products (
            web_app_id text NOT NULL REFERENCES web_apps (id) ON DELETE CASCADE,
            product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
            position bigint NOT NULL,
            PRIMARY KEY (web_app_id, product_id)
        );
        CREATE INDEX web_app_products_by_product ON web_app_products (product_id);

        CREATE TABLE consents (
            user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            client_id text NOT NULL REFERENCES web_apps (client_id) ON DELETE CASCADE,
            scope text NOT NULL,
            granted_at bigint NOT NULL,
            PRIMARY KEY (user_id, client_id)
        );

        CREATE TABLE authorization_codes (
            code_hash text PRIMARY KEY,
            client_id text NOT NULL REFERENCES web_apps (client_id) ON DELETE CASCADE,
            user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            redirect_uri text,
            scope text NOT NULL,
            code_challenge text,
            code_challenge_method text,
            created_at bigint NOT NULL,
            expires_at bigint NOT NULL,
            consumed_at bigint
        );

        -- grant_id is the code_hash of the code that started the grant. It has no foreign key, so that
        -- expired codes can be deleted while their tokens live on.
        CREATE TABLE access_tokens (
            token_hash text PRIMARY KEY,
            client_id text NOT NULL REFERENCES web_apps (client_id) ON DELETE CASCADE,
            user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            scope text NOT NULL,
            grant_id text NOT NULL,
            created_at bigint NOT NULL,
            expires_at bigint NOT NULL,
            revoked_at bigint
        );
        CREATE INDEX access_tokens_by_grant ON access_tokens (grant_id);

        CREATE TABLE refresh_tokens (
            token_hash text PRIMARY KEY,
            client_id text NOT NULL REFERENCES web_apps (client_id) ON DELETE CASCADE,
            user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            scope text NOT NULL,
            grant_id text NOT NULL,
            created_at bigint NOT NULL,
            expires_at bigint NOT NULL,
            revoked_at bigint
        );
        CREATE INDEX refresh_tokens_by_grant ON refresh_tokens (grant_id);

        CREATE TABLE sessions (
            id_hash text PRIMARY KEY,
            user_id text REFERENCES users (id) ON DELETE CASCADE,
            csrf_token text NOT NULL,
            created_at bigint NOT NULL,
            expires_at bigint NOT NULL
        );
        """
}
