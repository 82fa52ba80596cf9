import DoormanHTTP
import DoormanOAuth

/// The message for a name, title or web app name that `DisplayName.isValid` rejects.
private let nameMessage =
    "Use 1 to \(DisplayName.maximumLength) characters, without line breaks or other control characters."

/// The form that creates a company: its name.
struct CompanyForm {
    var name = ""
    /// Messages by field name, for the fields that failed.
    var errors: [String: String] = [:]

    init() {}

    init(_ form: URLEncodedForm) {
        name = form.value("name") ?? ""
    }

    /// Returns the name when it is valid, else nil with `errors` filled.
    mutating func validate() -> String? {
        errors = DisplayName.isValid(name) ? [:] : ["name": nameMessage]
        return errors.isEmpty ? name : nil
    }
}

/// The form that creates a product: its title and whether the hub lists it.
struct ProductForm {
    var title = ""
    var visibility = Product.Visibility.visible.rawValue
    var errors: [String: String] = [:]

    init() {}

    init(_ form: URLEncodedForm) {
        title = form.value("title") ?? ""
        visibility = form.value("visibility") ?? ""
    }

    /// Returns the title and visibility when both are valid, else nil with `errors` filled.
    mutating func validate() -> (title: String, visibility: Product.Visibility)? {
        errors = [:]
        if !DisplayName.isValid(title) {
            errors["title"] = nameMessage
        }
        let parsed = Product.Visibility(rawValue: visibility)
        if parsed == nil {
            errors["visibility"] = "Choose whether the hub lists the product."
        }
        guard let parsed, errors.isEmpty else {
            return nil
        }
        return (title, parsed)
    }
}

/// The form that creates a plan: price, currency, renewal and free trial, under `PlanRules`.
struct PlanForm {
    var price = ""
    var currency = "usd"
    var renewal = "30"
    var trialDays = "0"
    var errors: [String: String] = [:]

    init() {}

    init(_ form: URLEncodedForm) {
        price = form.value("price") ?? ""
        currency = form.value("currency") ?? ""
        renewal = form.value("renewal") ?? ""
        trialDays = form.value("trial_days") ?? ""
    }

    /// Returns a plan of `productID` with identifier `id` when every field is valid, else nil with `errors`
    /// filled.
    mutating func validate(id: String, productID: String) -> Plan? {
        errors = [:]
        let amount = Int(price).flatMap { PlanRules.prices.contains($0) ? $0 : nil }
        if amount == nil {
            errors["price"] =
                "Enter a whole number from 0 to \(PlanRules.prices.upperBound): the price in the currency's smallest "
                + "unit, such as 900 for 9.00 USD."
        }
        let code = PlanRules.normalizedCurrency(currency)
        if code == nil {
            errors["currency"] = "Enter a three-letter currency code, such as usd or eur."
        }
        let period = PlanRules.parseRenewal(renewal)
        if period == nil {
            errors["renewal"] =
                "Enter \(PlanRules.oneTime), or a number of days from 1 to \(PlanRules.renewalDays.upperBound), "
                + "such as 30."
        }
        let trial = validateTrial(period: period)

        guard let amount, let code, let period, let trial, errors.isEmpty else {
            return nil
        }
        return Plan(
            id: id, productID: productID, priceCents: amount, currency: code, renewalPeriod: period,
            freeTrialDays: trial)
    }

    private mutating func validateTrial(period: Plan.RenewalPeriod?) -> Int? {
        guard let days = Int(trialDays), PlanRules.trialDays.contains(days) else {
            errors["trial_days"] = "Enter a number of days from 0 to \(PlanRules.trialDays.upperBound)."
            return nil
        }
        if let period, !PlanRules.allowsTrial(of: days, with: period) {
            errors["trial_days"] = "A one-time plan has no free trial. Enter 0, or make the plan renew."
            return nil
        }
        return days
    }
}

/// The form that adds a web app to a product: its name and Callback URL.
struct WebAppForm {
    var name = ""
    var callbackURL = ""
    var errors: [String: String] = [:]

    init() {}

    init(_ form: URLEncodedForm) {
        name = form.value("name") ?? ""
        callbackURL = form.value("callback_url") ?? ""
    }

    /// Returns the name and Callback URL when both are valid, else nil with `errors` filled.
    ///
    /// The URL must pass `RedirectURI.validateForRegistration`, whose reason is shown next to the field.
    mutating func validate() -> (name: String, callbackURL: String)? {
        errors = [:]
        if !DisplayName.isValid(name) {
            errors["name"] = nameMessage
        }
        do throws(RedirectURIError) {
            try RedirectURI.validateForRegistration(callbackURL)
        } catch {
            errors["callback_url"] = "This Callback URL cannot be used: \(error.description)."
        }
        return errors.isEmpty ? (name, callbackURL) : nil
    }
}
