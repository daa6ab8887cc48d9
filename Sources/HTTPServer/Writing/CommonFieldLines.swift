/// The field lines that end the head of every response an event loop writes: the configured
/// ``ServerConfiguration/responseHeaders``, then `Date` (RFC 9110 §6.6.1), as one run of
/// bytes rebuilt only when the second changes.
///
/// This is the one place those fields are added, to every response (the responder's, the
/// server's own, a 304), and it costs nothing per request: the serialiser appends this run
/// where it would append the `Date` line anyway, and a ``WireImages`` image holds it.
struct CommonFieldLines {
    /// The configured fields, serialised once (server-owned and invalid fields dropped).
    private let configured: [UInt8]
    private var date = HTTPDate()
    /// The configured fields and the current `Date` line, each ending in CRLF.
    private(set) var bytes: [UInt8] = []

    init(responseHeaders: HTTPFields) {
        var configured: [UInt8] = []
        ResponseSerializer.appendFields(responseHeaders, notModified: false, to: &configured)
        self.configured = configured
    }

    /// Rebuilds the run if the wall-clock second has changed.
    mutating func refresh() {
        guard date.refresh() else { return }
        bytes = configured + date.fieldLine
    }
}
