/// A problem report (RFC 9457), the body of every error response: a stable `type` URI a
/// client can switch on, a human `title`, and optional `detail` and `instance`.
///
/// This layer holds no words of its own: the problems it answers with itself come from the
/// configured ``ProblemVocabulary`` (``ProblemVocabulary/details(_:instance:)``), and an
/// application builds its own problems with its own type URIs.
public struct ProblemDetails: Sendable, Equatable {
    /// The problem type URI.
    public var type: String
    /// A short summary of the problem type, the same for every occurrence.
    public var title: String
    /// The status code of the response.
    public var status: HTTPStatus
    /// An explanation of this occurrence.
    public var detail: String?
    /// A URI reference for this occurrence, e.g. the request path.
    public var instance: String?

    /// Creates a problem.
    public init(
        type: String, title: String, status: HTTPStatus, detail: String? = nil, instance: String? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
    }

    /// The problem as `application/problem+json`, keys in a fixed order
    /// (type, title, status, detail, instance) so equal problems give equal bytes.
    public var json: [UInt8] {
        var out: [UInt8] = []
        out.append(contentsOf: "{\"type\":".utf8)
        JSONString.append(type, to: &out)
        out.append(contentsOf: ",\"title\":".utf8)
        JSONString.append(title, to: &out)
        out.append(contentsOf: ",\"status\":".utf8)
        ResponseSerializer.appendDecimal(status.code, to: &out)
        if let detail {
            out.append(contentsOf: ",\"detail\":".utf8)
            JSONString.append(detail, to: &out)
        }
        if let instance {
            out.append(contentsOf: ",\"instance\":".utf8)
            JSONString.append(instance, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// The fields of every problem response: RFC 9457's media type, and not cached (a
    /// problem describes one request). Fields for every response of an application, such as
    /// `X-Content-Type-Options`, are ``ServerConfiguration/responseHeaders``.
    public static let responseHeaders: HTTPFields = [
        "Content-Type": "application/problem+json",
        "Cache-Control": "no-store",
    ]

    /// The response carrying this problem, with `headers` appended to the problem fields.
    public func response(headers: HTTPFields = [:]) -> HTTPResponse {
        var fields = ProblemDetails.responseHeaders
        for field in headers { fields.append(field) }
        return HTTPResponse(status: status, headers: fields, body: json)
    }

    /// The response prepared once, for problems the server sends often and unchanged.
    public func preparedResponse(headers: HTTPFields = [:]) -> PreparedResponse {
        var fields = ProblemDetails.responseHeaders
        for field in headers { fields.append(field) }
        return PreparedResponse(status: status, headers: fields, body: json, addsETag: false)
    }
}
