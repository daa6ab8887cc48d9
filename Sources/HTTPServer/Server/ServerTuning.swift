/// The server's I/O sizes and timings that are not limits on a client: what they cost is
/// memory and system calls, and the defaults are what the benchmarks settled on.
public struct ServerTuning: Sendable, Equatable {
    /// The `listen(2)` backlog: connections the kernel queues before the acceptor takes them.
    public var listenBacklog: Int
    /// Bytes read per `recv`, into one buffer per event loop shared by its connections.
    public var readBufferSize: Int
    /// The most readiness events one `epoll_wait` returns.
    public var eventsPerPoll: Int
    /// How many full batches of events a loop handles before it yields its thread.
    public var pollRoundsPerWakeUp: Int
    /// The most `iovec`s one `sendmsg` writes.
    public var vectorsPerWrite: Int
    /// Stored bodies up to this size are copied into the write buffer rather than given an
    /// `iovec` of their own (one `memcpy` is cheaper than an extra vector).
    public var inlineCopyThreshold: Int
    /// A connection's write buffer keeps up to this capacity between responses, so
    /// keep-alive does not reallocate; a larger one is freed.
    public var retainedWriteBufferCapacity: Int
    /// How long the acceptor pauses when the process is out of descriptors (the pending
    /// connections wait in the backlog meanwhile).
    public var acceptRetryDelay: Duration
    /// The bounds of the timer tick that checks timeouts; within them it is a quarter of the
    /// shortest timeout.
    public var timerTick: ClosedRange<Duration>
    /// Prepared responses whose body is at least this large go out as one wire image
    /// (head and body in one `sendfile`, see ``Server``); below it, the copy `sendmsg` makes
    /// costs less than the image.
    public var wireImageThreshold: Int
    /// The most bytes of wire images one event loop makes in one second; beyond it responses
    /// go out with `sendmsg` until the second changes.
    public var wireImageBytesPerSecond: Int
    /// Responses made per request (not prepared) with at least this many bytes of
    /// compressible content are gzipped per request for a client that accepts gzip
    /// (``ContentNegotiation``); `Int.max` turns that off.
    ///
    /// Measured with the API's search answers (median 974 bytes, 90th percentile 6 kB; the
    /// search itself takes 86 µs at the median): zlib level 1 costs about 20 µs at 1 kB, 30 µs
    /// at 2 kB, 45 µs at 4 kB and 70 µs at 8 kB on this machine kind, and saves 47 % at 1 kB,
    /// 53 % at 2 kB, 61 % at 4 kB. Below 2 kB that is a quarter of a search's time to save at
    /// most one TCP segment, and an answer under about 1.1 kB fits one segment with its head
    /// anyway; from 2 kB up every request saves one segment or more (1.1 kB at 2 kB, 2.5 kB
    /// at 4 kB). Prepared responses, compressed once, start at 1 KiB
    /// (``PreparedResponse/gzipThreshold``).
    public var dynamicCompressionThreshold: Int
    /// The most bytes of access-log lines waiting for the logger thread; lines beyond it are
    /// counted and dropped, never queued without bound (a slow stdout must not grow memory).
    public var accessLogCapacity: Int

    /// Creates tuning; the defaults: backlog 4096, 64 KiB reads, 256 events × 4 rounds, 64
    /// vectors, 1 KiB inline copies, 256 KiB retained write buffer, 100 ms accept back-off,
    /// ticks of 5–250 ms, wire images from 16 KiB up to 256 MiB a second per loop, 4 MiB of
    /// pending access log, per-request gzip from 2 KiB.
    public init(
        listenBacklog: Int = 4096,
        readBufferSize: Int = 64 * 1024,
        eventsPerPoll: Int = 256,
        pollRoundsPerWakeUp: Int = 4,
        vectorsPerWrite: Int = 64,
        inlineCopyThreshold: Int = 1024,
        retainedWriteBufferCapacity: Int = 256 * 1024,
        acceptRetryDelay: Duration = .milliseconds(100),
        timerTick: ClosedRange<Duration> = .milliseconds(5)...(.milliseconds(250)),
        wireImageThreshold: Int = 16 * 1024,
        wireImageBytesPerSecond: Int = 256 * 1024 * 1024,
        accessLogCapacity: Int = 4 * 1024 * 1024,
        dynamicCompressionThreshold: Int = 2048
    ) {
        self.listenBacklog = listenBacklog
        self.readBufferSize = readBufferSize
        self.eventsPerPoll = eventsPerPoll
        self.pollRoundsPerWakeUp = pollRoundsPerWakeUp
        self.vectorsPerWrite = vectorsPerWrite
        self.inlineCopyThreshold = inlineCopyThreshold
        self.retainedWriteBufferCapacity = retainedWriteBufferCapacity
        self.acceptRetryDelay = acceptRetryDelay
        self.timerTick = timerTick
        self.wireImageThreshold = wireImageThreshold
        self.wireImageBytesPerSecond = wireImageBytesPerSecond
        self.accessLogCapacity = accessLogCapacity
        self.dynamicCompressionThreshold = dynamicCompressionThreshold
    }
}
