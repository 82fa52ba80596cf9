import Testing

import DoormanHTTP

@Suite struct JSONValueTests {
    @Test func buildsValuesFromLiterals() {
        let value: JSONValue = ["s": "text", "i": 3600, "d": 2.5, "b": true, "n": nil, "a": [1, "x"]]
        #expect(value["s"] == .string("text"))
        #expect(value["i"] == .number(JSONNumber(3600)))
        #expect(value["d"] == .number(JSONNumber(text: "2.5")!))
        #expect(value["b"] == .bool(true))
        #expect(value["n"] == .null)
        #expect(value["a"] == .array([.number(1), .string("x")]))
    }

    @Test func keepsLiteralMemberOrder() {
        let value: JSONValue = ["access_token": "t", "token_type": "Bearer", "expires_in": 3600]
        #expect(value.objectValue?.keys == ["access_token", "token_type", "expires_in"])
    }

    @Test func readsAccessors() {
        let value: JSONValue = ["name": "doorman", "count": 7, "ratio": 0.5, "on": false, "items": [1, 2]]
        #expect(value["name"]?.stringValue == "doorman")
        #expect(value["count"]?.intValue == 7)
        #expect(value["count"]?.doubleValue == 7)
        #expect(value["ratio"]?.doubleValue == 0.5)
        #expect(value["ratio"]?.intValue == nil)
        #expect(value["on"]?.boolValue == false)
        #expect(value["items"]?.arrayValue?.count == 2)
        #expect(value["items"]?[1] == 2)
        #expect(value["items"]?[2] == nil)
        #expect(value["items"]?[-1] == nil)
        #expect(value["missing"] == nil)
        #expect(value.objectValue?.count == 5)
    }

    @Test func accessorsReturnNilForOtherKinds() {
        let value: JSONValue = "text"
        #expect(value.intValue == nil)
        #expect(value.boolValue == nil)
        #expect(value.arrayValue == nil)
        #expect(value.objectValue == nil)
        #expect(value["key"] == nil)
        #expect(value[0] == nil)
        #expect(!value.isNull)
        #expect(JSONValue.null.isNull)
        #expect(JSONValue.number(1).stringValue == nil)
    }

    @Test func editsObjectMembers() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 10
        object["c"] = 3
        object["b"] = nil
        object["missing"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["a"] == 10)
        #expect(object["c"] == 3)
        #expect(object.count == 2)
        #expect(!object.isEmpty)
        #expect(JSONObject().isEmpty)
    }

    @Test func comparesObjectsWithOrder() {
        let first: JSONObject = ["a": 1, "b": 2]
        let second: JSONObject = ["b": 2, "a": 1]
        #expect(first != second)
        #expect(first == ["a": 1, "b": 2])
    }

    @Test func readsIntegerNumbers() {
        #expect(JSONNumber(text: "3600")?.intValue == 3600)
        #expect(JSONNumber(text: "-2")?.intValue == -2)
        #expect(JSONNumber(text: "9223372036854775807")?.intValue == Int.max)
        #expect(JSONNumber(text: "9223372036854775808")?.intValue == nil)
        #expect(JSONNumber(text: "1.0")?.intValue == nil)
        #expect(JSONNumber(text: "1e3")?.intValue == nil)
    }

    @Test func createsNumbersFromDoubles() {
        // Variables select the failable initializer, because Swift turns JSONNumber(0.1) into a literal.
        let tenth = 0.1
        let one = 1.0
        let negativeZero = -0.0
        #expect(JSONNumber(tenth)?.text == "0.1")
        #expect(JSONNumber(one)?.text == "1.0")
        #expect(JSONNumber(negativeZero)?.text == "-0.0")
        #expect(JSONNumber(0.25).text == "0.25")
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double.infinity) == nil)
        #expect(JSONNumber(-Double.infinity) == nil)
    }

    @Test func doubleTextsAreValidJSON() throws {
        let samples: [Double] = [
            1e-5, 1e16, 1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -123.456, 0.1 + 0.2,
        ]
        for sample in samples {
            let number = try #require(JSONNumber(sample))
            #expect(JSONNumber(text: number.text) != nil, "\(number.text) is not a JSON number")
            #expect(number.doubleValue == sample)
        }
    }

    @Test func createsNumbersFromIntegers() {
        #expect(JSONNumber(Int64.min).text == "-9223372036854775808")
        #expect(JSONNumber(UInt64.max).text == "18446744073709551615")
        #expect(JSONNumber(0).text == "0")
    }

    static let invalidNumberTexts = [
        "", "-", "01", "1.", ".1", "+1", "1e", "NaN", "Infinity", " 1", "1 ", "0x1", "1_000",
    ]

    @Test(arguments: invalidNumberTexts)
    func rejectsInvalidNumberText(text: String) {
        #expect(JSONNumber(text: text) == nil)
    }

    @Test func comparesNumbersByText() {
        #expect(JSONNumber(text: "1") != JSONNumber(text: "1.0"))
        #expect(JSONNumber(text: "1") == JSONNumber(1))
    }
}

@Suite struct JSONValueEqualityTests {
    @Test func comparesStringsByExactBytes() {
        let semicolon: JSONValue = "a;b"
        let greekQuestionMark: JSONValue = "a\u{37E}b"
        #expect(semicolon != greekQuestionMark)
        #expect(JSONValue.string("caf\u{E9}") != JSONValue.string("cafe\u{301}"))
        #expect(JSONValue.string("café") == JSONValue.string("café"))
    }

    @Test func comparesKeysByExactBytes() {
        let plain: JSONValue = ["K": 1]
        let kelvin: JSONValue = ["\u{212A}": 1]
        #expect(plain != kelvin)
    }

    @Test func comparesDifferentKinds() {
        #expect(JSONValue.null != JSONValue.bool(false))
        #expect(JSONValue.string("1") != JSONValue.number(1))
        #expect(JSONValue.array([]) != JSONValue.object([:]))
    }

    @Test func distinguishesNullMemberFromMissing() {
        let object: JSONObject = ["a": nil]
        #expect(object.contains("a"))
        #expect(object["a"] == JSONValue.null)
        #expect(!object.contains("b"))
        #expect(object["b"] == nil)
    }

    @Test func rejectsRepeatedLiteralKey() async {
        await #expect(processExitsWith: .failure) {
            let key = "a"
            let object: JSONObject = [key: 1, "a": 2]
            _ = object
        }
    }
}
