import Dispatch
import Glibc

/// Accepts connections on the listening socket and deals them out to the event loops.
///
/// A Dispatch read source on the listening socket wakes it; it accepts until `EAGAIN` and
/// hands each socket round-robin to a loop. Beyond the connection limit a socket still goes
/// to a loop, which answers 503 and closes (a clean refusal, not a reset); beyond the limit
/// plus ``ServerLimits/rejectionAllowance`` it is closed at once.
///
/// `@unchecked Sendable` is sound because its mutable state is only touched on `queue`.
final class Acceptor: @unchecked Sendable {
    private let queue = DispatchQueue(label: "http.acceptor")
    private let listener: Int32
    private let loops: [EventLoop]
    private let context: ServerContext
    private var source: DispatchSourceRead?
    private var nextLoop = 0
    private var isSuspended = false
    private var isStopped = false

    init(listener: Int32, loops: [EventLoop], context: ServerContext) {
        self.listener = listener
        self.loops = loops
        self.context = context
    }

    /// Starts accepting; `onStop` runs once the listening socket is closed.
    func start(onStop: @escaping @Sendable () -> Void) {
        queue.async { [self] in
            let source = DispatchSource.makeReadSource(fileDescriptor: listener, queue: queue)
            source.setEventHandler { @Sendable [self] in acceptPending() }
            source.setCancelHandler { @Sendable [listener] in
                close(listener)
                onStop()
            }
            self.source = source
            source.resume()
        }
    }

    /// Stops accepting and closes the listening socket.
    func stop() {
        queue.async { [self] in
            guard !isStopped, let source else { return }
            isStopped = true
            // A suspended source must be resumed before it is cancelled.
            if isSuspended {
                isSuspended = false
                source.resume()
            }
            source.cancel()
        }
    }

    private func acceptPending() {
        while !isStopped {
            guard let (descriptor, client) = Socket.accept(listener) else {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: the socket stays readable, so back off instead of
                    // spinning; connections wait in the backlog meanwhile.
                    pause()
                    return
                default:
                    return
                }
            }
            let open = context.openConnections.add(1, ordering: .relaxed).newValue
            if open > context.maxConnections + context.rejectionAllowance {
                close(descriptor)
                context.openConnections.subtract(1, ordering: .relaxed)
                context.closedAtOnce.add(1, ordering: .relaxed)
                continue
            }
            let loop = loops[nextLoop]
            nextLoop = (nextLoop + 1) % loops.count
            let rejecting = open > context.maxConnections
            loop.queue.async { loop.adopt(descriptor, client: client, rejecting: rejecting) }
        }
    }

    private func pause() {
        guard let source, !isSuspended else { return }
        isSuspended = true
        source.suspend()
        let delay = context.tuning.acceptRetryDelay
        let nanoseconds =
            delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        queue.asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { @Sendable [self] in
            guard isSuspended, !isStopped, let source = self.source else { return }
            isSuspended = false
            source.resume()
        }
    }
}
