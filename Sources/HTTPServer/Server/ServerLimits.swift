/// Every limit the server enforces, all configurable (tests set them small and short): the
/// parser's size limits, the timeouts, the output a client may leave unread, and the
/// connection cap.
public struct ServerLimits: Sendable, Equatable {
    /// The size limits of a request (target, header section, field count, content).
    public var parser: ParserLimits
    /// From a request's first byte until it is complete (head and any content); longer →
    /// 408 and close. This is what stops a slowloris client.
    public var requestHeadTimeout: Duration
    /// How long a keep-alive connection may be idle, and how long a client may leave a
    /// response unread, before the connection is closed.
    public var idleTimeout: Duration
    /// After the last response, how long input is still read and dropped before closing
    /// (RFC 9112 §9.6: closing with unread input resets the connection, which can destroy the
    /// response); never longer than ``idleTimeout``.
    public var lingerTimeout: Duration
    /// Responses to pipelined requests are generated until this many bytes wait to be
    /// written, then written first: a client pipelining thousands of requests cannot make the
    /// buffer grow without bound.
    public var maxPendingOutput: Int
    /// The most open connections; beyond this a connection is answered 503 and closed.
    public var maxConnections: Int
    /// How many connections beyond ``maxConnections`` are still accepted just to be answered
    /// 503; beyond that they are closed at once (a refusal costs a descriptor too).
    public var rejectionAllowance: Int

    /// Creates limits; the defaults are the parser's (8 KiB target, 16 KiB / 100 header
    /// fields, 1 MiB content), 10 s request, 15 s idle, 2 s linger, 256 KiB of pending
    /// output, 10 000 connections and 1024 more to refuse.
    public init(
        parser: ParserLimits = ParserLimits(),
        requestHeadTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(15),
        lingerTimeout: Duration = .seconds(2),
        maxPendingOutput: Int = 256 * 1024,
        maxConnections: Int = 10_000,
        rejectionAllowance: Int = 1024
    ) {
        self.parser = parser
        self.requestHeadTimeout = requestHeadTimeout
        self.idleTimeout = idleTimeout
        self.lingerTimeout = lingerTimeout
        self.maxPendingOutput = maxPendingOutput
        self.maxConnections = maxConnections
        self.rejectionAllowance = rejectionAllowance
    }
}
