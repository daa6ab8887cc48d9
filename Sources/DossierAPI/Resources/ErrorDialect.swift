import HTTPServer

/// How a resource says what went wrong: the body and media type of its 400s and 404s.
///
/// Every row of ``ResourceTable`` names its dialect, so a family of routes that a standard
/// binds to its own error body (the CASE 1.1 binding's `imsx_StatusInfo`, coming with the LMS
/// issue) gets it from its rows, without a second error path.
enum ErrorDialect: Sendable, Equatable {
    /// RFC 9457 `application/problem+json`, with the types of ``ProblemCatalog``.
    case problemJSON

    /// The response that says `problem` in this dialect.
    func response(_ problem: APIProblem, for request: HTTPRequest) -> HTTPResponse {
        switch self {
        case .problemJSON: problem.response(for: request)
        }
    }
}
