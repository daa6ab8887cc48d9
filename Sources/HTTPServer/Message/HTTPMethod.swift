/// A request method token (RFC 9110 §9).
///
/// Methods are case-sensitive (RFC 9110 §9.1): `get` is not `GET`. Any token is a valid
/// method on the wire; `isStandard` tells whether it is one this server knows, and an unknown
/// one is answered 501 (RFC 9110 §15.6.2).
public struct HTTPMethod: Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as sent, e.g. `"GET"`.
    public let rawValue: String

    /// Creates a method from its token. The token is not validated here: the parser only
    /// produces valid tokens.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `GET` (RFC 9110 §9.3.1).
    public static let get = HTTPMethod(rawValue: "GET")
    /// `HEAD` (RFC 9110 §9.3.2): the same head as `GET`, without content.
    public static let head = HTTPMethod(rawValue: "HEAD")
    /// `POST` (RFC 9110 §9.3.3).
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT` (RFC 9110 §9.3.4).
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `DELETE` (RFC 9110 §9.3.5).
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `CONNECT` (RFC 9110 §9.3.6); this server is not a proxy and answers it 501.
    public static let connect = HTTPMethod(rawValue: "CONNECT")
    /// `OPTIONS` (RFC 9110 §9.3.7).
    public static let options = HTTPMethod(rawValue: "OPTIONS")
    /// `TRACE` (RFC 9110 §9.3.8).
    public static let trace = HTTPMethod(rawValue: "TRACE")
    /// `PATCH` (RFC 5789).
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `QUERY` (IETF httpbis "The HTTP QUERY Method"): safe, with content. Recognised so that
    /// a known path answers it 405 with `Allow`, like any other method a resource lacks.
    public static let query = HTTPMethod(rawValue: "QUERY")

    /// The methods this server recognises; any other token is answered 501.
    public static let standardMethods: [HTTPMethod] = [
        .get, .head, .post, .put, .delete, .connect, .options, .trace, .patch, .query,
    ]

    /// Whether this is one of `standardMethods`.
    public var isStandard: Bool {
        HTTPMethod.standardMethods.contains(self)
    }

    /// The method token.
    public var description: String { rawValue }

    /// The conventional order of methods in an `Allow` field: the common ones first, so the
    /// field reads the same whatever order routes were registered in.
    static func allowOrder(_ method: HTTPMethod) -> Int {
        HTTPMethod.standardMethods.firstIndex(of: method) ?? HTTPMethod.standardMethods.count
    }

    /// Maps the bytes of a method token to a value, reusing the static constants (and
    /// their immortal strings) for the standard methods so the hot path allocates nothing.
    static func fromToken(_ token: UnsafeRawBufferPointer) -> HTTPMethod {
        switch token.count {
        case 3:
            if token.elementsEqual("GET".utf8) { return .get }
            if token.elementsEqual("PUT".utf8) { return .put }
        case 4:
            if token.elementsEqual("HEAD".utf8) { return .head }
            if token.elementsEqual("POST".utf8) { return .post }
        case 5:
            if token.elementsEqual("PATCH".utf8) { return .patch }
            if token.elementsEqual("TRACE".utf8) { return .trace }
            if token.elementsEqual("QUERY".utf8) { return .query }
        case 6:
            if token.elementsEqual("DELETE".utf8) { return .delete }
        case 7:
            if token.elementsEqual("OPTIONS".utf8) { return .options }
            if token.elementsEqual("CONNECT".utf8) { return .connect }
        default:
            break
        }
        return HTTPMethod(rawValue: String(decoding: token, as: UTF8.self))
    }
}
