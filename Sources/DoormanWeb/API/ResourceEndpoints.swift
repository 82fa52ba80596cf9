import DoormanHTTP
import DoormanOAuth

/// The v5 API routes that read the signed-in user's data with a bearer token.
///
/// Every handler authenticates first, so an unauthenticated request learns nothing, not even whether a record
/// exists. Every response carries `Cache-Control: no-store`.
struct ResourceEndpoints: Sendable {
    let context: WebContext

    private var authentication: BearerAuthentication {
        BearerAuthentication(store: context.store)
    }

    /// `GET /v5/me`: the user of the token, read with the token in one query. A token whose user was deleted
    /// finds no row, so it counts as invalid.
    func me(_ request: Request) -> Response {
        APIResponse.run(request, logger: context.logger) {
            let user = try authentication.authenticateWithUser(request, at: context.now()).user

            var writer = APIJSONWriter(capacity: 192)
            writer.user(user)
            return APIResponse.json(writer.bytes)
        }
    }

    /// `GET /v5/me/memberships`: the user's memberships, newest first, filtered and paginated.
    func memberships(_ request: Request) -> Response {
        APIResponse.run(request, logger: context.logger) {
            let now = context.now()
            let token = try authentication.authenticate(request, at: now)
            let filter = try MembershipFilter.parse(request.query)
            let page = try PageRequest.parse(request.query)

            let matching = try context.store.memberships(userID: token.userID).filter { filter.matches($0, at: now) }
            let (items, pagination) = page.slice(matching)
            return list(items, pagination: pagination) { writer, membership in
                writer.membership(membership, at: now, publicURL: context.publicURL)
            }
        }
    }

    /// `GET /v5/me/memberships/:id`: one membership of the user, valid or not.
    func membership(_ request: Request) -> Response {
        APIResponse.run(request, logger: context.logger) {
            let now = context.now()
            let token = try authentication.authenticate(request, at: now)
            let id = request.parameters["id"] ?? ""

            // Another user's membership gets the same 404 as a missing one, so identifiers cannot be probed.
            guard let membership = try context.store.membership(id: id),
                membership.userID.utf8.elementsEqual(token.userID.utf8)
            else {
                throw APIFailure.notFound("Membership \(APIQuery.excerpt(id)) not found.")
            }

            var writer = APIJSONWriter(capacity: 512)
            writer.membership(membership, at: now, publicURL: context.publicURL)
            return APIResponse.json(writer.bytes)
        }
    }

    /// `GET /v5/me/products`: the products the user has a valid membership of, paginated, in the order of
    /// their newest membership.
    func products(_ request: Request) -> Response {
        APIResponse.run(request, logger: context.logger) {
            let now = context.now()
            let token = try authentication.authenticate(request, at: now)
            let page = try PageRequest.parse(request.query)

            let productIDs = try heldProductIDs(userID: token.userID, at: now)
            let (pageIDs, pagination) = page.slice(productIDs)
            let products = try pageIDs.compactMap { try context.store.product(id: $0) }
            return list(products[...], pagination: pagination) { writer, product in
                writer.product(product)
            }
        }
    }

    /// `GET /v5/me/products/:id`: one product the user has a valid membership of.
    func product(_ request: Request) -> Response {
        APIResponse.run(request, logger: context.logger) {
            let now = context.now()
            let token = try authentication.authenticate(request, at: now)
            let id = request.parameters["id"] ?? ""

            let memberships = try context.store.memberships(userID: token.userID)
            guard Access.userHasProduct(id, memberships: memberships, at: now),
                let product = try context.store.product(id: id)
            else {
                throw APIFailure.notFound("Product \(APIQuery.excerpt(id)) not found.")
            }

            var writer = APIJSONWriter(capacity: 256)
            writer.product(product)
            return APIResponse.json(writer.bytes)
        }
    }

    /// Returns the identifiers of the products that `userID` has a valid membership of at `now`, each once, in
    /// the store's order of memberships, which is newest first.
    private func heldProductIDs(userID: String, at now: Int64) throws -> [String] {
        var seen = Set<String>()
        var productIDs: [String] = []
        for membership in try context.store.memberships(userID: userID) where membership.isValid(at: now) {
            if seen.insert(membership.productID).inserted {
                productIDs.append(membership.productID)
            }
        }
        return productIDs
    }

    /// Returns `{"pagination": {...}, "data": [...]}` with `write` producing each element.
    private func list<Item>(
        _ items: ArraySlice<Item>, pagination: Pagination, write: (inout APIJSONWriter, Item) -> Void
    ) -> Response {
        var writer = APIJSONWriter(capacity: 256 + items.count * 512)
        writer.beginObject()
        writer.pagination(pagination)
        writer.key("data")
        writer.beginArray()
        for item in items {
            write(&writer, item)
        }
        writer.endArray()
        writer.endObject()
        return APIResponse.json(writer.bytes)
    }
}
