/// The error responses the server itself produces, prepared once.
enum ServerProblems {
    /// The answer to a parse error, by kind.
    static func response(for error: ParseError) -> PreparedResponse {
        byKind[error.kind] ?? byKind[.invalidRequestLine] ?? requestTimeout
    }

    /// 408, when a request does not complete within the request timeout.
    static let requestTimeout = ProblemDetails(
        slug: ProblemDetails.Slug.requestTimeout, status: .requestTimeout,
        detail: "The request was not received in time."
    ).preparedResponse()

    /// 503, for connections beyond the limit.
    static let serviceUnavailable = ProblemDetails(
        slug: ProblemDetails.Slug.serviceUnavailable, status: .serviceUnavailable,
        detail: "The server has too many connections; try again shortly."
    ).preparedResponse(headers: ["Retry-After": "1"])

    /// 501, for methods this server does not know (RFC 9110 §15.6.2) and for CONNECT: this
    /// server is not a proxy.
    static let methodNotImplemented = ProblemDetails(
        slug: ProblemDetails.Slug.notImplemented, status: .notImplemented,
        detail: "This server does not implement the request method."
    ).preparedResponse()

    private static let byKind: [ParseError.Kind: PreparedResponse] = {
        var table: [ParseError.Kind: PreparedResponse] = [:]
        for kind in ParseError.Kind.allCases {
            let error = ParseError(kind)
            table[kind] = ProblemDetails(
                slug: slug(for: error.status), status: error.status, detail: error.detail
            )
            .preparedResponse()
        }
        return table
    }()

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
