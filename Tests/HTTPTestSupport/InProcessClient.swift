import HTTPServer

/// A client that talks to a responder without a socket, through everything the server does
/// besides I/O: the real ``RequestParser``, the ``ResponsePipeline`` (501, problems in the
/// configured words, 412, 304, HEAD, `Connection: close`), the real serialiser with the
/// configured response fields, and the bytes parsed back. What it returns is what a socket
/// client would read, as the live ``TestClient`` returns it, so in-process and live tests
/// read the same.
///
/// One request per call, on a fresh connection: for keep-alive, pipelining, timeouts and
/// back-pressure, use a live server (``withLiveServer(responder:configuration:limits:gracePeriod:_:)``).
public struct InProcessClient: Sendable {
    private let responder: any HTTPResponder
    private let configuration: ServerConfiguration

    /// A client for `responder`, answering as a server with `configuration` would.
    public init(responder: some HTTPResponder, configuration: ServerConfiguration = ServerConfiguration()) {
        self.responder = responder
        self.configuration = configuration
    }

    /// Parses `raw` request bytes with the real ``RequestParser``, runs the pipeline,
    /// serialises with the real serialiser and parses the bytes back: what a socket client
    /// would read. Bytes that are not a request get the server's problem for them; bytes that
    /// stop before the request is complete get the 408 the server sends when it stops
    /// waiting. Only the first request in `raw` is answered.
    public func send(_ raw: String) -> TestClient.Response {
        var parser = RequestParser(limits: configuration.limits.parser)
        parser.append(contentsOf: Array(raw.utf8))
        let outcome: ResponsePipeline.Outcome
        var request: HTTPRequest?
        switch parser.next() {
        case .request(let parsed):
            request = parsed
            outcome = ResponsePipeline.respond(
                to: parsed, responder: responder, configuration: configuration,
                keepAlive: parsed.wantsKeepAlive)
        case .failure(let error):
            outcome = ResponsePipeline.respond(
                to: .malformedRequest(error.kind), instance: parser.pathInProgress,
                configuration: configuration)
        case .needMoreData:
            outcome = ResponsePipeline.respond(
                to: .requestTimeout, instance: parser.pathInProgress, configuration: configuration)
        }
        let bytes = ResponsePipeline.bytes(of: outcome, answering: request, configuration: configuration)
        do {
            guard
                let (response, length) = try TestClient.Response.parse(
                    bytes, isHead: request?.method == .head),
                length == bytes.count
            else {
                preconditionFailure(
                    "the serialiser wrote no whole response: \(String(decoding: bytes, as: UTF8.self))")
            }
            return response
        } catch {
            preconditionFailure("the serialiser wrote bytes that are not HTTP: \(error)")
        }
    }

    /// Sends `method target` as HTTP/1.1 with `headers`, and `Host: localhost` unless
    /// `headers` has a `Host`.
    public func request(
        _ method: HTTPMethod = .get, _ target: String, headers: [(String, String)] = []
    ) -> TestClient.Response {
        var raw = "\(method.rawValue) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { raw += "Host: localhost\r\n" }
        for (name, value) in headers { raw += "\(name): \(value)\r\n" }
        return send(raw + "\r\n")
    }
}
