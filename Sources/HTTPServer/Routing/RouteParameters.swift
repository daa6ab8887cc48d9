/// The values a route's `{name}` segments captured, percent-decoded.
public struct RouteParameters: Sendable, Equatable {
    private var values: [(name: String, value: String)]

    /// Creates parameters from name-value pairs, in path order.
    public init(_ values: [(name: String, value: String)] = []) {
        self.values = values
    }

    /// The value captured for `name`, or `nil` if the route has no such parameter.
    public subscript(name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    /// The number of captured parameters.
    public var count: Int { values.count }

    /// Equal when the same names captured the same values in the same order.
    public static func == (lhs: RouteParameters, rhs: RouteParameters) -> Bool {
        lhs.values.count == rhs.values.count
            && zip(lhs.values, rhs.values).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    mutating func append(name: String, value: String) {
        values.append((name, value))
    }

    mutating func removeLast() {
        values.removeLast()
    }
}
