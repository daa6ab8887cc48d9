import Dispatch
import Synchronization

/// The responder a server answers with, replaceable while it serves (a reload).
///
/// A request reads the current responder with one acquiring atomic load and calls it through
/// an unretained reference: no lock and no reference counting per request. That is only safe
/// while the responder read cannot be freed, so a replaced responder is released only after
/// every event loop's serial queue has run a block submitted after the exchange: any call
/// that loaded the old reference has returned by then, and what it returned holds its own
/// strong references (prepared responses, their storage, wire images).
final class ResponderSlot: HTTPResponder, Sendable {
    private final class Box: Sendable {
        let responder: any HTTPResponder
        init(_ responder: any HTTPResponder) { self.responder = responder }
    }

    private let current: Atomic<Unmanaged<Box>>
    /// The queues that call ``respond(to:)`` (the event loops'), set when the server starts.
    private let readers = Mutex<[DispatchQueue]>([])

    init(_ responder: any HTTPResponder) {
        current = Atomic(Unmanaged.passRetained(Box(responder)))
    }

    deinit {
        current.load(ordering: .acquiring).release()
    }

    /// Names the queues that read the slot; call before any of them can.
    func setReaders(_ queues: [DispatchQueue]) {
        readers.withLock { $0 = queues }
    }

    /// Answers with the current responder.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        current.load(ordering: .acquiring)._withUnsafeGuaranteedRef { $0.responder.respond(to: request) }
    }

    /// Makes `responder` the one every later request is answered by; the old one is released
    /// once no reader can still be using it.
    func replace(with responder: any HTTPResponder) {
        readers.withLock { queues in
            let old = current.exchange(
                Unmanaged.passRetained(Box(responder)), ordering: .acquiringAndReleasing)
            let passed = DispatchGroup()
            for queue in queues {
                passed.enter()
                queue.async { passed.leave() }
            }
            passed.notify(queue: .global(qos: .utility)) { old.release() }
        }
    }
}
