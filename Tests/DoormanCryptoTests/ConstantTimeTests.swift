import DoormanCrypto
import Testing

struct ConstantTimeTests {
    @Test func equalBytesAreEqual() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(ConstantTime.equals([], []))
    }

    @Test func differentBytesAreUnequal() {
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([0, 2, 3], [1, 2, 3]))
    }

    @Test func differentLengthsAreUnequal() {
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([], [0]))
    }

    @Test func comparesStringsByUTF8Bytes() {
        #expect(ConstantTime.equals("token-é", "token-é"))
        #expect(!ConstantTime.equals("token-a", "token-b"))
        // Canonically equivalent but different bytes: a secret comparison must not treat them as equal.
        #expect(!ConstantTime.equals("\u{e9}", "e\u{301}"))
    }
}
