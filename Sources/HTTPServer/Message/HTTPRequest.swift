/// A complete request as received: head plus (de-chunked) content.
///
/// The target is kept raw: `path` and `query` are split from it but not percent-decoded,
/// so each consumer decodes exactly the part it interprets (RFC 3986 §2.4).
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request target exactly as sent (RFC 9112 §3.2).
    public var target: String
    /// The path of the target, still percent-encoded. For an absolute-form target this is
    /// the path after the authority (RFC 9112 §3.2.2), `*` for a server-wide OPTIONS.
    public var path: String
    /// The query without its `?`, raw; `nil` when the target has no `?`.
    public var query: String?
    /// The protocol version of the request line.
    public var version: HTTPVersion
    /// The header fields, in order.
    public var headers: HTTPFields
    /// The content, after removing any chunked transfer coding (RFC 9112 §7.1).
    public var body: [UInt8]

    /// Creates a request; `path` and `query` are derived from `target` the way the parser
    /// does it.
    public init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPFields = [:],
        body: [UInt8] = []
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        if let parsed = RequestTarget.parse(target, method: method) {
            path = parsed.path
            query = parsed.query
        } else {
            path = target
            query = nil
        }
    }

    /// Creates a request from parts the parser has already split.
    init(
        method: HTTPMethod, target: String, path: String, query: String?, version: HTTPVersion,
        headers: HTTPFields, body: [UInt8]
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// Whether the client wants the connection kept open after the response: HTTP/1.1
    /// unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`
    /// (RFC 9112 §9.3).
    public var wantsKeepAlive: Bool {
        if version.major == 1, version.minor >= 1 {
            return !headers.containsToken("close", inField: "Connection")
        }
        return headers.containsToken("keep-alive", inField: "Connection")
            && !headers.containsToken("close", inField: "Connection")
    }
}
