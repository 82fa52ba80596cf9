import DoormanOAuth

/// An administration command: one that changes the database directly, without the web pages.
public enum AdminCommand: String, Sendable, CaseIterable {
    /// `doorman user create`.
    case createUser
    /// `doorman company create`.
    case createCompany
    /// `doorman product create`.
    case createProduct
    /// `doorman plan create`.
    case createPlan
    /// `doorman membership grant`.
    case grantMembership
    /// `doorman membership cancel`.
    case cancelMembership
    /// `doorman webapp create`.
    case createWebApp
    /// `doorman webapp rotate-secret`.
    case rotateWebAppSecret

    /// The words after `doorman` that invoke the command, such as `["user", "create"]`.
    public var path: [String] {
        switch self {
        case .createUser: ["user", "create"]
        case .createCompany: ["company", "create"]
        case .createProduct: ["product", "create"]
        case .createPlan: ["plan", "create"]
        case .grantMembership: ["membership", "grant"]
        case .cancelMembership: ["membership", "cancel"]
        case .createWebApp: ["webapp", "create"]
        case .rotateWebAppSecret: ["webapp", "rotate-secret"]
        }
    }

    /// Returns the command that `path` invokes, or `nil` when it is not an administration command.
    public init?(path: [String]) {
        guard let command = Self.allCases.first(where: { $0.path == path }) else {
            return nil
        }
        self = command
    }

    /// The command's description, options and help.
    var definition: Command {
        switch self {
        case .createUser: UserCommands.createCommand
        case .createCompany: CatalogCommands.createCompanyCommand
        case .createProduct: CatalogCommands.createProductCommand
        case .createPlan: PlanCommands.createCommand
        case .grantMembership: MembershipCommands.grantCommand
        case .cancelMembership: MembershipCommands.cancelCommand
        case .createWebApp: WebAppCommands.createCommand
        case .rotateWebAppSecret: WebAppCommands.rotateSecretCommand
        }
    }

    /// Runs the command against `store` and returns the text to print: a sentence, or one JSON object
    /// when `--json` was given.
    public func run(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment = .process
    ) throws(AdminError) -> String {
        let output = try makeOutput(options, store: store, environment: environment)
        return output.rendered(asJSON: options.flag(AdminOptions.json))
    }

    private func makeOutput(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment
    ) throws(AdminError) -> AdminOutput {
        switch self {
        case .createUser: try UserCommands.createUser(options, store: store, environment: environment)
        case .createCompany: try CatalogCommands.createCompany(options, store: store, environment: environment)
        case .createProduct: try CatalogCommands.createProduct(options, store: store, environment: environment)
        case .createPlan: try PlanCommands.createPlan(options, store: store, environment: environment)
        case .grantMembership: try MembershipCommands.grantMembership(options, store: store, environment: environment)
        case .cancelMembership:
            try MembershipCommands.cancelMembership(options, store: store, environment: environment)
        case .createWebApp: try WebAppCommands.createWebApp(options, store: store, environment: environment)
        case .rotateWebAppSecret: try WebAppCommands.rotateSecret(options, store: store, environment: environment)
        }
    }

    /// The command groups under `doorman`, such as `user`, each with its administration commands.
    static var groups: [Command] {
        let abstracts = [
            "user": "Manage user accounts.",
            "company": "Manage companies, the sellers.",
            "product": "Manage products of companies.",
            "plan": "Manage the prices and billing terms of products.",
            "membership": "Grant and cancel memberships, the proof of purchase.",
            "webapp": "Manage web apps, the OAuth clients.",
        ]
        var groupNames: [String] = []
        for command in allCases where !groupNames.contains(command.path[0]) {
            groupNames.append(command.path[0])
        }
        return groupNames.map { group in
            Command(
                name: group,
                abstract: abstracts[group] ?? "",
                discussion: "These commands change the database that doorman serve uses, without the web pages.",
                subcommands: allCases.filter { $0.path[0] == group }.map(\.definition))
        }
    }
}
