/// A problem report (RFC 9457), the body of every error response: a stable `type` URI a
/// client can switch on, a human `title`, and optional `detail` and `instance`.
///
/// Type URIs follow one scheme, ``typeBase`` + a kebab-case slug, e.g.
/// `https://dossiers.example/problems/not-found`; the slugs this layer uses are listed in
/// ``Slug``. They identify the problem kind and are not meant to be fetched.
public struct ProblemDetails: Sendable, Equatable {
    /// The prefix of every problem type URI.
    public static let typeBase = "https://dossiers.example/problems/"

    /// The problem types produced by the HTTP layer.
    public enum Slug {
        /// 400: the request is malformed.
        public static let badRequest = "bad-request"
        /// 404: no resource at this path.
        public static let notFound = "not-found"
        /// 405: the resource exists, the method is not supported.
        public static let methodNotAllowed = "method-not-allowed"
        /// 408: the request did not arrive in time.
        public static let requestTimeout = "request-timeout"
        /// 412: a precondition (`If-Match`) is false.
        public static let preconditionFailed = "precondition-failed"
        /// 413: the content is larger than allowed.
        public static let contentTooLarge = "content-too-large"
        /// 414: the target is longer than allowed.
        public static let uriTooLong = "uri-too-long"
        /// 431: the header section is larger than allowed.
        public static let headerFieldsTooLarge = "header-fields-too-large"
        /// 500: the server failed.
        public static let internalError = "internal-error"
        /// 501: the method or transfer coding is not implemented.
        public static let notImplemented = "not-implemented"
        /// 503: the server cannot take the request now (too many connections).
        public static let serviceUnavailable = "service-unavailable"
        /// 505: the protocol version is not supported.
        public static let httpVersionNotSupported = "http-version-not-supported"
    }

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

    /// Creates a problem whose type is ``typeBase`` + `slug` and whose title is the status's
    /// reason phrase.
    public init(slug: String, status: HTTPStatus, detail: String? = nil, instance: String? = nil) {
        self.init(
            type: ProblemDetails.typeBase + slug, title: status.reasonPhrase, status: status, detail: detail,
            instance: instance)
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

    /// The fields of every problem response: RFC 9457's media type, not cached (a problem
    /// describes one request), and not sniffed into anything else.
    public static let responseHeaders: HTTPFields = [
        "Content-Type": "application/problem+json",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
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
