import DoormanHTTP
import DoormanOAuth

/// `doorman webapp create` and `doorman webapp rotate-secret`: the OAuth clients and their secrets.
enum WebAppCommands {
    static let name = CommandOption.string(
        "name", valueName: "text", help: "Name shown on the consent page.", expected: AdminOptions.nameExpected,
        isRequired: true)

    static let callbackURL = CommandOption.repeatableString(
        "callback-url", valueName: "url",
        help: "Redirect URI that receives the authorization code. The first one is the callback that a "
            + "launch from the hub uses.",
        expected: "an https URL, or http with localhost, 127.0.0.0/8 or [::1], without userinfo or fragment",
        isRequired: true)

    static let product = CommandOption.repeatableString(
        "product", valueName: "id",
        help: "Product whose members may use the web app. Every product must belong to the same company, "
            + "which becomes the web app's owner.",
        expected: "a product id (prod_…)", isRequired: true)

    static let isPublic = CommandOption.flag(
        "public", help: "Create a public client, which has no secret and must use PKCE.")

    static let requirePKCE = CommandOption.flag(
        "require-pkce", help: "Require PKCE from a client with a secret too.")

    static let webApp = CommandOption.string(
        "webapp", valueName: "id", help: "Web app whose secret is replaced, by web app id or client id.",
        expected: "a web app id (exp_…) or a client id (app_…)", isRequired: true)

    /// The definition of `doorman webapp create`.
    static let createCommand = Command(
        name: "create",
        abstract: "Register a web app as an OAuth client and print its credentials.",
        discussion: "The client secret is printed once. Doorman stores only its SHA-256 hash, so copy it "
            + "into the web app's configuration at once; a lost secret can only be replaced with rotate-secret.",
        options: ConfigurationOption.storageAndLogging,
        commandOptions: AdminOptions.withJSON([name, callbackURL, product, isPublic, requirePKCE]))

    /// The definition of `doorman webapp rotate-secret`.
    static let rotateSecretCommand = Command(
        name: "rotate-secret",
        abstract: "Replace a web app's client secret and print the new one.",
        discussion: "The previous secret stops working at once, so update the web app right after.",
        options: ConfigurationOption.storageAndLogging,
        commandOptions: AdminOptions.withJSON([webApp]))

    /// Registers the web app that `options` describe and returns its client id and secret.
    ///
    /// The web app, its redirect URIs and its products are stored together or not at all.
    static func createWebApp(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment = .process
    ) throws(AdminError) -> AdminOutput {
        let name = try AdminOptions.validateName(options.required(Self.name), for: Self.name)
        let redirectURIs = try validateCallbackURLs(options.strings(callbackURL))
        let products = try lookUpProducts(options.strings(product), store: store)

        let secret = options.flag(isPublic) ? nil : TokenIssuer(random: environment.random).makeClientSecret()
        let webApp = WebApp(
            id: Identifier.make(.webApp, using: environment.random), companyID: products[0].companyID, name: name,
            clientID: Identifier.make(.client, using: environment.random), clientSecretHash: secret?.hash,
            redirectURIs: redirectURIs, productIDs: products.map(\.id), requirePKCE: options.flag(requirePKCE),
            createdAt: environment.now())
        try withStore("create the web app") { () throws(StoreError) in try store.createWebApp(webApp) }
        return createOutput(for: webApp, secret: secret?.secret)
    }

    /// Replaces the client secret of an existing confidential web app and returns the new secret.
    static func rotateSecret(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment = .process
    ) throws(AdminError) -> AdminOutput {
        let webApp = try AdminLookup(store: store).webApp(options.required(Self.webApp), for: Self.webApp)
        guard !webApp.isPublic else {
            throw .conflict("web app \(webApp.id) is a public client, which has no secret to rotate")
        }

        let secret = TokenIssuer(random: environment.random).makeClientSecret()
        let updated = try withStore("store the new secret") { () throws(StoreError) in
            try store.setClientSecretHash(secret.hash, webAppID: webApp.id)
        }
        guard updated else {
            throw .unknown("web app", webApp.id, remedy: "it was deleted while its secret was rotated")
        }

        let text =
            "New client secret of web app \(webApp.id) (client id \(webApp.clientID)):\n\(secret.secret)\n"
            + "The secret is shown only this once, and the previous secret no longer works."
        let json: JSONValue = [
            "id": .string(webApp.id), "client_id": .string(webApp.clientID), "client_secret": .string(secret.secret),
            "notice": "client_secret is shown only this once; the previous secret no longer works",
        ]
        return AdminOutput(text: text, json: json)
    }

    /// Returns the URLs when each can be registered and none repeats another.
    private static func validateCallbackURLs(_ urls: [String]) throws(AdminError) -> [String] {
        for (index, url) in urls.enumerated() {
            do throws(RedirectURIError) {
                try RedirectURI.validateForRegistration(url)
            } catch {
                throw .invalidValue(url, for: callbackURL, reason: error.description)
            }
            // Byte comparison, because `==` on strings treats canonically equivalent text as equal.
            if urls[..<index].contains(where: { $0.utf8.elementsEqual(url.utf8) }) {
                throw .invalidValue(url, for: callbackURL, reason: "the URL is given twice; give each URL once")
            }
        }
        return urls
    }

    /// Returns the products that `identifiers` name, which must exist and belong to one company.
    private static func lookUpProducts(_ identifiers: [String], store: any DoormanStore) throws(AdminError)
        -> [Product]
    {
        let lookup = AdminLookup(store: store)
        var products: [Product] = []
        for identifier in identifiers {
            let found = try lookup.product(identifier, for: product)
            if products.contains(where: { $0.id == found.id }) {
                throw .invalidValue(identifier, for: product, reason: "the product is given twice; give each once")
            }
            if let first = products.first, first.companyID != found.companyID {
                throw .conflict(
                    "product \(found.id) belongs to company \(found.companyID), but product \(first.id) belongs to "
                        + "\(first.companyID); a web app serves the products of one company")
            }
            products.append(found)
        }
        return products
    }

    private static func createOutput(for webApp: WebApp, secret: String?) -> AdminOutput {
        var text =
            "Created web app \(webApp.id) (\(quoted(webApp.name))) of company \(webApp.companyID).\n"
            + "client_id: \(webApp.clientID)"
        if let secret {
            text +=
                "\nclient_secret: \(secret)\nThe client secret is shown only this once. Doorman keeps only its hash."
        } else {
            text += "\nPublic client: no secret; every authorization request must use PKCE."
        }

        let notice = secret == nil ? "public client without a secret" : "client_secret is shown only this once"
        let json: JSONValue = [
            "id": .string(webApp.id),
            "company_id": .string(webApp.companyID),
            "name": .string(webApp.name),
            "client_id": .string(webApp.clientID),
            "client_secret": .optional(secret),
            "redirect_uris": .strings(webApp.redirectURIs),
            "product_ids": .strings(webApp.productIDs),
            "public": .bool(webApp.isPublic),
            "require_pkce": .bool(webApp.requirePKCE),
            "created_at": .integer(webApp.createdAt),
            "notice": .string(notice),
        ]
        return AdminOutput(text: text, json: json)
    }
}
