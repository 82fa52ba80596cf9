import Foundation

extension KeyedDecodingContainer {
    /// Decodes a time sent as Unix seconds, an integer or a fraction, whatever the decoder's date strategy is.
    func decodeUnixTime(forKey key: Key) throws -> Date {
        Date(timeIntervalSince1970: try decode(Double.self, forKey: key))
    }

    /// Decodes a time sent as Unix seconds, or nil when the key is absent or `null`.
    func decodeUnixTimeIfPresent(forKey key: Key) throws -> Date? {
        try decodeIfPresent(Double.self, forKey: key).map { Date(timeIntervalSince1970: $0) }
    }

    /// Decodes a URL sent as a string, or nil when the key is absent, `null`, or not a parseable URL, because
    /// a broken picture or link should not make the whole response unreadable.
    func decodeLenientURL(forKey key: Key) throws -> URL? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else {
            return nil
        }
        return URL(string: text)
    }
}

extension KeyedEncodingContainer {
    /// Encodes a time as Unix seconds, whole seconds as an integer.
    mutating func encodeUnixTime(_ date: Date?, forKey key: Key) throws {
        guard let date else {
            return
        }

        let seconds = date.timeIntervalSince1970
        if seconds == seconds.rounded(), let whole = Int64(exactly: seconds) {
            try encode(whole, forKey: key)
        } else {
            try encode(seconds, forKey: key)
        }
    }
}
