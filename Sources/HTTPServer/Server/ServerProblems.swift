/// The error responses the server itself produces, prepared once per server.
///
/// Per server rather than global because each carries the server's
/// ``ServerConfiguration/ownResponseHeaders``: built when the server starts, they cost
/// nothing per request, and serving one is the same prepared-bytes write as any other.
struct ServerProblems: Sendable {
    /// 408, when a request does not complete within the request timeout.
    let requestTimeout: PreparedResponse
    /// 503, for connections beyond the limit.
    let serviceUnavailable: PreparedResponse
    /// 501, for methods this server does not know (RFC 9110 §15.6.2) and for CONNECT: this
    /// server is not a proxy.
    let methodNotImplemented: PreparedResponse
    /// 412, when a precondition of the request is false (RFC 9110 §13.1.1, §15.5.13).
    let preconditionFailed: PreparedResponse
    /// The answers to parse errors, by kind.
    private let byKind: [ParseError.Kind: PreparedResponse]

    /// Prepares every problem, with `extraHeaders` after the problem fields.
    init(extraHeaders: HTTPFields = [:]) {
        requestTimeout = ProblemDetails(
            slug: ProblemDetails.Slug.requestTimeout, status: .requestTimeout,
            detail: "The request was not received in time."
        ).preparedResponse(headers: extraHeaders)
        var unavailableHeaders: HTTPFields = ["Retry-After": "1"]
        for field in extraHeaders { unavailableHeaders.append(field) }
        serviceUnavailable = ProblemDetails(
            slug: ProblemDetails.Slug.serviceUnavailable, status: .serviceUnavailable,
            detail: "The server has too many connections; try again shortly."
        ).preparedResponse(headers: unavailableHeaders)
        methodNotImplemented = ProblemDetails(
            slug: ProblemDetails.Slug.notImplemented, status: .notImplemented,
            detail: "This server does not implement the request method."
        ).preparedResponse(headers: extraHeaders)
        preconditionFailed = ProblemDetails(
            slug: ProblemDetails.Slug.preconditionFailed, status: .preconditionFailed,
            detail: "A precondition of the request (If-Match) is false for the current representation."
        ).preparedResponse(headers: extraHeaders)
        var table: [ParseError.Kind: PreparedResponse] = [:]
        for kind in ParseError.Kind.allCases {
            let error = ParseError(kind)
            table[kind] = ProblemDetails(
                slug: Self.slug(for: error.status), status: error.status, detail: error.detail
            )
            .preparedResponse(headers: extraHeaders)
        }
        byKind = table
    }

    /// The answer to a parse error, by kind.
    func response(for error: ParseError) -> PreparedResponse {
        // Every kind is in the table; the fallback only keeps this total.
        byKind[error.kind] ?? requestTimeout
    }

    private static func slug(for status: HTTPStatus) -> String {
        switch status.code {
        case 413: return ProblemDetails.Slug.contentTooLarge
        case 414: return ProblemDetails.Slug.uriTooLong
        case 431: return ProblemDetails.Slug.headerFieldsTooLarge
        case 501: return ProblemDetails.Slug.notImplemented
        case 505: return ProblemDetails.Slug.httpVersionNotSupported
        default: return ProblemDetails.Slug.badRequest
        }
    }
}
