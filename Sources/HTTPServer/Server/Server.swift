import Dispatch
import Glibc
import Synchronization

/// An HTTP/1.1 server: a listening socket, an acceptor, and ``ServerConfiguration/eventLoopCount``
/// event loops answering requests with one responder.
///
/// Each start makes the server's body file (a memfd its loops put whole-response wire images
/// in, to send them with one `sendfile`) and hands it to the loops; nothing is global, so
/// several servers in one process (the tests) share nothing.
///
/// ```swift
/// let server = Server(configuration: ServerConfiguration(port: 0), responder: router)
/// let port = try server.start()
/// // ...
/// server.shutdown()
/// server.wait()
/// ```
public final class Server: Sendable {
    private enum State {
        case idle
        case running(Running)
        case stopping(port: Int)
        case stopped
    }

    private struct Running {
        let acceptor: Acceptor
        let loops: [EventLoop]
        let port: Int
    }

    private let configuration: ServerConfiguration
    /// The responder, replaceable while serving (``replaceResponder(with:)``).
    private let responder: ResponderSlot
    private let state = Mutex<State>(.idle)
    /// Entered once by `start`, left when everything has stopped; `wait` waits on it.
    private let finished = DispatchGroup()

    /// Creates a server; nothing happens until ``start()``.
    public init(configuration: ServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = ResponderSlot(responder)
    }

    /// Answers every later request with `responder` (a reload): requests already answered,
    /// responses still being written and keep-alive connections carry on; the old responder
    /// is released once no event loop can still be calling it (see ``ResponderSlot``).
    public func replaceResponder(with responder: any HTTPResponder) {
        self.responder.replace(with: responder)
    }

    /// The port the server listens on, once started.
    public var port: Int? {
        state.withLock { state in
            switch state {
            case .running(let running): return running.port
            case .stopping(let port): return port
            case .idle, .stopped: return nil
            }
        }
    }

    /// Binds, listens and starts serving; returns the bound port (useful with port 0).
    /// Also sets SIGPIPE to ignored for the process: a write to a vanished client must fail
    /// with `EPIPE`, never kill the server.
    @discardableResult
    public func start() throws(ServerError) -> Int {
        try state.withLock { current throws(ServerError) -> Int in
            guard case .idle = current else {
                throw ServerError(
                    operation: "start", code: EALREADY, message: "the server was already started")
            }
            signal(SIGPIPE, SIG_IGN)
            let (listener, port) = try Socket.listen(
                host: configuration.host, port: configuration.port,
                backlog: Int32(clamping: configuration.tuning.listenBacklog))
            let accessLog =
                configuration.accessLog
                ? AccessLog(
                    format: configuration.accessLogFormat, capacity: configuration.tuning.accessLogCapacity)
                : nil
            let context = ServerContext(
                configuration: configuration, responder: responder, accessLog: accessLog)
            let bodyFile = BodyFile.make()
            let parts = DispatchGroup()
            var loops: [EventLoop] = []
            do throws(ServerError) {
                for index in 0..<max(configuration.eventLoopCount, 1) {
                    parts.enter()
                    loops.append(
                        try EventLoop(
                            index: index, context: context, bodyFile: bodyFile,
                            metrics: configuration.metrics.map { LoopMetrics(layout: $0.layout) },
                            onStop: { parts.leave() }))
                }
            } catch {
                close(listener)
                for loop in loops { close(loop.epoll.descriptor) }
                accessLog?.stop()
                throw error
            }
            configuration.metrics?.register(loops: loops.compactMap(\.metrics), context: context)
            responder.setReaders(loops.map(\.queue))
            let acceptor = Acceptor(listener: listener, loops: loops, context: context)
            finished.enter()
            parts.enter()
            parts.notify(queue: .global()) { @Sendable [self] in
                accessLog?.stop()
                state.withLock { $0 = .stopped }
                finished.leave()
            }
            for loop in loops { loop.start() }
            acceptor.start(onStop: { parts.leave() })
            current = .running(Running(acceptor: acceptor, loops: loops, port: port))
            return port
        }
    }

    /// Begins a graceful shutdown and returns at once: the listening socket closes, idle
    /// connections close, requests in flight are answered (with `Connection: close`), and
    /// whatever is still open after ``ServerConfiguration/shutdownGracePeriod`` is closed.
    /// ``wait()`` returns when all of that is done.
    public func shutdown() {
        let running = state.withLock { state -> Running? in
            guard case .running(let running) = state else { return nil }
            state = .stopping(port: running.port)
            return running
        }
        guard let running else { return }
        running.acceptor.stop()
        let gracePeriod = configuration.shutdownGracePeriod
        for loop in running.loops {
            loop.queue.async { loop.beginShutdown(gracePeriod: gracePeriod) }
        }
    }

    /// Blocks the calling thread until the server has stopped (returns at once if it was
    /// never started). Call it from the main thread or a test, never from an event loop.
    public func wait() {
        finished.wait()
    }
}
