import HTTPServer

/// Cross-origin access for browser clients on school intranets (Fetch Standard §3.2): the API
/// is public and read-only, carries no credentials, so any origin may read it.
enum CORS {
    /// Fields on every response, errors included (a client must be able to read why): the
    /// server adds them (``DossierApplication/responseHeaders``). `Link` and `X-Total-Count`
    /// are exposed for the CASE binding's paging of CFDocuments.
    static let responseHeaders: HTTPFields = [
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Expose-Headers": "ETag, Link, X-Total-Count",
    ]

    /// How long a browser may cache a preflight answer, in seconds.
    static let maxAge = 86_400

    /// Whether `request` is a CORS preflight: `OPTIONS` with `Origin` and
    /// `Access-Control-Request-Method`.
    static func isPreflight(_ request: HTTPRequest) -> Bool {
        request.method == .options && request.headers.contains("Origin")
            && request.headers.contains("Access-Control-Request-Method")
    }

    /// The answer to a preflight for a path that allows `methods`.
    static func preflightResponse(_ request: HTTPRequest, allowing methods: [HTTPMethod]) -> HTTPResponse {
        let allowed = methods.map(\.rawValue).joined(separator: ", ")
        var headers: HTTPFields = [
            "Access-Control-Allow-Methods": allowed,
            "Access-Control-Max-Age": String(maxAge),
            "Allow": allowed,
        ]
        // Echo the requested headers when they are a plain token list: the API ignores
        // request headers it does not know, so allowing them costs nothing.
        if let requested = request.headers["Access-Control-Request-Headers"], isTokenList(requested) {
            headers.append(name: "Access-Control-Allow-Headers", value: requested)
        }
        return HTTPResponse(status: .noContent, headers: headers)
    }

    private static func isTokenList(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 1024
            && value.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar)
                    || ("A"..."Z").contains(scalar)
                    || "-_, \t".unicodeScalars.contains(scalar)
            }
    }
}
