import HTTPServer

/// One instance of a rendered row of ``ResourceTable``: the values of its path parameters and
/// how to build its body, which runs once, when the resource is first asked for.
struct Document: Sendable {
    /// The values of the row's path parameters, in template order.
    let values: [String]
    /// Fields of this instance beyond the row's (`Content-Location` of a second address).
    let headers: HTTPFields
    /// Builds the body.
    let render: @Sendable () -> [UInt8]

    /// A JSON document; `contentLocation` is given when this instance is a second address of
    /// a resource that lives at another path (RFC 9110 §8.7).
    init(
        _ values: [String] = [], contentLocation: String? = nil,
        json: @escaping @Sendable () -> JSONValue
    ) {
        self.values = values
        var headers: HTTPFields = [:]
        if let contentLocation { headers.append(name: "Content-Location", value: contentLocation) }
        self.headers = headers
        self.render = { JSONWriter.bytes(json()) }
    }

    /// A document of other bytes (a CSV export), with fields of its own
    /// (`Content-Disposition`).
    init(_ values: [String], headers: HTTPFields, bytes: @escaping @Sendable () -> [UInt8]) {
        self.values = values
        self.headers = headers
        self.render = bytes
    }
}
