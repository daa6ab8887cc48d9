/// Something that answers requests: a router, static files, an API.
///
/// Called on an event loop's queue for every request of a connection, in order; it must
/// not block (no I/O, no waiting on locks held for long): a slow responder stalls every
/// connection of that loop. What the server adds to whatever it returns — 501 for unknown
/// methods (it never sees those), conditional requests (`If-Match` → 412, `If-None-Match` →
/// 304, for GET and HEAD), HEAD (no body), the words of an ``HTTPResponse/init(problem:headers:)``
/// and ``ServerConfiguration/responseHeaders`` — is the ``ResponsePipeline``'s.
public protocol HTTPResponder: Sendable {
    /// The response to `request`.
    func respond(to request: HTTPRequest) -> HTTPResponse
}
