/// A response to send: status, fields and content.
///
/// `Date`, `Content-Length` and `Connection` are written by the server and must not be set
/// here (any such field is ignored). A response made with ``init(prepared:)`` keeps the
/// prepared bytes: reading `status`, `headers` or `body` is cheap, appending header fields
/// keeps the fast path (they are written after the prepared ones), and any other change
/// turns it into an ordinary response. A response made with ``init(problem:headers:)`` is
/// one of the server's own problems, put into words by the server (``ResponsePipeline``).
public struct HTTPResponse: Sendable {
    enum Storage: Sendable {
        /// A prepared response, plus fields appended after preparation.
        case prepared(PreparedResponse, extraHeaders: HTTPFields)
        case dynamic(status: HTTPStatus, headers: HTTPFields, body: HTTPBody)
        /// A problem the pipeline renders with the configured vocabulary and the request
        /// path; `headers` go after the problem's own fields (e.g. `Allow`).
        case problem(ServerProblem, headers: HTTPFields)
    }

    var storage: Storage

    /// The route that answered, as an index into ``ServerMetrics/routeTemplates``; negative
    /// (the default) when no route matched. An integer, so labelling a request costs no
    /// string work; the template is looked up at scrape time.
    public var route: Int = -1

    /// Creates a response with an array body.
    public init(status: HTTPStatus = .ok, headers: HTTPFields = [:], body: [UInt8] = []) {
        storage = .dynamic(status: status, headers: headers, body: HTTPBody(body))
    }

    /// Creates a response with a body value.
    public init(status: HTTPStatus, headers: HTTPFields = [:], body: HTTPBody) {
        storage = .dynamic(status: status, headers: headers, body: body)
    }

    /// Creates a response that serves a prepared one: no per-request serialisation, no copy
    /// of the body.
    public init(prepared: PreparedResponse) {
        storage = .prepared(prepared, extraHeaders: [:])
    }

    /// A prepared response answered by the route with index `route`.
    public init(prepared: PreparedResponse, route: Int) {
        storage = .prepared(prepared, extraHeaders: [:])
        self.route = route
    }

    /// Answers with one of the server's own problems: the server writes it as
    /// `application/problem+json` in the words of ``ServerConfiguration/problems``, with the
    /// request path as `instance`, and `headers` after the problem's fields. How the router
    /// and static files say 404 and 405 without a language of their own.
    public init(problem: ServerProblem, headers: HTTPFields = [:]) {
        storage = .problem(problem, headers: headers)
    }

    /// The prepared response this one serves, if it still does.
    public var prepared: PreparedResponse? {
        if case .prepared(let prepared, _) = storage { return prepared }
        return nil
    }

    /// The server problem this response stands for, until the server renders it.
    public var problem: ServerProblem? {
        if case .problem(let problem, _) = storage { return problem }
        return nil
    }

    /// The status.
    public var status: HTTPStatus {
        get {
            switch storage {
            case .prepared(let prepared, _): return prepared.status
            case .dynamic(let status, _, _): return status
            case .problem(let problem, _): return problem.status
            }
        }
        set {
            guard newValue != status || prepared == nil else { return }
            let (headers, body) = (self.headers, self.body)
            storage = .dynamic(status: newValue, headers: headers, body: body)
        }
    }

    /// The header fields, in order.
    public var headers: HTTPFields {
        get {
            switch storage {
            case .prepared(let prepared, let extra):
                if extra.isEmpty { return prepared.headers }
                var all = prepared.headers
                for field in extra { all.append(field) }
                return all
            case .dynamic(_, let headers, _), .problem(_, let headers):
                return headers
            }
        }
        set {
            switch storage {
            case .prepared(let prepared, _) where newValue.hasPrefix(prepared.headers):
                // Only appended to: keep the prepared bytes, write the new fields after them.
                storage = .prepared(prepared, extraHeaders: newValue.dropping(first: prepared.headers.count))
            case .prepared(let prepared, _):
                storage = .dynamic(status: prepared.status, headers: newValue, body: prepared.body)
            case .dynamic(let status, _, let body):
                storage = .dynamic(status: status, headers: newValue, body: body)
            case .problem(let problem, _):
                storage = .problem(problem, headers: newValue)
            }
        }
    }

    /// The content (empty for a problem the server has not rendered yet).
    public var body: HTTPBody {
        get {
            switch storage {
            case .prepared(let prepared, _): return prepared.body
            case .dynamic(_, _, let body): return body
            case .problem: return .empty
            }
        }
        set {
            let (status, headers) = (self.status, self.headers)
            storage = .dynamic(status: status, headers: headers, body: newValue)
        }
    }

    /// The `ETag` field, if any: what conditional requests compare against.
    public var etag: String? {
        switch storage {
        case .prepared(let prepared, _): return prepared.etag
        case .dynamic(_, let headers, _): return headers["ETag"]
        case .problem: return nil
        }
    }

    /// Whether the response asks to close the connection (`Connection: close`).
    var requestsClose: Bool {
        switch storage {
        case .prepared(let prepared, let extra):
            return prepared.requestsClose || extra.containsToken("close", inField: "Connection")
        case .dynamic(_, let headers, _), .problem(_, let headers):
            return headers.containsToken("close", inField: "Connection")
        }
    }
}
