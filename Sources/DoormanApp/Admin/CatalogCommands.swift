import DoormanHTTP
import DoormanOAuth

/// `doorman company create` and `doorman product create`: the sellers and what they sell.
enum CatalogCommands {
    static let owner = CommandOption.string(
        "owner", valueName: "user", help: "User who owns the company, by id or username.",
        expected: "a user id (user_…) or a username", isRequired: true)

    static let companyName = CommandOption.string(
        "name", valueName: "text", help: "Company name shown to buyers.", expected: AdminOptions.nameExpected,
        isRequired: true)

    static let company = CommandOption.string(
        "company", valueName: "id", help: "Company that sells the product.", expected: "a company id (biz_…)",
        isRequired: true)

    static let title = CommandOption.string(
        "title", valueName: "text", help: "Product title shown on the hub.", expected: AdminOptions.nameExpected,
        isRequired: true)

    static let hidden = CommandOption.flag(
        "hidden", help: "Leave the product off the hub's public list; it stays reachable by direct link.")

    /// The definition of `doorman company create`.
    static let createCompanyCommand = Command(
        name: "create",
        abstract: "Create a company, the seller of products.",
        options: ConfigurationOption.storageAndLogging,
        commandOptions: AdminOptions.withJSON([owner, companyName]))

    /// The definition of `doorman product create`.
    static let createProductCommand = Command(
        name: "create",
        abstract: "Create a product of a company.",
        options: ConfigurationOption.storageAndLogging,
        commandOptions: AdminOptions.withJSON([company, title, hidden]))

    /// Creates the company that `options` describe, owned by an existing user.
    static func createCompany(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment = .process
    ) throws(AdminError) -> AdminOutput {
        let name = try AdminOptions.validateName(options.required(companyName), for: companyName)
        let owner = try AdminLookup(store: store).user(options.required(Self.owner), for: Self.owner)

        let company = Company(
            id: Identifier.make(.company, using: environment.random), ownerUserID: owner.id, name: name)
        try withStore("create the company") { () throws(StoreError) in try store.createCompany(company) }

        let json: JSONValue = [
            "id": .string(company.id), "owner_user_id": .string(company.ownerUserID), "name": .string(company.name),
        ]
        let text = "Created company \(company.id) (\(quoted(company.name))) owned by \(owner.id) (\(owner.username))."
        return AdminOutput(text: text, json: json)
    }

    /// Creates the product that `options` describe in an existing company.
    static func createProduct(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment = .process
    ) throws(AdminError) -> AdminOutput {
        let title = try AdminOptions.validateName(options.required(Self.title), for: Self.title)
        let company = try AdminLookup(store: store).company(options.required(Self.company), for: Self.company)

        let product = Product(
            id: Identifier.make(.product, using: environment.random), companyID: company.id, title: title,
            visibility: options.flag(hidden) ? .hidden : .visible)
        try withStore("create the product") { () throws(StoreError) in try store.createProduct(product) }

        let json: JSONValue = [
            "id": .string(product.id), "company_id": .string(product.companyID), "title": .string(product.title),
            "visibility": .string(product.visibility.rawValue),
        ]
        let text =
            "Created \(product.visibility.rawValue) product \(product.id) (\(quoted(product.title))) "
            + "of company \(company.id)."
        return AdminOutput(text: text, json: json)
    }
}
