import DoormanOAuth

/// Options that several administration commands share.
enum AdminOptions {
    /// `--json`, which every administration command takes.
    static let json = CommandOption.flag(
        "json", help: "Print the result as one JSON object on one line instead of a sentence.")

    /// The text that completes "expected …" for a display name, title or company name.
    static let nameExpected = DisplayName.expected

    /// Returns `value` when it is a usable display name, title or company name under `DisplayName.isValid`.
    static func validateName(_ value: String, for option: CommandOption) throws(AdminError) -> String {
        guard DisplayName.isValid(value) else {
            throw .invalidValue(value, for: option, reason: "expected \(nameExpected)")
        }
        return value
    }

    /// Returns the options of an administration command: its own, then `--json`.
    static func withJSON(_ options: [CommandOption]) -> [CommandOption] {
        options + [json]
    }
}
