import CEpoll
import Glibc

/// A thin wrapper over one epoll instance (epoll(7)).
///
/// Level-triggered on purpose: a connection is read once per readiness report, so one
/// busy client cannot starve the others in a batch, and nothing is lost if a handler stops
/// early. The price, an `epoll_ctl` when interest changes, is only paid when a write blocks
/// (EPOLLOUT on, EPOLLIN off for back-pressure) and when it drains.
struct Epoll {
    /// What a registered descriptor is watched for.
    enum Interest: Equatable {
        case read
        case write
        case none

        var events: UInt32 {
            switch self {
            case .read: return EPOLLIN.rawValue
            case .write: return EPOLLOUT.rawValue
            case .none: return 0
            }
        }
    }

    /// The epoll descriptor.
    let descriptor: Int32

    /// Creates an epoll instance (close-on-exec).
    static func make() throws(ServerError) -> Epoll {
        let descriptor = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard descriptor >= 0 else { throw ServerError(operation: "epoll_create1", code: errno) }
        return Epoll(descriptor: descriptor)
    }

    /// Starts watching `socket`; its descriptor is the event's data.
    func add(_ socket: Int32, interest: Interest) -> Bool {
        control(EPOLL_CTL_ADD, socket, interest)
    }

    /// Changes what `socket` is watched for.
    func modify(_ socket: Int32, interest: Interest) -> Bool {
        control(EPOLL_CTL_MOD, socket, interest)
    }

    /// Stops watching `socket` (before closing it, so a descriptor shared with a child
    /// process could never report events to this loop).
    func remove(_ socket: Int32) {
        _ = control(EPOLL_CTL_DEL, socket, .none)
    }

    /// Collects ready events without waiting (timeout 0: this runs on a Dispatch thread,
    /// which must never block).
    func poll(into events: UnsafeMutableBufferPointer<epoll_event>) -> Int {
        let count = epoll_wait(descriptor, events.baseAddress, Int32(events.count), 0)
        return max(Int(count), 0)
    }

    private func control(_ operation: Int32, _ socket: Int32, _ interest: Interest) -> Bool {
        var event = epoll_event()
        event.events = interest.events
        event.data.fd = socket
        return epoll_ctl(descriptor, operation, socket, &event) == 0
    }
}
