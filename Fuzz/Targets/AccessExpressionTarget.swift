import DoormanOAuth

extension FuzzTarget {
    /// `AccessExpression.parse`, the parser of the `/check/{access_expression}` path segment.
    ///
    /// Checks the result against the identifier grammar written out here, and that the error message, which the
    /// endpoint sends back, stays under `maximumMessageBytes` whatever the input.
    static let accessExpression = FuzzTarget(name: "access-expression") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let expected = expectedExpression(Array(text.utf8))
        do throws(AccessExpressionError) {
            let expression = try AccessExpression.parse(text)
            check(expression == expected, "\(excerpt(text)) parses as \(expression)")
            switch expression {
            case .product(let id), .webApp(let id):
                check(id.utf8.elementsEqual(text.utf8), "the parsed identifier differs from the input")
            }
        } catch {
            check(expected == nil, "\(excerpt(text)) is rejected although it is a valid identifier")
            check(error.description.utf8.count < maximumMessageBytes, "the error message grows with the input")
        }
    }

    /// Bound on an error message or a logged cause that echoes request text. The echo is capped at 200 Unicode
    /// scalars at most, each escaped to 10 bytes at most (`\u{10FFFF}`), so 2,000 bytes plus the fixed text.
    static let maximumMessageBytes = 2600

    /// Returns the expression that `bytes` spell under the grammar `(prod|exp)_[A-Za-z0-9_-]{1,64}`, or nil.
    private static func expectedExpression(_ bytes: [UInt8]) -> AccessExpression? {
        let text = String(decoding: bytes, as: UTF8.self)
        for (prefix, make) in [("prod_", AccessExpression.product), ("exp_", AccessExpression.webApp)] {
            guard bytes.starts(with: prefix.utf8) else {
                continue
            }
            let suffix = bytes.dropFirst(prefix.utf8.count)
            let isValid =
                (1...Identifier.maximumSuffixLength).contains(suffix.count)
                && suffix.allSatisfy { isTokenLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
            return isValid ? make(text) : nil
        }
        return nil
    }

    private static func isTokenLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
