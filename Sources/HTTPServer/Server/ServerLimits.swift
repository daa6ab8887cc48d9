/// Every limit the server enforces, all configurable (tests set them small and short): the
/// parser's size limits, the timeouts, and the connection cap.
public struct ServerLimits: Sendable, Equatable {
    /// The size limits of a request (target, header section, field count, content).
    public var parser: ParserLimits
    /// From a request's first byte until it is complete (head and any content); longer →
    /// 408 and close. This is what stops a slowloris client.
    public var requestHeadTimeout: Duration
    /// How long a keep-alive connection may be idle, and how long a client may leave a
    /// response unread, before the connection is closed.
    public var idleTimeout: Duration
    /// The most open connections; beyond this a connection is answered 503 and closed.
    public var maxConnections: Int

    /// Creates limits; the defaults are the parser's (8 KiB target, 16 KiB / 100 header
    /// fields, 1 MiB content), 10 s request, 15 s idle, 10 000 connections.
    public init(
        parser: ParserLimits = ParserLimits(),
        requestHeadTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(15),
        maxConnections: Int = 10_000
    ) {
        self.parser = parser
        self.requestHeadTimeout = requestHeadTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}
