/// A seller's web app, which is the OAuth client: buyers open it from the hub and it signs them in here.
public struct WebApp: Sendable, Hashable {
    /// The identifier, `exp_…`.
    public var id: String
    /// The `biz_…` identifier of the company that owns the web app.
    public var companyID: String
    /// The display name shown on the consent page.
    public var name: String
    /// The OAuth `client_id`, `app_…`.
    public var clientID: String
    /// `TokenHash.of(secret)` of the `client_secret`, or nil for a public client, which has no secret.
    public var clientSecretHash: String?
    /// The registered redirect URIs, at least one, each accepted by `RedirectURI.validateForRegistration`.
    /// The first is the callback that a launch from the hub uses.
    public var redirectURIs: [String]
    /// The `prod_…` identifiers of the products whose valid memberships give access to the web app.
    public var productIDs: [String]
    /// Whether authorization requests must carry a PKCE challenge even though the client has a secret.
    public var requirePKCE: Bool
    /// Creation time in Unix seconds.
    public var createdAt: Int64

    /// Creates a web app.
    public init(
        id: String, companyID: String, name: String, clientID: String, clientSecretHash: String?,
        redirectURIs: [String], productIDs: [String], requirePKCE: Bool = false, createdAt: Int64
    ) {
        self.id = id
        self.companyID = companyID
        self.name = name
        self.clientID = clientID
        self.clientSecretHash = clientSecretHash
        self.redirectURIs = redirectURIs
        self.productIDs = productIDs
        self.requirePKCE = requirePKCE
        self.createdAt = createdAt
    }

    /// Whether the client is public: it has no secret, so it cannot authenticate (RFC 6749 section 2.1).
    public var isPublic: Bool {
        clientSecretHash == nil
    }

    /// Whether every authorization code for this client must be bound to a PKCE challenge.
    ///
    /// Public clients always need PKCE because nothing else stops a stolen code from being redeemed
    /// (RFC 9700 section 2.1.1).
    public var needsPKCE: Bool {
        requirePKCE || isPublic
    }
}
