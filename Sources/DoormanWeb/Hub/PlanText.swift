import DoormanOAuth

/// Plans and prices in the words a buyer reads, such as `9.00 USD every 30 days`.
enum PlanText {
    /// Decimal places of the ISO 4217 currencies whose minor unit is not a hundredth, as the 2025 ISO 4217 list
    /// gives them (copied from Firefox's Intl currency data): the yen has none, the Kuwaiti dinar three.
    /// Every other code has two.
    static let decimalPlaces: [String: Int] = [
        "bhd": 3, "bif": 0, "clf": 4, "clp": 0, "djf": 0, "gnf": 0, "iqd": 3, "isk": 0, "jod": 3, "jpy": 0,
        "kmf": 0, "krw": 0, "kwd": 3, "lyd": 3, "omr": 3, "pyg": 0, "rwf": 0, "tnd": 3, "ugx": 0, "uyi": 0,
        "uyw": 4, "vnd": 0, "vuv": 0, "xaf": 0, "xof": 0, "xpf": 0,
    ]

    /// Returns `amount` minor units of `currency` as a decimal amount and the code, such as `1,250.00 USD`.
    static func price(_ amount: Int, currency: String) -> String {
        let code = currency.uppercased()
        let decimals = decimalPlaces[currency.lowercased()] ?? 2
        guard decimals > 0 else {
            return grouped(amount) + " " + code
        }

        var divisor = 1
        for _ in 0..<decimals {
            divisor *= 10
        }
        let fraction = String(amount % divisor)
        let paddedFraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        return grouped(amount / divisor) + "." + paddedFraction + " " + code
    }

    /// Returns how often a plan bills, such as `one-time payment` or `every 30 days`.
    static func renewal(_ period: Plan.RenewalPeriod) -> String {
        switch period {
        case .oneTime: "one-time payment"
        case .days(1): "every day"
        case .days(let days): "every \(days) days"
        }
    }

    /// Returns the free trial, such as `7-day free trial`, or nil for a plan without one.
    static func trial(_ plan: Plan) -> String? {
        plan.freeTrialDays > 0 ? "\(plan.freeTrialDays)-day free trial" : nil
    }

    /// Returns the whole terms of a plan, such as `9.00 USD every 30 days, after a 7-day free trial`.
    static func terms(_ plan: Plan) -> String {
        var text = price(plan.priceCents, currency: plan.currency) + " " + renewal(plan.renewalPeriod)
        if let trial = trial(plan) {
            text += ", after a " + trial
        }
        return text
    }

    /// Returns a non-negative integer with a comma between groups of three digits.
    private static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 {
                text.append(",")
            }
            text.append(digit)
        }
        return text
    }
}
