import DoormanOAuth
import Foundation

/// Readers of model values that PostgreSQL stores in another form, such as a scope as its canonical string.
///
/// A stored value that does not decode, such as a scope token this build does not know, throws `PostgresError`
/// of kind `invalidValue` naming the column and the value, because the row was written by something else.
extension PostgresRow {
    /// Reads a canonical scope string.
    func scope(at index: Int) throws(PostgresError) -> Scope {
        let text = try string(at: index)
        do {
            return try Scope.parse(text)
        } catch {
            throw invalidValue(text, at: index)
        }
    }

    /// Reads a text column holding the raw value of `type`.
    func enumeration<Value: RawRepresentable<String>>(_ type: Value.Type, at index: Int) throws(PostgresError)
        -> Value
    {
        let text = try string(at: index)
        guard let value = Value(rawValue: text) else {
            throw invalidValue(text, at: index)
        }
        return value
    }

    /// Reads a nullable text column holding the raw value of `type`, or nil for NULL.
    func optionalEnumeration<Value: RawRepresentable<String>>(_ type: Value.Type, at index: Int)
        throws(PostgresError) -> Value?
    {
        isNull(at: index) ? nil : try enumeration(type, at: index)
    }

    /// Reads a plan's renewal period: the text `one_time` or the decimal digits of a number of days.
    func renewalPeriod(at index: Int) throws(PostgresError) -> Plan.RenewalPeriod {
        let text = try string(at: index)
        if text == PostgresStoredValue.oneTime {
            return .oneTime
        }
        guard let days = Int(text), days > 0 else {
            throw invalidValue(text, at: index)
        }
        return .days(days)
    }

    /// Reads a `jsonb` object of string values.
    func metadata(at index: Int) throws(PostgresError) -> [String: String] {
        let text = try string(at: index)
        // Most memberships carry no metadata, and "{}" needs no decoder.
        if text == PostgresStoredValue.emptyObject {
            return [:]
        }
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        } catch {
            throw invalidValue(text, at: index)
        }
    }

    private func invalidValue(_ text: String, at index: Int) -> PostgresError {
        PostgresError(
            kind: .invalidValue, message: "invalid value \(String(reflecting: text)) in column \(columnNames[index])")
    }
}

/// Model values in their stored form.
enum PostgresStoredValue {
    /// `Plan.RenewalPeriod.oneTime`.
    static let oneTime = "one_time"
    /// Metadata without entries.
    static let emptyObject = "{}"

    /// Returns a renewal period as the text `one_time` or the decimal digits of the number of days.
    static func renewalPeriod(_ period: Plan.RenewalPeriod) -> String {
        switch period {
        case .oneTime: oneTime
        case .days(let days): String(days)
        }
    }

    /// Returns metadata as a JSON object.
    static func metadata(_ metadata: [String: String]) throws(StoreError) -> String {
        guard !metadata.isEmpty else {
            return emptyObject
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(metadata), as: UTF8.self)
        } catch {
            throw .failure("failed to encode membership metadata as JSON: \(error)")
        }
    }
}
