import HTTPServer

/// Starts a real server on 127.0.0.1, port 0, with `responder`, runs `body` with the server and
/// its port, then shuts it down and waits for it to stop: the live ring of the tests, used by
/// the HTTP layer's own tests and by the API's.
///
/// `configuration` gives everything but the address, the loop count (two) and the access log
/// (off): the vocabulary, the response fields, the tuning; `limits` and `gracePeriod`, when
/// given, replace its own.
public func withLiveServer<Result>(
    responder: any HTTPResponder,
    configuration: ServerConfiguration = ServerConfiguration(),
    limits: ServerLimits? = nil,
    gracePeriod: Duration = .seconds(2),
    _ body: (Server, Int) throws -> Result
) throws -> Result {
    var configuration = configuration
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.eventLoopCount = 2
    configuration.accessLog = false
    configuration.shutdownGracePeriod = gracePeriod
    if let limits { configuration.limits = limits }
    let server = Server(configuration: configuration, responder: responder)
    let port = try server.start()
    defer {
        server.shutdown()
        server.wait()
    }
    return try body(server, port)
}
