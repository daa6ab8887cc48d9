/// A JSON value whose objects keep their members in the order they were written.
///
/// The API renders every resource through this type rather than `JSONEncoder` so that key
/// order is fixed by the code (identifiers first, `links` last) and the bytes — and with them
/// the ETags — are identical on every replica and every restart.
public enum JSONValue: Sendable, Equatable {
    /// `null`: what the source does not say.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number (search scores).
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object with ordered members.
    case object(JSONObject)

    /// A string, or `null` when absent.
    public static func string(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// An integer, or `null` when absent.
    public static func int(_ value: Int?) -> JSONValue {
        value.map(JSONValue.int) ?? .null
    }

    /// A boolean, or `null` when absent.
    public static func bool(_ value: Bool?) -> JSONValue {
        value.map(JSONValue.bool) ?? .null
    }

    /// An array of strings.
    public static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    /// An array of strings, or `null` when the source does not give the list (which is not
    /// the same as an empty one).
    public static func strings(_ values: [String]?) -> JSONValue {
        values.map { strings($0) } ?? .null
    }

    /// An array of the elements rendered by `transform`, or `null` when the source does not
    /// give the list.
    public static func array<Element>(_ values: [Element]?, _ transform: (Element) -> JSONValue) -> JSONValue
    {
        values.map { .array($0.map(transform)) } ?? .null
    }
}

/// A JSON object: members in insertion order. Written as a dictionary literal, it keeps the
/// literal's order.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// One member of an object.
    public struct Member: Sendable, Equatable {
        /// The member's key.
        public var key: String
        /// The member's value.
        public var value: JSONValue
    }

    /// The members, in order.
    public private(set) var members: [Member]

    /// Creates an object from `key: value` pairs, keeping their order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    /// Appends a member (keys are expected to be unique; the writer does not check).
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }
}
