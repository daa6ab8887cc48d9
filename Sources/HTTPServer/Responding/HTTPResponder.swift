/// Something that answers requests: a router, static files, an API.
///
/// Called on an event loop's queue for every request of a connection, in order; it must
/// not block (no I/O, no waiting on locks held for long): a slow responder stalls every
/// connection of that loop. Conditional requests (`If-Match` → 412, `If-None-Match` → 304,
/// for GET and HEAD) and HEAD (no body) are applied to whatever it returns, by the server.
public protocol HTTPResponder: Sendable {
    /// The response to `request`.
    func respond(to request: HTTPRequest) -> HTTPResponse
}
