/// A seller on the hub, which owns products and web apps.
public struct Company: Sendable, Hashable {
    /// `id`: the identifier, `biz_…`.
    public var id: String
    /// The `user_…` identifier of the user who owns the company.
    public var ownerUserID: String
    /// The display name.
    public var name: String

    /// Creates a company.
    public init(id: String, ownerUserID: String, name: String) {
        self.id = id
        self.ownerUserID = ownerUserID
        self.name = name
    }
}
