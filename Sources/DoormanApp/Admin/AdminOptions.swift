/// Options that several administration commands share.
enum AdminOptions {
    /// `--json`, which every administration command takes.
    static let json = CommandOption.flag(
        "json", help: "Print the result as one JSON object on one line instead of a sentence.")

    /// The maximum length of a display name, product title or company name, in Unicode scalars.
    static let maximumNameLength = 100

    /// The text that completes "expected …" for a display name, title or company name.
    static let nameExpected = "1 to \(maximumNameLength) characters without control characters"

    /// Returns `value` when it is a usable display name, title or company name.
    ///
    /// It must contain a character other than white space and no control character, such as a
    /// newline, which would break the one-line output and the pages that show it.
    static func validateName(_ value: String, for option: CommandOption) throws(AdminError) -> String {
        let scalars = value.unicodeScalars
        let isBlank = scalars.allSatisfy { $0.properties.isWhitespace }
        let hasControl = scalars.contains { $0.properties.generalCategory == .control }
        guard !isBlank, !hasControl, scalars.count <= maximumNameLength else {
            throw .invalidValue(value, for: option, reason: "expected \(nameExpected)")
        }
        return value
    }

    /// Returns the options of an administration command: its own, then `--json`.
    static func withJSON(_ options: [CommandOption]) -> [CommandOption] {
        options + [json]
    }
}
