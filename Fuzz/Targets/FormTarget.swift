import DoormanHTTP

extension FuzzTarget {
    /// Largest number of pairs whose lookups are cross-checked, because each check scans every pair.
    static let crossCheckedPairs = 64

    /// `URLEncodedForm.parse`, the parser of query strings and form bodies.
    ///
    /// Checks that a parsed form serializes to text that parses back to the same pairs, that the byte and string
    /// entry points agree, that no name is empty, and that the lookups agree with the pairs.
    static let form = FuzzTarget(name: "form") { bytes in
        let parsed: URLEncodedForm
        do throws(HTTPParseError) {
            parsed = try URLEncodedForm.parse(bytes)
        } catch {
            checkOffset(of: error, within: bytes.count)
            return
        }

        let text = parsed.serialized()
        check((try? URLEncodedForm.parse(text)) == parsed, "serialized form \(excerpt(text)) parses to other pairs")
        if let string = String(validating: bytes, as: UTF8.self) {
            check((try? URLEncodedForm.parse(string)) == parsed, "string and byte parsing disagree")
        }
        check(parsed.pairs.allSatisfy { !$0.name.isEmpty }, "a parsed pair has an empty name")
        checkLookups(parsed)
    }

    private static func checkLookups(_ form: URLEncodedForm) {
        for pair in form.pairs.prefix(crossCheckedPairs) {
            let values = form.values(pair.name)
            check(form.contains(pair.name), "contains(\(excerpt(pair.name))) is false for a parsed name")
            check(values.first == form.value(pair.name), "value(_:) is not the first of values(_:)")
            check(form.isRepeated(pair.name) == (values.count > 1), "isRepeated disagrees with values(_:)")
        }
        let duplicates = form.duplicateNames()
        for name in duplicates.prefix(crossCheckedPairs) {
            check(form.isRepeated(name), "duplicateNames() lists \(excerpt(name)), which is not repeated")
        }
    }
}

/// Checks that an error's byte offset lies inside the input, because messages report it to the client.
func checkOffset(of error: HTTPParseError, within count: Int) {
    switch error {
    case .invalidPercentEncoding(let offset), .invalidUTF8(let offset), .emptyParameterName(let offset),
        .invalidJSON(let offset, _), .duplicateJSONKey(_, let offset), .jsonNestingTooDeep(_, let offset):
        check((0...count).contains(offset), "error offset \(offset) is outside an input of \(count) bytes")
    default:
        break
    }
}
