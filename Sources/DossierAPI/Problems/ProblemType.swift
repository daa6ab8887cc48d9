import HTTPServer

/// Every problem type the product answers with, the API's and the HTTP layer's alike: its slug
/// (the end of its `type` URI), status and Dutch title.
///
/// The slugs are the contract (`openapi.yaml` lists them, a test compares both ways); a client
/// switches on `type`, never on the words.
enum ProblemType: String, CaseIterable, Sendable {
    /// 400: the request is malformed (framing, a header, a `%`-escape in the path).
    case badRequest = "bad-request"
    /// 400: a path parameter does not have its shape (a crebo that is not five digits, ...).
    case invalidParameter = "invalid-parameter"
    /// 400: a query parameter is missing, malformed or out of range.
    case invalidQuery = "invalid-query"
    /// 404: no resource at this path (an unknown crebo or code, an unknown path).
    case notFound = "not-found"
    /// 405: the resource exists, the method is not one it supports (with `Allow`).
    case methodNotAllowed = "method-not-allowed"
    /// 406: no representation in a media type the request accepts.
    case notAcceptable = "not-acceptable"
    /// 408: the request did not arrive in time.
    case requestTimeout = "request-timeout"
    /// 412: a precondition (`If-Match`) is false.
    case preconditionFailed = "precondition-failed"
    /// 413: the content is larger than the server accepts.
    case contentTooLarge = "content-too-large"
    /// 414: the target is longer than the server accepts.
    case uriTooLong = "uri-too-long"
    /// 431: the header section is larger than the server accepts.
    case headerFieldsTooLarge = "header-fields-too-large"
    /// 501: the method or transfer coding is not implemented.
    case notImplemented = "not-implemented"
    /// 503: the server cannot take the request now (too many connections).
    case serviceUnavailable = "service-unavailable"
    /// 505: the protocol version is not supported.
    case httpVersionNotSupported = "http-version-not-supported"

    /// The prefix of every problem type URI: an identifier, not meant to be fetched.
    static let typeBase = "https://dossiers.example/problems/"

    /// The type URI.
    var uri: String { Self.typeBase + rawValue }

    /// The status of every response of this type.
    var status: HTTPStatus {
        switch self {
        case .badRequest, .invalidParameter, .invalidQuery: .badRequest
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .notAcceptable: .notAcceptable
        case .requestTimeout: .requestTimeout
        case .preconditionFailed: .preconditionFailed
        case .contentTooLarge: .contentTooLarge
        case .uriTooLong: .uriTooLong
        case .headerFieldsTooLarge: .requestHeaderFieldsTooLarge
        case .notImplemented: .notImplemented
        case .serviceUnavailable: .serviceUnavailable
        case .httpVersionNotSupported: .httpVersionNotSupported
        }
    }

    /// The Dutch title: the same for every occurrence of the type (RFC 9457 §3.1.3).
    var title: String {
        switch self {
        case .badRequest: "Ongeldig verzoek"
        case .invalidParameter: "Ongeldige parameter in het pad"
        case .invalidQuery: "Ongeldige zoekopdracht"
        case .notFound: "Niet gevonden"
        case .methodNotAllowed: "Methode niet toegestaan"
        case .notAcceptable: "Geen passende representatie"
        case .requestTimeout: "Verzoek niet op tijd"
        case .preconditionFailed: "Voorwaarde niet vervuld"
        case .contentTooLarge: "Inhoud te groot"
        case .uriTooLong: "Adres te lang"
        case .headerFieldsTooLarge: "Headervelden te groot"
        case .notImplemented: "Niet ondersteund"
        case .serviceUnavailable: "Tijdelijk niet beschikbaar"
        case .httpVersionNotSupported: "HTTP-versie niet ondersteund"
        }
    }
}
