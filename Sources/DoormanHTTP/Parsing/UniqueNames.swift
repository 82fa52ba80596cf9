/// Compares strings by their exact UTF-8 bytes.
///
/// Swift's `==` on `String` treats canonically equivalent text as equal, so `"\u{212A}" == "K"` (KELVIN SIGN)
/// is true. Parameter names and JSON keys must instead match byte for byte, or a client could send one
/// parameter twice under two spellings.
func isExactlyEqual(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.count == rhs.utf8.count && lhs.utf8.elementsEqual(rhs.utf8)
}

/// String whose equality and hash use its exact UTF-8 bytes, for sets of names.
struct ExactString: Hashable {
    let string: String

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        isExactlyEqual(lhs.string, rhs.string)
    }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Set of names compared by exact UTF-8 bytes, which scans an array while small and hashes once larger.
///
/// Most requests carry a handful of names, where a scan beats hashing. The switch to a hash set keeps a request with
/// thousands of names linear rather than quadratic.
struct UniqueNameSet {
    private static let hashingThreshold = 16

    private var smallNames: [String] = []
    private var hashedNames: Set<ExactString> = []

    /// Inserts the name and returns false when the set already contained it.
    mutating func insert(_ name: String) -> Bool {
        guard hashedNames.isEmpty else {
            return hashedNames.insert(ExactString(string: name)).inserted
        }

        if smallNames.contains(where: { isExactlyEqual($0, name) }) {
            return false
        }
        smallNames.append(name)

        if smallNames.count > Self.hashingThreshold {
            hashedNames = Set(smallNames.map(ExactString.init))
            smallNames = []
        }
        return true
    }
}
