/// Request parameters reduced to the names an endpoint defines, with the RFC 6749 section 3.1 rules applied:
/// a parameter with an empty value counts as absent, and unknown parameters are ignored.
struct ParameterList {
    /// The first non-empty value of each known name.
    private var values: [String: String] = [:]
    /// Known names that carry more than one non-empty value.
    private(set) var duplicatedNames: Set<String> = []

    /// Collects the non-empty values of the names in `known` from `parameters`.
    init(_ parameters: [(name: String, value: String)], known: Set<String>) {
        for (name, value) in parameters where known.contains(name) && !value.isEmpty {
            if values[name] == nil {
                values[name] = value
            } else {
                duplicatedNames.insert(name)
            }
        }
    }

    /// The value of `name`, or nil when it is absent, empty, or sent more than once.
    subscript(name: String) -> String? {
        duplicatedNames.contains(name) ? nil : values[name]
    }

    /// Returns whether `name` has a non-empty value, even a repeated one.
    func contains(_ name: String) -> Bool {
        values[name] != nil
    }
}
