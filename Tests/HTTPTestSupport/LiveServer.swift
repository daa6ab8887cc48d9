import HTTPServer

/// Starts a real server on 127.0.0.1, port 0, with `responder`, runs `body` with the server and
/// its port, then shuts it down and waits for it to stop: the live ring of the tests, used by
/// the HTTP layer's own tests and by the API's. `ownResponseHeaders` is
/// ``ServerConfiguration/ownResponseHeaders``.
public func withLiveServer<Result>(
    responder: any HTTPResponder,
    limits: ServerLimits = ServerLimits(),
    gracePeriod: Duration = .seconds(2),
    ownResponseHeaders: HTTPFields = [:],
    _ body: (Server, Int) throws -> Result
) throws -> Result {
    let configuration = ServerConfiguration(
        host: "127.0.0.1", port: 0, limits: limits, eventLoopCount: 2, accessLog: false,
        shutdownGracePeriod: gracePeriod, ownResponseHeaders: ownResponseHeaders)
    let server = Server(configuration: configuration, responder: responder)
    let port = try server.start()
    defer {
        server.shutdown()
        server.wait()
    }
    return try body(server, port)
}
