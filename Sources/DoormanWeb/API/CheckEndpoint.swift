import DoormanHTTP
import DoormanOAuth

/// `GET /check/:access_expression`: whether the token's user has access, returned as `{"access": true|false}`.
///
/// The expression is a `prod_…` identifier, true when the user has a valid membership of the product, or an
/// `exp_…` identifier, true when the user has a valid membership of a product that the web app serves. An
/// unknown product or web app is `false`, not 404, so the answer reveals nothing about other sellers' records.
struct CheckEndpoint: Sendable {
    let context: WebContext

    /// Returns the response to one access check.
    func check(_ request: Request) -> Response {
        APIResponse.run(request, logger: context.logger) {
            let now = context.now()
            let token = try BearerAuthentication(store: context.store).authenticate(request, at: now)

            let expression: AccessExpression
            do throws(AccessExpressionError) {
                expression = try AccessExpression.parse(request.parameters["access_expression"] ?? "")
            } catch {
                // The description starts with a lowercase "invalid access expression"; a message starts a sentence.
                let description = error.description
                throw APIFailure.badRequest(description.prefix(1).uppercased() + description.dropFirst() + ".")
            }

            let access = try hasAccess(userID: token.userID, to: expression, at: now)
            var writer = APIJSONWriter(capacity: 24)
            writer.beginObject()
            writer.key("access")
            writer.bool(access)
            writer.endObject()
            return APIResponse.json(writer.bytes)
        }
    }

    private func hasAccess(userID: String, to expression: AccessExpression, at now: Int64) throws -> Bool {
        switch expression {
        case .product(let productID):
            let memberships = try context.store.memberships(userID: userID)
            return Access.userHasProduct(productID, memberships: memberships, at: now)
        case .webApp(let webAppID):
            guard let webApp = try context.store.webApp(id: webAppID) else {
                return false
            }
            let memberships = try context.store.memberships(userID: userID)
            return Access.userMayUse(webApp: webApp, memberships: memberships, at: now)
        }
    }
}
