/// Every limit the server enforces, all configurable (tests set them small and short).
public struct ServerLimits: Sendable, Equatable {
    /// The longest request target; longer → 414 and close.
    public var maxRequestTargetLength: Int
    /// The largest header section; larger → 431 and close.
    public var maxHeaderSectionSize: Int
    /// The most header fields; more → 431 and close.
    public var maxHeaderFieldCount: Int
    /// The largest request content; larger → 413 and close.
    public var maxBodySize: Int
    /// From a request's first byte until it is complete (head and any content); longer →
    /// 408 and close. This is what stops a slowloris client.
    public var requestHeadTimeout: Duration
    /// How long a keep-alive connection may be idle, and how long a client may leave a
    /// response unread, before the connection is closed.
    public var idleTimeout: Duration
    /// The most open connections; beyond this a connection is answered 503 and closed.
    public var maxConnections: Int

    /// Creates limits; the defaults are 8 KiB target, 16 KiB / 100 header fields, 1 MiB
    /// content, 10 s request, 15 s idle, 10 000 connections.
    public init(
        maxRequestTargetLength: Int = 8 * 1024,
        maxHeaderSectionSize: Int = 16 * 1024,
        maxHeaderFieldCount: Int = 100,
        maxBodySize: Int = 1024 * 1024,
        requestHeadTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(15),
        maxConnections: Int = 10_000
    ) {
        self.maxRequestTargetLength = maxRequestTargetLength
        self.maxHeaderSectionSize = maxHeaderSectionSize
        self.maxHeaderFieldCount = maxHeaderFieldCount
        self.maxBodySize = maxBodySize
        self.requestHeadTimeout = requestHeadTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }

    /// The parser's share of these limits.
    public var parserLimits: ParserLimits {
        ParserLimits(
            maxRequestTargetLength: maxRequestTargetLength, maxHeaderSectionSize: maxHeaderSectionSize,
            maxHeaderFieldCount: maxHeaderFieldCount, maxBodySize: maxBodySize)
    }
}
