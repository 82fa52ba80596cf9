import DoormanCrypto
import DoormanHTTP
import DoormanOAuth

/// The fields of the sign-up form, as typed, with a message per field that failed its rule.
struct SignUpForm {
    /// The shortest password, in characters.
    static let minimumPasswordLength = 8

    var username = ""
    var password = ""
    var name = ""
    var email = ""
    /// Messages by field name, for the fields that failed.
    var errors: [String: String] = [:]

    /// Creates an empty form.
    init() {}

    /// Reads the fields of a submitted form; a missing field is empty.
    init(_ form: URLEncodedForm) {
        username = form.value("username") ?? ""
        password = form.value("password") ?? ""
        name = form.value("name") ?? ""
        email = form.value("email") ?? ""
    }

    /// Checks every field and fills `errors`. Returns whether all fields passed.
    ///
    /// Name and email are optional: a blank value means none.
    mutating func validate() -> Bool {
        errors = [:]
        if !Username.isValid(username) {
            errors["username"] = "Use 3 to 32 characters: letters A to Z, digits, dots, dashes or underscores."
        }
        if password.count < Self.minimumPasswordLength {
            errors["password"] = "Use at least \(Self.minimumPasswordLength) characters."
        } else if password.utf8.count > PasswordHasher.maximumPasswordBytes {
            errors["password"] =
                "This password is too long. Use at most \(PasswordHasher.maximumPasswordBytes) bytes: "
                + "that many plain letters, or fewer accented letters and symbols."
        }
        if let name = optionalName, !DisplayName.isValid(name) {
            errors["name"] = "Use up to \(DisplayName.maximumLength) characters, without line breaks."
        }
        if let email = optionalEmail, !EmailAddress.isValid(email) {
            errors["email"] = "Enter an address such as ada@example.com, or leave this empty."
        }
        return errors.isEmpty
    }

    /// The display name, or nil when the field is blank.
    var optionalName: String? {
        name.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : name
    }

    /// The email address, or nil when the field is blank.
    var optionalEmail: String? {
        email.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : email
    }
}
