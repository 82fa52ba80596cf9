import DoormanHTTP
import DoormanOAuth

/// `doorman plan create`: the price and billing terms under which a product is sold.
enum PlanCommands {
    /// The accepted renewal periods in days, up to ten years of 365 days.
    static let renewalDays = 1...3650

    /// The highest price in minor units, such as cents. Prices above it are far more likely typos than sales.
    static let maximumPrice = 1_000_000_000

    static let product = CommandOption.string(
        "product", valueName: "id", help: "Product that the plan sells.", expected: "a product id (prod_…)",
        isRequired: true)

    static let price = CommandOption.integer(
        "price", valueName: "amount", unit: "minor currency units, such as cents", range: 0...maximumPrice,
        help: "Price per renewal period, or the one-time price.", isRequired: true)

    static let currency = CommandOption.string(
        "currency", valueName: "code", help: "Currency of the price. Stored in lowercase.",
        expected: "a three-letter ISO 4217 code such as usd or eur", isRequired: true)

    static let renewal = CommandOption.string(
        "renewal", valueName: "period", help: "How often the plan bills again: one-time, or every DAYS days.",
        expected: "one-time, or a number of days from 1 to \(renewalDays.upperBound), such as 30",
        isRequired: true)

    static let trialDays = CommandOption.integer(
        "trial-days", valueName: "days", unit: "days", range: 0...365,
        help: "Length of the free trial before the first payment. Only renewing plans have a trial.",
        defaultDescription: "0, no trial")

    /// The definition of `doorman plan create`.
    static let createCommand = Command(
        name: "create",
        abstract: "Create a plan: a price and billing terms for a product.",
        options: ConfigurationOption.storageAndLogging,
        commandOptions: AdminOptions.withJSON([product, price, currency, renewal, trialDays]))

    /// Creates the plan that `options` describe for an existing product.
    static func createPlan(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment = .process
    ) throws(AdminError) -> AdminOutput {
        let currency = try validateCurrency(options.required(Self.currency))
        let period = try parseRenewal(options.required(renewal))
        let trialDays = options.integer(Self.trialDays) ?? 0
        if trialDays > 0, period == .oneTime {
            throw .invalidValue(
                String(trialDays), for: Self.trialDays,
                reason: "only renewing plans have a free trial, so give --renewal DAYS or leave out --trial-days")
        }
        let product = try AdminLookup(store: store).product(options.required(Self.product), for: Self.product)

        let plan = Plan(
            id: Identifier.make(.plan, using: environment.random), productID: product.id,
            priceCents: options.integer(price) ?? 0, currency: currency, renewalPeriod: period,
            freeTrialDays: trialDays)
        try withStore("create the plan") { () throws(StoreError) in try store.createPlan(plan) }
        return output(for: plan)
    }

    /// Returns `value` in lowercase when it is three ASCII letters.
    ///
    /// Only the shape of an ISO 4217 code is checked, not that the code is assigned.
    static func validateCurrency(_ value: String) throws(AdminError) -> String {
        let lowercase = UInt8(ascii: "a")...UInt8(ascii: "z")
        let uppercase = UInt8(ascii: "A")...UInt8(ascii: "Z")
        let isASCIILetter = { (byte: UInt8) in lowercase.contains(byte) || uppercase.contains(byte) }
        guard value.utf8.count == 3, value.utf8.allSatisfy(isASCIILetter) else {
            throw .invalidValue(value, for: currency, reason: "expected \(currency.expected)")
        }
        return value.lowercased()
    }

    /// Parses `one-time` or a number of days.
    static func parseRenewal(_ value: String) throws(AdminError) -> Plan.RenewalPeriod {
        if value == "one-time" {
            return .oneTime
        }
        guard let days = Int(value), renewalDays.contains(days) else {
            throw .invalidValue(value, for: renewal, reason: "expected \(renewal.expected)")
        }
        return .days(days)
    }

    private static func output(for plan: Plan) -> AdminOutput {
        var periodDays: Int?
        var terms = "one-time"
        if case .days(let days) = plan.renewalPeriod {
            periodDays = days
            terms = "every \(days) days"
        }
        if plan.freeTrialDays > 0 {
            terms += " after a \(plan.freeTrialDays)-day free trial"
        }

        let json: JSONValue = [
            "id": .string(plan.id),
            "product_id": .string(plan.productID),
            "price": .integer(plan.priceCents),
            "currency": .string(plan.currency),
            "plan_type": .string(periodDays == nil ? "one_time" : "renewal"),
            "renewal_period_days": periodDays.map { .integer($0) } ?? .null,
            "trial_period_days": .integer(plan.freeTrialDays),
        ]
        let text =
            "Created plan \(plan.id) for product \(plan.productID): \(plan.priceCents) \(plan.currency), \(terms)."
        return AdminOutput(text: text, json: json)
    }
}
