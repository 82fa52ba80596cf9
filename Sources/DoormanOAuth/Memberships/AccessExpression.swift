/// The target of an access check, `GET /check/{access_expression}`: a product or a web app identifier.
public enum AccessExpression: Sendable, Hashable {
    /// `prod_…`: whether the user has a valid membership of the product.
    case product(id: String)
    /// `exp_…`: whether the user may use the web app.
    case webApp(id: String)

    /// Parses `value` as a `prod_…` or `exp_…` identifier.
    ///
    /// Throws when `value` has another prefix, no characters after the prefix, more than
    /// `Identifier.maximumSuffixLength` of them, or a character outside `A-Z a-z 0-9 - _`.
    public static func parse(_ value: String) throws(AccessExpressionError) -> AccessExpression {
        if Identifier.isValid(value, kind: .product) {
            return .product(id: value)
        }
        if Identifier.isValid(value, kind: .webApp) {
            return .webApp(id: value)
        }
        throw AccessExpressionError(value: value)
    }
}

/// An access expression that is not a well-formed `prod_…` or `exp_…` identifier.
public struct AccessExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expression as received.
    public let value: String

    /// Creates the error for the expression `value`.
    public init(value: String) {
        self.value = value
    }

    /// A sentence naming the value and the accepted forms.
    public var description: String {
        // Cap the echoed text so a long path cannot flood the logs.
        let truncatedValue = boundedExcerpt(value, maximumScalars: 80)
        return "invalid access expression \(truncatedValue): expected prod_ or exp_ followed by letters, digits, - or _"
    }
}
