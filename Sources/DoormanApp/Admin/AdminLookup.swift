import DoormanOAuth

/// Finds the records that administration commands refer to, with errors that name the option,
/// the value and the command that creates the missing record.
struct AdminLookup {
    let store: any DoormanStore

    /// Returns the user whose id or username is `value`, trying the id first.
    ///
    /// A username may itself look like an id, such as `user_1`, so a value that finds no user by id
    /// is looked up as a username too.
    func user(_ value: String, for option: CommandOption) throws(AdminError) -> User {
        let isIdentifier = Identifier.isValid(value, kind: .user)
        guard isIdentifier || Username.isValid(value) else {
            throw .invalidValue(value, for: option, reason: "expected a user id (user_…) or a username")
        }

        let found = try withStore("look up the user") { () throws(StoreError) -> User? in
            if isIdentifier, let user = try store.user(id: value) {
                return user
            }
            return try store.user(username: value)
        }
        guard let found else {
            throw .unknown("user", value, remedy: "create it with doorman user create")
        }
        return found
    }

    /// Returns the company with id `value`.
    func company(_ value: String, for option: CommandOption) throws(AdminError) -> Company {
        try checkIdentifier(value, kind: .company, for: option)
        let found = try withStore("look up the company") { () throws(StoreError) in try store.company(id: value) }
        guard let found else {
            throw .unknown("company", value, remedy: "create it with doorman company create")
        }
        return found
    }

    /// Returns the product with id `value`.
    func product(_ value: String, for option: CommandOption) throws(AdminError) -> Product {
        try checkIdentifier(value, kind: .product, for: option)
        let found = try withStore("look up the product") { () throws(StoreError) in try store.product(id: value) }
        guard let found else {
            throw .unknown("product", value, remedy: "create it with doorman product create")
        }
        return found
    }

    /// Returns the plan with id `value`.
    func plan(_ value: String, for option: CommandOption) throws(AdminError) -> Plan {
        try checkIdentifier(value, kind: .plan, for: option)
        let found = try withStore("look up the plan") { () throws(StoreError) in try store.plan(id: value) }
        guard let found else {
            throw .unknown("plan", value, remedy: "create it with doorman plan create")
        }
        return found
    }

    /// Returns the membership with id `value`.
    func membership(_ value: String, for option: CommandOption) throws(AdminError) -> Membership {
        try checkIdentifier(value, kind: .membership, for: option)
        let found = try withStore("look up the membership") { () throws(StoreError) in
            try store.membership(id: value)
        }
        guard let found else {
            throw .unknown("membership", value, remedy: "grant one with doorman membership grant")
        }
        return found
    }

    /// Returns the web app whose id (`exp_…`) or client id (`app_…`) is `value`.
    func webApp(_ value: String, for option: CommandOption) throws(AdminError) -> WebApp {
        let isWebAppID = Identifier.isValid(value, kind: .webApp)
        guard isWebAppID || Identifier.isValid(value, kind: .client) else {
            throw .invalidValue(value, for: option, reason: "expected a web app id (exp_…) or a client id (app_…)")
        }

        let found = try withStore("look up the web app") { () throws(StoreError) in
            isWebAppID ? try store.webApp(id: value) : try store.webApp(clientID: value)
        }
        guard let found else {
            throw .unknown("web app", value, remedy: "create it with doorman webapp create")
        }
        return found
    }

    /// Throws a usage error unless `value` has the syntax of an identifier of `kind`, which `option`
    /// describes in its `expected` text.
    private func checkIdentifier(_ value: String, kind: IdentifierKind, for option: CommandOption)
        throws(AdminError)
    {
        guard Identifier.isValid(value, kind: kind) else {
            throw .invalidValue(value, for: option, reason: "expected \(option.expected)")
        }
    }
}
