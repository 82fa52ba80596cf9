import DoormanHTTP
import DoormanOAuth

/// `doorman plan create`: the price and billing terms under which a product is sold.
enum PlanCommands {
    static let product = CommandOption.string(
        "product", valueName: "id", help: "Product that the plan sells.", expected: "a product id (prod_…)",
        isRequired: true)

    static let price = CommandOption.integer(
        "price", valueName: "amount", unit: "minor currency units, such as cents", range: PlanRules.prices,
        help: "Price per renewal period, or the one-time price.", isRequired: true)

    static let currency = CommandOption.string(
        "currency", valueName: "code", help: "Currency of the price. Stored in lowercase.",
        expected: "a three-letter ISO 4217 code such as usd or eur", isRequired: true)

    static let renewal = CommandOption.string(
        "renewal", valueName: "period", help: "How often the plan bills again: one-time, or every DAYS days.",
        expected: "one-time, or a number of days from 1 to \(PlanRules.renewalDays.upperBound), such as 30",
        isRequired: true)

    static let trialDays = CommandOption.integer(
        "trial-days", valueName: "days", unit: "days", range: PlanRules.trialDays,
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
        if !PlanRules.allowsTrial(of: trialDays, with: period) {
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

    /// Returns `value` in lowercase when `PlanRules.normalizedCurrency` accepts it.
    static func validateCurrency(_ value: String) throws(AdminError) -> String {
        guard let code = PlanRules.normalizedCurrency(value) else {
            throw .invalidValue(value, for: currency, reason: "expected \(currency.expected)")
        }
        return code
    }

    /// Parses `one-time` or a number of days with `PlanRules.parseRenewal`.
    static func parseRenewal(_ value: String) throws(AdminError) -> Plan.RenewalPeriod {
        guard let period = PlanRules.parseRenewal(value) else {
            throw .invalidValue(value, for: renewal, reason: "expected \(renewal.expected)")
        }
        return period
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
