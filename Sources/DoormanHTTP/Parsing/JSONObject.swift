/// JSON object whose members keep their order and have unique keys.
///
/// Keys compare by exact UTF-8 bytes, without Unicode normalization. Lookups scan the members, which suits the
/// small objects of HTTP APIs. Two objects are equal when they have equal members in the same order, where
/// member keys and string values compare by exact UTF-8 bytes.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// One key and its value.
    public struct Member: Sendable, Equatable {
        public let key: String
        public var value: JSONValue

        /// Creates a member.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }

        /// Returns whether the keys have the same UTF-8 bytes and the values are equal.
        public static func == (lhs: Member, rhs: Member) -> Bool {
            isExactlyEqual(lhs.key, rhs.key) && lhs.value == rhs.value
        }
    }

    /// Members in insertion or input order.
    public private(set) var members: [Member]

    /// Creates an empty object.
    public init() {
        self.members = []
    }

    /// Creates an object from members whose keys the caller has checked to be unique.
    init(uniqueMembers: [Member]) {
        self.members = uniqueMembers
    }

    /// Creates an object with the members in literal order. Repeating a key is a programmer error.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.members = []
        for (key, value) in elements {
            precondition(!contains(key), "JSON object literal repeats the key \(key)")
            members.append(Member(key: key, value: value))
        }
    }

    /// Returns whether the object has a member with this key, even one whose value is `null`.
    public func contains(_ key: String) -> Bool {
        members.contains { isExactlyEqual($0.key, key) }
    }

    /// Number of members.
    public var count: Int {
        members.count
    }

    /// Whether the object has no members.
    public var isEmpty: Bool {
        members.isEmpty
    }

    /// Keys in member order.
    public var keys: [String] {
        members.map(\.key)
    }

    /// Value of the member with this key.
    ///
    /// Setting a value replaces the member's value in place or appends a new member at the end. Setting nil removes
    /// the member.
    public subscript(key: String) -> JSONValue? {
        get {
            members.first { isExactlyEqual($0.key, key) }?.value
        }
        set {
            let position = members.firstIndex { isExactlyEqual($0.key, key) }
            switch (position, newValue) {
            case (let position?, let value?): members[position].value = value
            case (let position?, nil): members.remove(at: position)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }
}
