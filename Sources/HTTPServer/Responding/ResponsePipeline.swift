import Glibc

/// Everything the server decides about a response besides asking the responder, as one pure
/// function: the live connection calls it for every request, and so does an in-process test
/// client, so both answer alike.
///
/// In order: an unknown method or CONNECT is 501 without asking the responder (RFC 9110
/// §15.6.2; CONNECT also closes, since a tunnel's bytes may follow); a problem the responder
/// hands back (``HTTPResponse/init(problem:headers:)``) is put into the configured words with
/// the request path as `instance`; the content coding is negotiated (``ContentNegotiation``:
/// gzip or identity by `Accept-Encoding`, 406 when neither is acceptable); `If-Match` → 412 and
/// `If-None-Match` → 304 (``ConditionalRequests``), against the chosen representation's tag;
/// a dynamic response chosen as gzip is compressed only then, unless it is a 304; HEAD → the
/// head only; `Connection: close` from the client's side or the responder's ends the
/// connection. ``ServerConfiguration/responseHeaders`` are
/// not added here but by the serialiser, from bytes each event loop prepares once, so that
/// a prepared response costs no field work per request.
public enum ResponsePipeline {
    /// What goes on the wire for one request.
    public struct Outcome: Sendable {
        /// The response, before ``ServerConfiguration/responseHeaders`` (the serialiser
        /// writes those).
        public var response: HTTPResponse
        /// Send 304 Not Modified instead of `response`: its validators, no content
        /// (RFC 9110 §15.4.5).
        public var notModified: Bool
        /// Send the head only: the request was HEAD (RFC 9110 §9.3.2).
        public var headOnly: Bool
        /// This is the last response on the connection (`Connection: close`).
        public var closesConnection: Bool

        /// Creates an outcome.
        public init(response: HTTPResponse, notModified: Bool, headOnly: Bool, closesConnection: Bool) {
            self.response = response
            self.notModified = notModified
            self.headOnly = headOnly
            self.closesConnection = closesConnection
        }
    }

    /// The answer to a parsed request. `keepAlive` says whether the connection would stay
    /// open after it as far as the client and the server's state go (RFC 9112 §9.3); the
    /// outcome may still close it.
    public static func respond(
        to request: HTTPRequest, responder: some HTTPResponder, configuration: ServerConfiguration,
        keepAlive: Bool
    ) -> Outcome {
        respond(
            to: request, responder: responder, problems: configuration.problems,
            dynamicCompressionThreshold: configuration.tuning.dynamicCompressionThreshold,
            keepAlive: keepAlive)
    }

    /// The server's own answer that ends a connection without a request to answer: a parse
    /// error (``ServerProblem/malformedRequest(_:)``), a timeout, the connection cap. `instance`
    /// is the path of the request in progress, if its request line was read.
    public static func respond(
        to problem: ServerProblem, instance: String?, configuration: ServerConfiguration
    ) -> Outcome {
        Outcome(
            response: render(problem, instance: instance, problems: configuration.problems),
            notModified: false, headOnly: false, closesConnection: true)
    }

    /// The bytes the server writes for `outcome`, the answer to `request` (`nil` for the
    /// server's own answers), with the configuration's ``ServerConfiguration/responseHeaders``
    /// and the current `Date`: what a client reads off the socket. For in-process clients;
    /// the connection writes the same through its queue.
    public static func bytes(
        of outcome: Outcome, answering request: HTTPRequest?, configuration: ServerConfiguration
    ) -> [UInt8] {
        var fieldLines = CommonFieldLines(responseHeaders: configuration.responseHeaders)
        fieldLines.refresh()
        let connection: ResponseSerializer.ConnectionField
        if outcome.closesConnection {
            connection = .close
        } else {
            connection = request?.version == .http1_0 ? .keepAlive : .none
        }
        var queue = OutboundQueue(tuning: configuration.tuning)
        ResponseSerializer.append(
            outcome.response,
            framing: ResponseSerializer.Framing(
                connection: connection, headOnly: outcome.headOnly, notModified: outcome.notModified),
            fieldLines: fieldLines.bytes, to: &queue)
        var bytes: [UInt8] = []
        let scratch = UnsafeMutableBufferPointer<iovec>.allocate(
            capacity: configuration.tuning.vectorsPerWrite)
        defer { scratch.deallocate() }
        while !queue.isEmpty {
            let written = queue.withNextWrite(scratch) { write in
                switch write {
                case .vectors(let vectors, _):
                    var total = 0
                    for vector in vectors {
                        bytes.append(
                            contentsOf: UnsafeRawBufferPointer(start: vector.iov_base, count: vector.iov_len))
                        total += vector.iov_len
                    }
                    return total
                case .file:
                    // Only wire images are file segments, and they are never made here.
                    return -1
                }
            }
            guard written > 0 else { break }
            queue.consume(written)
        }
        return bytes
    }

    /// ``respond(to:responder:configuration:keepAlive:)`` with only what it reads from the
    /// configuration: the connection keeps the vocabulary beside its loop.
    /// `problems` is borrowed, not copied: the connection passes its loop's vocabulary, which
    /// only the rare problem reads.
    @inline(__always)
    static func respond(
        to request: HTTPRequest, responder: some HTTPResponder, problems: borrowing ProblemVocabulary,
        dynamicCompressionThreshold: Int, keepAlive: Bool
    ) -> Outcome {
        var closes = !keepAlive
        var response: HTTPResponse
        if !request.method.isStandard || request.method == .connect {
            response = render(.methodNotImplemented, instance: request.path, problems: problems)
            if request.method == .connect { closes = true }
        } else {
            response = responder.respond(to: request)
            if case .problem(let problem, let headers) = response.storage {
                response = render(problem, instance: request.path, headers: headers, problems: problems)
            }
        }
        if !closes, response.requestsClose { closes = true }
        let negotiated = ContentNegotiation.negotiate(
            &response, for: request, dynamicThreshold: dynamicCompressionThreshold)
        if negotiated == .notAcceptable {
            response = render(
                .notAcceptable, instance: request.path, headers: ["Vary": "Accept-Encoding"],
                problems: problems)
        }
        var notModified = false
        switch ConditionalRequests.evaluate(request: request, response: response) {
        case .unchanged:
            if negotiated == .compress { ContentNegotiation.compressBody(of: &response) }
        case .notModified:
            notModified = true
        case .preconditionFailed:
            response = render(
                .preconditionFailed, instance: request.path, headers: varyFields(negotiated),
                problems: problems)
        }
        return Outcome(
            response: response, notModified: notModified, headOnly: request.method == .head,
            closesConnection: closes)
    }

    /// `Vary: Accept-Encoding` for a 412 that replaced a negotiated response: which tag
    /// `If-Match` was compared with depended on `Accept-Encoding`.
    private static func varyFields(_ negotiated: ContentNegotiation.Outcome) -> HTTPFields {
        negotiated == .fixed ? [:] : ["Vary": "Accept-Encoding"]
    }

    /// A problem as its response, in the vocabulary's words.
    static func render(
        _ problem: ServerProblem, instance: String?, headers: HTTPFields = [:],
        problems: borrowing ProblemVocabulary
    ) -> HTTPResponse {
        var fields = headers
        if problem == .serviceUnavailable, !fields.contains("Retry-After") {
            // RFC 9110 §10.2.3: when to try again; a second is enough for a connection to free.
            fields.append(name: "Retry-After", value: "1")
        }
        return problems.details(problem, instance: instance).response(headers: fields)
    }
}
