import HTTPServer

/// A problem the API itself answers with (the HTTP layer's own are ``ProblemCatalog``'s), before
/// a resource's ``ErrorDialect`` turns it into a response.
///
/// The `detail` says in Dutch what exactly was wrong, so a developer with curl can fix the
/// request without reading documentation.
struct APIProblem: Error, Equatable, Sendable {
    /// The type: slug, status and title.
    var type: ProblemType
    /// What was wrong with this request.
    var detail: String

    /// No resource at this path: 404.
    static func notFound(_ detail: String) -> APIProblem {
        APIProblem(type: .notFound, detail: detail)
    }

    /// A path parameter without its kind's shape: 400 saying what the shape is.
    static func invalidParameter(_ value: String, _ kind: PathParameter) -> APIProblem {
        APIProblem(type: .invalidParameter, detail: "'\(value)' is ongeldig: \(kind.shape).")
    }

    /// A query parameter missing, malformed or out of range: 400.
    static func invalidQuery(_ detail: String) -> APIProblem {
        APIProblem(type: .invalidQuery, detail: detail)
    }

    /// The problem as `application/problem+json`, with the request's path as `instance`.
    func response(for request: HTTPRequest) -> HTTPResponse {
        ProblemDetails(
            type: type.uri, title: type.title, status: type.status, detail: detail, instance: request.path
        ).response()
    }
}
