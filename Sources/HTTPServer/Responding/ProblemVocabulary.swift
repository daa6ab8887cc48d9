/// A problem the HTTP layer answers with itself (never seen by the responder, or handed
/// back by one as ``HTTPResponse/init(problem:headers:)``).
///
/// The cases name what went wrong, not how to say it: the words come from the
/// ``ProblemVocabulary`` in ``ServerConfiguration/problems``, so this layer stays
/// language-free and an application answers every problem in its own language.
public enum ServerProblem: Hashable, Sendable {
    /// The request could not be parsed or broke a limit: 400, 413, 414, 431, 501 or 505 by
    /// kind (``ParseError/status``).
    case malformedRequest(ParseError.Kind)
    /// The path has a `%`-escape that does not decode (to UTF-8): 400.
    case malformedPath
    /// No resource at this path: 404.
    case notFound
    /// The path is known, the method is not one of its methods: 405 (with `Allow`, set by the
    /// router).
    case methodNotAllowed
    /// A method this server does not know, or CONNECT (this is not a proxy): 501
    /// (RFC 9110 §15.6.2).
    case methodNotImplemented
    /// The request did not arrive in time: 408.
    case requestTimeout
    /// `If-Match` is false for the current representation: 412 (RFC 9110 §13.1.1).
    case preconditionFailed
    /// Beyond the connection cap: 503 (with `Retry-After`, set by the server).
    case serviceUnavailable
    /// No representation matches the request's `Accept`: 406 (reserved for content
    /// negotiation).
    case notAcceptable

    /// The status of the response that carries this problem.
    public var status: HTTPStatus {
        switch self {
        case .malformedRequest(let kind): return ParseError(kind).status
        case .malformedPath: return .badRequest
        case .notFound: return .notFound
        case .methodNotAllowed: return .methodNotAllowed
        case .methodNotImplemented: return .notImplemented
        case .requestTimeout: return .requestTimeout
        case .preconditionFailed: return .preconditionFailed
        case .serviceUnavailable: return .serviceUnavailable
        case .notAcceptable: return .notAcceptable
        }
    }

    /// Every problem, with one ``malformedRequest(_:)`` per ``ParseError/Kind``: what a
    /// vocabulary must have words for (its tests walk this list).
    public static var allCases: [ServerProblem] {
        [
            .malformedPath, .notFound, .methodNotAllowed, .methodNotImplemented, .requestTimeout,
            .preconditionFailed, .serviceUnavailable, .notAcceptable,
        ] + ParseError.Kind.allCases.map(ServerProblem.malformedRequest)
    }
}

/// The words of one problem: its type slug (appended to the vocabulary's
/// ``ProblemVocabulary/typeBase``), its title and its detail.
public struct ProblemText: Sendable, Equatable {
    /// Appended to ``ProblemVocabulary/typeBase`` to make the problem's `type` URI.
    public var slug: String
    /// A short summary of the problem type, the same for every occurrence (RFC 9457 §3.1.3).
    public var title: String
    /// What happened, for a person reading the response; empty for none.
    public var detail: String

    /// Creates the words of a problem.
    public init(slug: String, title: String, detail: String) {
        self.slug = slug
        self.title = title
        self.detail = detail
    }
}

/// Where the HTTP layer gets every word it says: the application passes one in
/// ``ServerConfiguration/problems``, and the server, its router and its static files take the
/// `type`, `title` and `detail` of every problem they answer with from it.
///
/// A closure rather than a table, so a vocabulary is total by construction: a Swift `switch`
/// over ``ServerProblem`` fails to compile when a case is missing.
public struct ProblemVocabulary: Sendable {
    /// The prefix of every problem `type` URI, e.g. `https://dossiers.example/problems/`.
    public var typeBase: String
    /// The words for one problem.
    public var text: @Sendable (ServerProblem) -> ProblemText

    /// Creates a vocabulary.
    public init(typeBase: String, text: @escaping @Sendable (ServerProblem) -> ProblemText) {
        self.typeBase = typeBase
        self.text = text
    }

    /// The problem for `problem`, with `instance` (the request path, where there is a
    /// request).
    public func details(_ problem: ServerProblem, instance: String?) -> ProblemDetails {
        let words = text(problem)
        return ProblemDetails(
            type: typeBase + words.slug, title: words.title, status: problem.status,
            detail: words.detail.isEmpty ? nil : words.detail, instance: instance)
    }

    /// The default: RFC 9457's `about:blank` (§4.2.1), whose title is the status's reason
    /// phrase, with an English detail. Only for a server built without an application
    /// vocabulary, such as the HTTP layer's own tests.
    public static let reasonPhrases = ProblemVocabulary(typeBase: "about:blank") { problem in
        ProblemText(slug: "", title: problem.status.reasonPhrase, detail: englishDetail(problem))
    }

    private static func englishDetail(_ problem: ServerProblem) -> String {
        switch problem {
        case .malformedRequest(let kind): return englishDetail(kind)
        case .malformedPath: return "The path contains an invalid percent-encoding."
        case .notFound: return "No resource at this path."
        case .methodNotAllowed: return "The resource does not support this method."
        case .methodNotImplemented: return "This server does not implement the request method."
        case .requestTimeout: return "The request was not received in time."
        case .preconditionFailed:
            return "A precondition of the request (If-Match) is false for the current representation."
        case .serviceUnavailable: return "The server has too many connections; try again shortly."
        case .notAcceptable: return "No representation matches the Accept-Encoding header field."
        }
    }

    private static func englishDetail(_ kind: ParseError.Kind) -> String {
        switch kind {
        case .invalidRequestLine: return "The request line is not 'method SP target SP version'."
        case .invalidMethod: return "The method is not a valid token."
        case .invalidTarget: return "The request target is not a valid origin-form or absolute-form target."
        case .invalidVersion: return "The protocol version is not HTTP/DIGIT.DIGIT."
        case .unsupportedVersion: return "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .targetTooLong: return "The request target is longer than this server accepts."
        case .headerSectionTooLarge: return "The header section is larger than this server accepts."
        case .tooManyHeaderFields: return "The request has more header fields than this server accepts."
        case .invalidLineEnding: return "Lines must end in CRLF."
        case .invalidFieldName: return "A header field line has an invalid name or no colon."
        case .invalidFieldValue: return "A header field value contains a control character."
        case .obsoleteLineFolding: return "Header field lines must not start with whitespace."
        case .missingHost: return "An HTTP/1.1 request must have a Host header field."
        case .multipleHosts: return "A request must have only one Host header field."
        case .invalidHost: return "The Host header field is not a valid host and optional port."
        case .invalidContentLength: return "Content-Length is not a single decimal number."
        case .contentLengthWithTransferEncoding:
            return "A request must not have both Content-Length and Transfer-Encoding."
        case .transferEncodingInHTTP10: return "HTTP/1.0 requests must not use Transfer-Encoding."
        case .unsupportedTransferCoding: return "Only the chunked transfer coding is supported."
        case .invalidTransferEncoding: return "Transfer-Encoding must end in a single chunked coding."
        case .invalidChunkSize: return "A chunk size is not a hexadecimal number."
        case .invalidChunkFraming: return "Chunk data must be followed by CRLF."
        case .invalidTrailer: return "A trailer field line is malformed."
        case .contentTooLarge: return "The request content is larger than this server accepts."
        }
    }
}
