import DoormanOAuth
import Foundation

/// Conversions between model values and columns that SQLite cannot hold as they are.
///
/// A stored value that does not decode, such as a scope token this build does not know, throws
/// `StoreError.failure` naming the column and the value, because the row was written by something else.
extension SQLiteStatement {
    /// Reads an INTEGER 0 or 1 column as a Boolean.
    func bool(at index: Int32) -> Bool {
        int64(at: index) != 0
    }

    /// Reads a canonical scope string.
    func scope(at index: Int32) throws(StoreError) -> Scope {
        let text = string(at: index)
        do {
            return try Scope.parse(text)
        } catch {
            throw invalidValue(text, at: index)
        }
    }

    /// Reads a text column holding the raw value of `type`.
    func enumeration<Value: RawRepresentable<String>>(_ type: Value.Type, at index: Int32) throws(StoreError)
        -> Value
    {
        let text = string(at: index)
        guard let value = Value(rawValue: text) else {
            throw invalidValue(text, at: index)
        }
        return value
    }

    /// Reads a nullable text column holding the raw value of `type`, or nil for NULL.
    func optionalEnumeration<Value: RawRepresentable<String>>(_ type: Value.Type, at index: Int32)
        throws(StoreError) -> Value?
    {
        isNull(at: index) ? nil : try enumeration(type, at: index)
    }

    /// Reads a plan's renewal period: the text `one_time` or an INTEGER number of days.
    func renewalPeriod(at index: Int32) throws(StoreError) -> Plan.RenewalPeriod {
        if case .integer(let days) = value(at: index) {
            return .days(Int(days))
        }

        let text = string(at: index)
        guard text == StoredValue.oneTime else {
            throw invalidValue(text, at: index)
        }
        return .oneTime
    }

    /// Reads a JSON object of string values.
    func metadata(at index: Int32) throws(StoreError) -> [String: String] {
        let text = string(at: index)
        // Most memberships carry no metadata, and "{}" needs no decoder.
        if text == StoredValue.emptyObject {
            return [:]
        }
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        } catch {
            throw invalidValue(text, at: index)
        }
    }

    private func invalidValue(_ text: String, at index: Int32) -> StoreError {
        .failure("invalid value \(String(reflecting: text)) in column \(columnName(at: index)) of \"\(sql)\"")
    }
}

/// Model values in their stored form.
enum StoredValue {
    /// `Plan.RenewalPeriod.oneTime`.
    static let oneTime = "one_time"
    /// Metadata without entries.
    static let emptyObject = "{}"

    /// Returns a Boolean as INTEGER 0 or 1.
    static func bool(_ value: Bool) -> SQLiteValue {
        .integer(value ? 1 : 0)
    }

    /// Returns a renewal period as the text `one_time` or an INTEGER number of days.
    static func renewalPeriod(_ period: Plan.RenewalPeriod) -> SQLiteValue {
        switch period {
        case .oneTime: .text(oneTime)
        case .days(let days): SQLiteValue(days)
        }
    }

    /// Returns metadata as a JSON object with sorted keys, so equal metadata is stored as equal text.
    static func metadata(_ metadata: [String: String]) throws(StoreError) -> SQLiteValue {
        guard !metadata.isEmpty else {
            return .text(emptyObject)
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return .text(String(decoding: try encoder.encode(metadata), as: UTF8.self))
        } catch {
            throw .failure("failed to encode membership metadata as JSON: \(error)")
        }
    }
}
