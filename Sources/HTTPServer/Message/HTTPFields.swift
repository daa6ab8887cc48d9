/// An ordered list of header (or trailer) fields (RFC 9110 §5).
///
/// Order is kept because it matters for repeated fields (RFC 9110 §5.3); names are compared
/// case-insensitively (RFC 9110 §5.1) but stored as given, so a response's fields go out in
/// the spelling its author chose.
public struct HTTPFields: Sendable, Sequence, Equatable, ExpressibleByDictionaryLiteral {
    /// One field line: a name and its value (without surrounding whitespace).
    public struct Field: Sendable, Equatable {
        /// The field name, e.g. `Content-Type`.
        public var name: String
        /// The field value, e.g. `application/json`.
        public var value: String

        /// Creates a field line.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    /// Creates an empty list.
    public init() {
        fields = []
    }

    /// Creates a list from fields, in order.
    public init(_ fields: [Field]) {
        self.fields = fields
    }

    /// Creates a list from `name: value` pairs, in order (duplicates are kept).
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The number of field lines.
    public var count: Int { fields.count }

    /// Whether there are no field lines.
    public var isEmpty: Bool { fields.isEmpty }

    /// Iterates the field lines in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// The first value of the field with this name (case-insensitive), or `nil`.
    ///
    /// Setting a value replaces every line with that name by one line; setting `nil` removes
    /// them all.
    public subscript(name: String) -> String? {
        get {
            for field in fields where ASCII.equalsIgnoringCase(field.name, name) {
                return field.value
            }
            return nil
        }
        set {
            if let newValue {
                if let index = fields.firstIndex(where: { ASCII.equalsIgnoringCase($0.name, name) }) {
                    fields[index].value = newValue
                    var next = index + 1
                    while next < fields.count {
                        if ASCII.equalsIgnoringCase(fields[next].name, name) {
                            fields.remove(at: next)
                        } else {
                            next += 1
                        }
                    }
                } else {
                    fields.append(Field(name: name, value: newValue))
                }
            } else {
                remove(name: name)
            }
        }
    }

    /// Every value of the field with this name, in order.
    public func values(for name: String) -> [String] {
        fields.compactMap { ASCII.equalsIgnoringCase($0.name, name) ? $0.value : nil }
    }

    /// Whether a field with this name is present.
    public func contains(_ name: String) -> Bool {
        fields.contains { ASCII.equalsIgnoringCase($0.name, name) }
    }

    /// Appends a field line, keeping any existing lines with the same name.
    public mutating func append(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Appends a field line.
    public mutating func append(_ field: Field) {
        fields.append(field)
    }

    /// Removes every line with this name.
    public mutating func remove(name: String) {
        fields.removeAll { ASCII.equalsIgnoringCase($0.name, name) }
    }

    /// Whether any value of the named field, read as a comma-separated list of tokens
    /// (RFC 9110 §5.6.1), contains `token` (case-insensitive), e.g. `Connection: close`.
    public func containsToken(_ token: String, inField name: String) -> Bool {
        for field in fields where ASCII.equalsIgnoringCase(field.name, name) {
            if ASCII.list(field.value.utf8, containsToken: token.utf8) { return true }
        }
        return false
    }

    /// The fields as an array, in order.
    var elements: [Field] { fields }

    /// Whether `self` begins with exactly the lines of `prefix` (same names and values).
    func hasPrefix(_ prefix: HTTPFields) -> Bool {
        prefix.fields.count <= fields.count && zip(prefix.fields, fields).allSatisfy { $0 == $1 }
    }

    /// The lines after the first `count`.
    func dropping(first count: Int) -> HTTPFields {
        HTTPFields(Array(fields.dropFirst(count)))
    }
}
