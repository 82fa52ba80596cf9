extension SQLiteMigrations {
    /// Migration 3: what a rotated refresh token keeps for the grace window.
    ///
    /// `rotated_at` is the rotation time in Unix seconds. Rotation sets `revoked_at` to the same time, so code that
    /// reads only `revoked_at` treats a rotated token as revoked. `sealed_successor` is the successor's access and
    /// refresh token values, encrypted under a key derived from the rotated token's own value
    /// (`RefreshSuccessor`), so the database alone yields no usable token. Revoking the family sets it to NULL.
    static let refreshTokenRotation = """
        ALTER TABLE refresh_tokens ADD COLUMN rotated_at INTEGER;
        ALTER TABLE refresh_tokens ADD COLUMN sealed_successor BLOB;
        """
}
