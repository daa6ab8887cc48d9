import Foundation

/// Where and how the server listens, what it says, and what every response carries.
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
    /// How access-log lines are written: text (the default) or one JSON object per line.
    public var accessLogFormat: AccessLogFormat = .text
    /// How long a graceful shutdown waits for in-flight requests before closing everything.
    public var shutdownGracePeriod: Duration
    /// The words of every problem the HTTP layer answers with itself: parse errors and
    /// limits, 404 and 405 from the router and the static files, 408, 412, 501, 503.
    public var problems: ProblemVocabulary
    /// Header fields appended to every final response, the responder's and the server's own
    /// (a parse error, a limit, a timeout, 412, 501, 503, a 304; not the interim `100
    /// Continue`), after the response's own fields: e.g. CORS fields a browser client needs to read even an error, or
    /// `X-Content-Type-Options`. A responder does not set these itself (they would appear
    /// twice). Fields the server owns (`Content-Length`, `Date`, `Connection`, ...) and
    /// invalid ones are dropped, as from a responder.
    ///
    /// Serialised once per event loop together with the `Date` line, so they cost no work
    /// per request: a prepared response is still its head, these bytes and its body.
    public var responseHeaders: HTTPFields
    /// I/O sizes and timings that are not limits: backlog, buffers, batch sizes, timers and
    /// the wire-image cache.
    public var tuning: ServerTuning
    /// Where the server counts requests, latencies, bytes, parse errors and connections for
    /// `/metrics`; `nil` counts nothing. Each event loop keeps its own counters.
    public var metrics: ServerMetrics? = nil

    /// Creates a configuration; the defaults serve 0.0.0.0:8080 with the default limits, the
    /// reason-phrase vocabulary and no extra fields.
    public init(
        host: String = "0.0.0.0",
        port: Int = 8080,
        limits: ServerLimits = ServerLimits(),
        eventLoopCount: Int = ProcessInfo.processInfo.activeProcessorCount,
        accessLog: Bool = true,
        shutdownGracePeriod: Duration = .seconds(4),
        problems: ProblemVocabulary = .reasonPhrases,
        responseHeaders: HTTPFields = [:],
        tuning: ServerTuning = ServerTuning()
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.eventLoopCount = eventLoopCount
        self.accessLog = accessLog
        self.shutdownGracePeriod = shutdownGracePeriod
        self.problems = problems
        self.responseHeaders = responseHeaders
        self.tuning = tuning
    }
}
