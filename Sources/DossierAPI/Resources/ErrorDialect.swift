import HTTPServer

/// How a resource says what went wrong: the body and media type of its 400s and 404s.
///
/// Every row of ``ResourceTable`` names its dialect, so a family of routes that a standard
/// binds to its own error body (the CASE 1.1 binding's `imsx_StatusInfo`) gets it from its
/// rows, without a second error path.
enum ErrorDialect: Sendable, Equatable {
    /// RFC 9457 `application/problem+json`, with the types of ``ProblemCatalog``.
    case problemJSON
    /// The CASE 1.1 REST binding's `imsx_StatusInfo` as `application/json`: a 404 is
    /// `unknownobject`, or `invalid_uuid` when the path's last segment is no UUID; a 400 is
    /// `invalid_selection_field`.
    case caseStatusInfo

    /// The response that says `problem` in this dialect.
    func response(_ problem: APIProblem, for request: HTTPRequest) -> HTTPResponse {
        switch self {
        case .problemJSON: problem.response(for: request)
        case .caseStatusInfo: Self.response(CASEStatusInfo(problem, path: request.path))
        }
    }

    /// The response of a CASE error (also made directly by the CFDocuments query).
    static func response(_ status: CASEStatusInfo) -> HTTPResponse {
        HTTPResponse(
            status: status.status == 400 ? .badRequest : .notFound, headers: ["Content-Type": Resource.json],
            body: JSONWriter.bytes(status.json))
    }
}
