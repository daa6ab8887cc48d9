import HTTPServer

/// An error the API answers with, before it becomes an RFC 9457 problem response.
///
/// Each case has a stable problem `type` (documented in `openapi.yaml`); the `detail` says in
/// Dutch what exactly was wrong, so a developer with curl can fix the request without docs.
struct APIProblem: Error, Equatable, Sendable {
    /// The kinds of problem, with their HTTP status.
    enum Kind: String, Sendable {
        /// No resource at this path (unknown crebo, code, ...): 404.
        case notFound = "not-found"
        /// A path parameter is malformed (a crebo that is not five digits, ...): 400.
        case invalidParameter = "invalid-parameter"
        /// A query parameter is missing, malformed or out of range: 400.
        case invalidQuery = "invalid-query"

        var status: HTTPStatus {
            switch self {
            case .notFound: .notFound
            case .invalidParameter, .invalidQuery: .badRequest
            }
        }

        var title: String {
            switch self {
            case .notFound: "Niet gevonden"
            case .invalidParameter: "Ongeldige parameter in het pad"
            case .invalidQuery: "Ongeldige zoekopdracht"
            }
        }
    }

    var kind: Kind
    var detail: String
}

extension APIProblem {
    /// The problem as an `application/problem+json` response (the server adds the CORS
    /// fields to every response, ``APIService/responseHeaders``).
    func response(for request: HTTPRequest) -> HTTPResponse {
        ProblemDetails(
            type: ServerProblemTexts.typeBase + kind.rawValue, title: kind.title,
            status: kind.status, detail: detail, instance: request.path
        ).response()
    }
}
