import Foundation

/// Where and how the server listens.
public struct ServerConfiguration: Sendable {
    /// The address to bind, numeric or a name (`0.0.0.0`, `::`, `127.0.0.1`, `localhost`).
    public var host: String
    /// The port to bind; 0 picks a free one (``Server/start()`` returns it).
    public var port: Int
    /// Sizes, timeouts and the connection cap.
    public var limits: ServerLimits
    /// How many event loops (each a serial queue owning an epoll instance) share the
    /// connections; defaults to the number of active processors.
    public var eventLoopCount: Int
    /// Whether to write one access-log line per request to standard output.
    public var accessLog: Bool
    /// How long a graceful shutdown waits for in-flight requests before closing everything.
    public var shutdownGracePeriod: Duration
    /// Header fields appended to every response the server makes itself instead of asking
    /// the responder: the answer to a request that cannot be parsed or breaks a limit (400,
    /// 413, 414, 431, 501, 505), 408, 503, 501 for an unknown method and 412 for a failed
    /// precondition.
    ///
    /// The responder decides the fields of its own responses; these are for the ones it
    /// never sees. An application that must mark every response (e.g. a public API whose
    /// browser clients need `Access-Control-Allow-Origin` to read even its errors) passes
    /// its fields here, and this layer stays ignorant of what they mean. Fields the server
    /// owns (`Content-Length`, `Date`, `Connection`, ...) are ignored, like a responder's.
    public var ownResponseHeaders: HTTPFields

    /// Creates a configuration; the defaults serve 0.0.0.0:8080 with the default limits.
    public init(
        host: String = "0.0.0.0",
        port: Int = 8080,
        limits: ServerLimits = ServerLimits(),
        eventLoopCount: Int = ProcessInfo.processInfo.activeProcessorCount,
        accessLog: Bool = true,
        shutdownGracePeriod: Duration = .seconds(4),
        ownResponseHeaders: HTTPFields = [:]
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.eventLoopCount = eventLoopCount
        self.accessLog = accessLog
        self.shutdownGracePeriod = shutdownGracePeriod
        self.ownResponseHeaders = ownResponseHeaders
    }
}
