/// Helpers for PostgreSQL connection URLs, which may carry a password that must never be printed.
public enum PostgresURL {
    /// Returns whether `value` starts with `postgres://` or `postgresql://`, the schemes libpq accepts.
    public static func isPostgresURL(_ value: String) -> Bool {
        value.hasPrefix("postgres://") || value.hasPrefix("postgresql://")
    }

    /// Returns `url` with the password of its `user:password@` part replaced with `***`, and with the value of a
    /// `password=` query parameter replaced too.
    public static func redacted(_ url: String) -> String {
        var result = redactingUserInfo(url)
        if let query = result.firstIndex(of: "?") {
            let parameters = result[result.index(after: query)...].split(
                separator: "&", omittingEmptySubsequences: false)
            let cleaned = parameters.map { parameter in
                parameter.hasPrefix("password=") ? "password=***" : String(parameter)
            }
            result = String(result[...query]) + cleaned.joined(separator: "&")
        }
        return result
    }

    private static func redactingUserInfo(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else {
            return url
        }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? url.endIndex
        let authority = url[schemeEnd.upperBound..<authorityEnd]
        guard let userInfoEnd = authority.lastIndex(of: "@"),
            let passwordStart = authority[..<userInfoEnd].firstIndex(of: ":")
        else {
            return url
        }
        return String(url[...passwordStart]) + "***" + String(url[userInfoEnd...])
    }
}
