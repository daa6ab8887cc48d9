import CEpoll
import Dispatch
import Glibc

/// One event loop: a serial `DispatchQueue` that exclusively owns an epoll instance and
/// every connection registered in it.
///
/// The loop is driven by a Dispatch read source on the epoll descriptor itself: when any
/// registered socket is ready, the epoll descriptor becomes readable, the handler collects
/// the whole batch with `epoll_wait(…, timeout: 0)` and handles it. So there is no thread per
/// connection and no blocking call on a Dispatch thread, while readiness is still reported
/// in batches (one wake-up for many sockets, unlike a Dispatch source per connection).
///
/// `@unchecked Sendable` is sound because every mutable property is read and written only
/// on `queue` (the acceptor and the server reach the loop with `queue.async`; debug builds
/// check it with `dispatchPrecondition`); the immutable ones are set in `init`. That is also
/// why the hot ones skip the run-time exclusivity checks (`@exclusivity(unchecked)`): one
/// call at a time ever touches them.
final class EventLoop: @unchecked Sendable {
    /// The queue that owns this loop's state.
    let queue: DispatchQueue
    /// Shared settings and the responder.
    let context: ServerContext
    /// The same context, for the per-request reads (``withContext(_:)``).
    private let unretainedContext: Unmanaged<ServerContext>
    /// Whether the context has an access log: asked per request, so a `Bool` of the loop's own.
    let logsRequests: Bool
    /// The epoll instance.
    let epoll: Epoll
    /// This loop's counters, or `nil` when the server keeps no metrics.
    let metrics: LoopMetrics?

    /// Scratch space reused by every connection of the loop (never two at once: the queue
    /// is serial): the read buffer, and `iovec`s for `sendmsg`.
    let readBuffer: UnsafeMutableRawBufferPointer
    let ioVectors: UnsafeMutableBufferPointer<iovec>
    private let events: UnsafeMutableBufferPointer<epoll_event>

    /// The configured fields and the current `Date` line that close every head, refreshed
    /// when the second changes.
    @exclusivity(unchecked) private(set) var fieldLines: CommonFieldLines
    /// Whole-response images of large prepared responses for this second (see ``WireImages``).
    @exclusivity(unchecked) var wireImages: WireImages
    /// The time of the batch being handled (one clock read per batch, not per request).
    @exclusivity(unchecked) private(set) var now: MonotonicInstant

    @exclusivity(unchecked) private var connections: [Int32: Connection] = [:]
    private var source: DispatchSourceRead?
    private var timer: DispatchSourceTimer?
    @exclusivity(unchecked) private var logEntries: [AccessLog.Entry] = []
    /// The wall-clock time of the batch being handled, in milliseconds since 1970, for the
    /// access log (read once per batch, and only when there is a log).
    @exclusivity(unchecked) private(set) var wallClockMilliseconds: Int64 = 0
    private var isShuttingDown = false
    private var shutdownDeadline: MonotonicInstant?
    private var isStopped = false
    private let onStop: @Sendable () -> Void

    /// Creates the loop (and its epoll instance); ``start()`` begins serving. Wire images go
    /// into `bodyFile`, the server's.
    init(
        index: Int, context: ServerContext, bodyFile: BodyFile?, metrics: LoopMetrics? = nil,
        onStop: @escaping @Sendable () -> Void
    ) throws(ServerError) {
        self.metrics = metrics
        queue = DispatchQueue(label: "http.event-loop.\(index)")
        self.context = context
        unretainedContext = .passUnretained(context)
        logsRequests = context.accessLog != nil
        epoll = try Epoll.make()
        let tuning = context.tuning
        readBuffer = .allocate(byteCount: max(tuning.readBufferSize, 1), alignment: 16)
        ioVectors = .allocate(capacity: max(tuning.vectorsPerWrite, 1))
        events = .allocate(capacity: max(tuning.eventsPerPoll, 1))
        fieldLines = CommonFieldLines(responseHeaders: context.responseHeaders)
        wireImages = WireImages(file: bodyFile, tuning: tuning)
        now = .now
        self.onStop = onStop
    }

    deinit {
        readBuffer.deallocate()
        ioVectors.deallocate()
        events.deallocate()
    }

    /// Starts the epoll-descriptor source and the timeout timer.
    func start() {
        queue.async { [self] in
            fieldLines.refresh()
            let source = DispatchSource.makeReadSource(fileDescriptor: epoll.descriptor, queue: queue)
            source.setEventHandler { @Sendable [self] in poll() }
            // The epoll descriptor is closed only once the source can no longer use it.
            source.setCancelHandler { @Sendable [self] in
                Glibc.close(epoll.descriptor)
                onStop()
            }
            self.source = source
            source.resume()

            let timer = DispatchSource.makeTimerSource(queue: queue)
            let milliseconds = Self.tickMilliseconds(for: context.timeouts, within: context.tuning.timerTick)
            timer.schedule(
                deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(milliseconds),
                leeway: .milliseconds(max(milliseconds / 4, 1)))
            timer.setEventHandler { @Sendable [self] in tick() }
            self.timer = timer
            timer.resume()
        }
    }

    /// Takes ownership of an accepted socket from `client`; `rejecting` answers it 503 and
    /// closes.
    func adopt(_ descriptor: Int32, client: ClientAddress, rejecting: Bool) {
        assertOnQueue()
        guard !isShuttingDown, epoll.add(descriptor, interest: .read) else {
            Glibc.close(descriptor)
            context.openConnections.subtract(1, ordering: .relaxed)
            return
        }
        beginBatch()
        let connection = Connection(descriptor: descriptor, client: client, loop: self)
        connections[descriptor] = connection
        if rejecting {
            if let metrics { metrics.add(1, at: metrics.layout.rejectedConnections) }
            connection.reject()
        }
        flushLog()
    }

    /// Starts a graceful shutdown: idle connections close now, busy ones after their
    /// response; whatever is left at the deadline is closed.
    func beginShutdown(gracePeriod: Duration) {
        assertOnQueue()
        beginBatch()
        isShuttingDown = true
        shutdownDeadline = now + gracePeriod
        for connection in Array(connections.values) { connection.beginShutdown() }
        flushLog()
        stopIfDone()
    }

    /// Closes a connection's socket and forgets it.
    func close(_ connection: Connection) {
        assertOnQueue()
        guard !connection.isClosed else { return }
        connection.markClosed()
        epoll.remove(connection.descriptor)
        Glibc.close(connection.descriptor)
        connections[connection.descriptor] = nil
        context.openConnections.subtract(1, ordering: .relaxed)
        if isShuttingDown { stopIfDone() }
    }

    /// Adds an entry to the access log (handed over at the end of the batch, formatted on
    /// the log's thread).
    func logRequest(
        client: ClientAddress, method: String, target: String, status: Int, bytes: Int, microseconds: Int
    ) {
        logEntries.append(
            AccessLog.Entry(
                milliseconds: wallClockMilliseconds, client: client, method: method, target: target,
                status: status, bytes: bytes, microseconds: microseconds))
    }

    /// Starts a batch: the monotonic time, the wall-clock time when there is a log, and the
    /// `Date` line.
    private func beginBatch() {
        now = .now
        if logsRequests {
            var time = timespec()
            clock_gettime(CLOCK_REALTIME, &time)
            wallClockMilliseconds = Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec / 1_000_000)
        }
        fieldLines.refresh()
    }

    // MARK: - Handlers

    private func poll() {
        beginBatch()
        var rounds = 0
        var count = 0
        repeat {
            count = epoll.poll(into: events)
            for index in 0..<count {
                let event = events[index]
                guard let connection = connections[event.data.fd] else { continue }
                handle(event.events, for: connection)
            }
            rounds += 1
            // A full batch means more may be ready; take a few more before yielding the thread.
        } while count == events.count && rounds < context.tuning.pollRoundsPerWakeUp
        flushLog()
    }

    private func handle(_ flags: UInt32, for connection: Connection) {
        let hangUp = EPOLLHUP.rawValue | EPOLLERR.rawValue
        switch connection.interest {
        case .read where flags & (EPOLLIN.rawValue | hangUp) != 0:
            connection.readable()
        case .write where flags & (EPOLLOUT.rawValue | hangUp) != 0:
            connection.writable()
        default:
            if flags & hangUp != 0 { close(connection) }
        }
    }

    private func tick() {
        beginBatch()
        wireImages.dropStale(fieldLines: fieldLines.bytes)
        if let shutdownDeadline, now >= shutdownDeadline {
            for connection in Array(connections.values) { close(connection) }
        } else {
            for connection in Array(connections.values) { connection.timerFired() }
        }
        flushLog()
    }

    private func flushLog() {
        guard !logEntries.isEmpty else { return }
        context.accessLog?.append(logEntries)
        logEntries.removeAll(keepingCapacity: true)
    }

    private func stopIfDone() {
        guard isShuttingDown, connections.isEmpty, !isStopped else { return }
        isStopped = true
        timer?.cancel()
        // Never suspended, so cancelling is safe; the cancel handler closes the descriptor.
        source?.cancel()
    }

    /// Timers tick often enough to honour the shortest timeout within a quarter of it, within
    /// `bounds` (``ServerTuning/timerTick``: by default between 5 ms for tests and 250 ms in
    /// production).
    static func tickMilliseconds(
        for timeouts: ConnectionStateMachine.Timeouts,
        within bounds: ClosedRange<Duration> = ServerTuning().timerTick
    ) -> Int {
        let tick = min(
            max(min(timeouts.request, timeouts.idle, timeouts.linger) / 4, bounds.lowerBound),
            bounds.upperBound)
        let milliseconds =
            tick.components.seconds * 1000 + tick.components.attoseconds / 1_000_000_000_000_000
        return Int(max(milliseconds, 1))
    }

    /// Calls `body` with the context, without retaining it or copying what `body` reads.
    ///
    /// Both loops' threads answer with one context, so its reference count and those of the
    /// responder and vocabulary it holds sit on cache lines both cores write: a retain and
    /// release around each read (what reading `context.responder` through `self` compiles to)
    /// moves those lines between the cores on every request. The loop holds the context for
    /// as long as it runs, so a borrowed reference is safe for any call on its queue.
    @inline(__always)
    func withContext<Result>(_ body: (ServerContext) -> Result) -> Result {
        unretainedContext._withUnsafeGuaranteedRef(body)
    }

    /// Traps in debug builds when called off the loop's queue: everything but `init` and
    /// ``start()`` belongs to it.
    @inline(__always)
    func assertOnQueue() {
        #if DEBUG
            dispatchPrecondition(condition: .onQueue(queue))
        #endif
    }
}
