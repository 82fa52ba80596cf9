import DoormanHTTP
import DoormanOAuth

/// `doorman membership grant` and `doorman membership cancel`: proof of purchase without a payment.
enum MembershipCommands {
    static let user = CommandOption.string(
        "user", valueName: "user", help: "User who receives the membership, by id or username.",
        expected: "a user id (user_…) or a username", isRequired: true)

    static let plan = CommandOption.string(
        "plan", valueName: "id", help: "Plan granted. The product and company come from the plan.",
        expected: "a plan id (plan_…)", isRequired: true)

    static let status = CommandOption.string(
        "status", valueName: "status", help: "Billing state of the new membership.",
        expected: "one of " + MembershipStatus.allCases.map(\.rawValue).joined(separator: ", "),
        defaultDescription: "trialing when the plan has a free trial, else active")

    static let expiresAt = CommandOption.integer(
        "expires-at", valueName: "time", unit: "Unix seconds", range: 1...253_402_300_799,
        help: "Instant from which the membership no longer grants access.", defaultDescription: "no fixed end")

    static let membership = CommandOption.string(
        "membership", valueName: "id", help: "Membership to cancel.", expected: "a membership id (mem_…)",
        isRequired: true)

    static let atPeriodEnd = CommandOption.flag(
        "at-period-end", help: "Keep access until the current billing period ends instead of ending it now.")

    /// The definition of `doorman membership grant`.
    static let grantCommand = Command(
        name: "grant",
        abstract: "Give a user a membership of a plan's product, as a purchase would.",
        discussion: "A renewing plan's billing period starts now and lasts the plan's renewal period, or its "
            + "free trial while trialing. A one-time plan's membership has no billing period.",
        options: ConfigurationOption.storageAndLogging,
        commandOptions: AdminOptions.withJSON([user, plan, status, expiresAt]))

    /// The definition of `doorman membership cancel`.
    static let cancelCommand = Command(
        name: "cancel",
        abstract: "Cancel a membership now or at the end of its billing period.",
        options: ConfigurationOption.storageAndLogging,
        commandOptions: AdminOptions.withJSON([membership, atPeriodEnd]))

    /// Creates a membership of an existing user for the product of an existing plan.
    static func grantMembership(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment = .process
    ) throws(AdminError) -> AdminOutput {
        let requestedStatus = try options.string(status).map { value throws(AdminError) in try parseStatus(value) }
        let lookup = AdminLookup(store: store)
        let user = try lookup.user(options.required(Self.user), for: Self.user)
        let plan = try lookup.plan(options.required(Self.plan), for: Self.plan)
        let product = try lookup.product(plan.productID, for: Self.plan)

        let status = try initialStatus(requested: requestedStatus, plan: plan)

        let membership = Purchase.membership(
            id: Identifier.make(.membership, using: environment.random), userID: user.id, plan: plan,
            companyID: product.companyID, status: status, at: environment.now(),
            expiresAt: options.integer(expiresAt).map(Int64.init))
        try withStore("create the membership") { () throws(StoreError) in try store.createMembership(membership) }

        let text =
            "Granted membership \(membership.id) to \(user.id) (\(user.username)) for product \(product.id) "
            + "under plan \(plan.id), status \(status.rawValue)."
        return AdminOutput(text: text, json: json(for: membership, at: membership.createdAt))
    }

    /// Cancels an existing membership now, or at the end of its billing period with `--at-period-end`.
    static func cancelMembership(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment = .process
    ) throws(AdminError) -> AdminOutput {
        var membership = try AdminLookup(store: store).membership(
            options.required(Self.membership), for: Self.membership)
        if membership.hasEnded {
            throw .conflict(
                "membership \(membership.id) has already ended with status \(membership.status.rawValue); "
                    + "there is nothing to cancel")
        }

        let text: String
        if options.flag(atPeriodEnd) {
            guard let periodEnd = membership.renewalPeriodEnd else {
                throw .conflict(
                    "membership \(membership.id) has no billing period to end, because its plan is one-time; "
                        + "cancel it now without --at-period-end")
            }
            membership.cancelAtPeriodEnd = true
            text = "Membership \(membership.id) will end at the end of its billing period, \(periodEnd) Unix seconds."
        } else {
            membership.status = .canceled
            text = "Canceled membership \(membership.id); it no longer grants access."
        }

        let updated = try withStore("cancel the membership") { () throws(StoreError) in
            try store.updateMembership(membership)
        }
        guard updated else {
            throw .unknown("membership", membership.id, remedy: "it was deleted while being canceled")
        }
        return AdminOutput(text: text, json: json(for: membership, at: environment.now()))
    }

    /// Returns the requested status, or trialing for a plan with a free trial and active otherwise.
    private static func initialStatus(requested: MembershipStatus?, plan: Plan) throws(AdminError)
        -> MembershipStatus
    {
        let status = requested ?? Purchase.initialStatus(for: plan)
        if status == .trialing, plan.freeTrialDays == 0 {
            throw .conflict(
                "plan \(plan.id) has no free trial, so the status cannot be trialing; "
                    + "give another --status or a plan created with --trial-days")
        }
        return status
    }

    private static func parseStatus(_ value: String) throws(AdminError) -> MembershipStatus {
        guard let status = MembershipStatus(rawValue: value) else {
            throw .invalidValue(value, for: Self.status, reason: "expected \(Self.status.expected)")
        }
        return status
    }

    /// Returns the membership's fields as the OAuth API names them, and `valid` at `now`.
    private static func json(for membership: Membership, at now: Int64) -> JSONValue {
        [
            "id": .string(membership.id),
            "user_id": .string(membership.userID),
            "product_id": .string(membership.productID),
            "plan_id": .string(membership.planID),
            "company_id": .string(membership.companyID),
            "status": .string(membership.status.rawValue),
            "valid": .bool(membership.isValid(at: now)),
            "cancel_at_period_end": .bool(membership.cancelAtPeriodEnd),
            "created_at": .integer(membership.createdAt),
            "expires_at": .optional(membership.expiresAt),
            "renewal_period_start": .optional(membership.renewalPeriodStart),
            "renewal_period_end": .optional(membership.renewalPeriodEnd),
        ]
    }
}
