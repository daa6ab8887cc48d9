/// `If-None-Match` evaluation for any response that carries an `ETag` (RFC 9110 §13).
///
/// Done once, in the connection, for every responder: a handler only has to put an `ETag`
/// on its response (a ``PreparedResponse`` does so by default) to get 304s.
enum ConditionalRequests {
    /// Whether the response should be replaced by 304 Not Modified (RFC 9110 §13.1.2,
    /// §13.2.2): a GET or HEAD whose `If-None-Match` matches the successful response's tag.
    static func isNotModified(request: HTTPRequest, response: HTTPResponse) -> Bool {
        guard request.method == .get || request.method == .head else { return false }
        let code = response.status.code
        guard code >= 200, code < 300, let etag = response.etag else { return false }
        for value in request.headers.values(for: "If-None-Match")
        where EntityTag.ifNoneMatch(value, matches: etag) {
            return true
        }
        return false
    }

    /// Whether a 200's field is kept in the 304 that replaces it: those RFC 9110 §15.4.5
    /// requires (Cache-Control, Content-Location, ETag, Expires, Vary; Date is the
    /// server's), Last-Modified for cache updates, and the CORS fields, without which a
    /// browser would refuse the 304 of a cross-origin request.
    static func keepsInNotModified(_ name: String) -> Bool {
        let utf8 = name.utf8
        if utf8.count > 15, ASCII.equalsIgnoringCase(utf8.prefix(15), "access-control-".utf8) {
            return true
        }
        for kept in keptFields where ASCII.equalsIgnoringCase(utf8, kept.utf8) {
            return true
        }
        return false
    }

    private static let keptFields = [
        "Cache-Control", "Content-Location", "ETag", "Expires", "Vary", "Last-Modified",
        "Timing-Allow-Origin",
    ]
}
