import DoormanHTTP
import Testing

@Suite("HTTP headers")
struct HTTPHeadersTests {
    @Test func looksUpNamesIgnoringCase() {
        let headers: HTTPHeaders = ["Content-Type": "application/json", "X-Many": "1", "x-many": "2"]
        #expect(headers["content-type"] == "application/json")
        #expect(headers["CONTENT-TYPE"] == "application/json")
        #expect(headers.values(for: "X-MANY") == ["1", "2"])
        #expect(headers["Content-Typ"] == nil)
        #expect(headers["Content-Types"] == nil)
    }

    @Test func replacesAndRemoves() {
        var headers: HTTPHeaders = ["A": "1", "a": "2", "B": "3"]
        headers.replaceOrAdd(name: "A", value: "4")
        #expect(headers.values(for: "a") == ["4"])
        headers.remove(name: "b")
        #expect(!headers.contains("B"))
        #expect(headers.count == 1)
    }
}
