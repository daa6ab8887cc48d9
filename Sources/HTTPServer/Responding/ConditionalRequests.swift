/// Precondition evaluation (RFC 9110 §13) for any response: `If-Match` → 412 and
/// `If-None-Match` → 304.
///
/// Done once, in the ``ResponsePipeline``, for every responder: a handler only has to put an
/// `ETag` on its response (a ``PreparedResponse`` does so by default) to get both.
///
/// `If-Unmodified-Since` and `If-Modified-Since` are not evaluated: no response here carries
/// `Last-Modified`, and RFC 9110 §13.1.3, §13.1.4 have a recipient ignore them when the
/// resource has no modification date.
enum ConditionalRequests {
    /// What the preconditions of a request make of the response to it.
    enum Outcome: Equatable {
        /// Send the response as it is: no precondition applies, or all are true.
        case unchanged
        /// Send 304 Not Modified instead: `If-None-Match` matched (RFC 9110 §13.1.2).
        case notModified
        /// Send 412 Precondition Failed instead: `If-Match` did not match (RFC 9110 §13.1.1).
        case preconditionFailed
    }

    /// Evaluates the request's `If-Match` and `If-None-Match` against the response, in the
    /// order of RFC 9110 §13.2.2: `If-Match` first (false → 412), then `If-None-Match` (true
    /// → 304).
    ///
    /// Only for GET and HEAD, and only when the response is a 2xx: RFC 9110 §13.2.1 has a
    /// server ignore preconditions on any other answer. The pipeline sees the response only
    /// after the responder made it, which for GET and HEAD changes nothing (they are safe),
    /// but for any other method the responder has already acted: answering 412 then would
    /// tell the client its request was not carried out when it was. A responder with unsafe
    /// methods evaluates `If-Match` itself, before acting (``EntityTag/ifMatch(_:matches:)``).
    static func evaluate(request: HTTPRequest, response: HTTPResponse) -> Outcome {
        guard request.method == .get || request.method == .head else { return .unchanged }
        let code = response.status.code
        guard code >= 200, code < 300 else { return .unchanged }
        // One pass over the request's fields for both: this runs for every request, and
        // the response's tag is looked up only when a condition is there to compare it with.
        var hasIfMatch = false
        var ifMatchHolds = false
        var ifNoneMatchMatches = false
        for field in request.headers {
            let name = field.name.utf8
            switch name.count {
            case 8 where ASCII.equalsIgnoringCase(name, "if-match".utf8):
                hasIfMatch = true
                // Several lines are one list (RFC 9110 §5.3): a match in any line holds.
                if !ifMatchHolds { ifMatchHolds = EntityTag.ifMatch(field.value, matches: response.etag) }
            case 13 where ASCII.equalsIgnoringCase(name, "if-none-match".utf8):
                if !ifNoneMatchMatches, let etag = response.etag {
                    ifNoneMatchMatches = EntityTag.ifNoneMatch(field.value, matches: etag)
                }
            default:
                continue
            }
        }
        if hasIfMatch, !ifMatchHolds { return .preconditionFailed }
        return ifNoneMatchMatches ? .notModified : .unchanged
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
