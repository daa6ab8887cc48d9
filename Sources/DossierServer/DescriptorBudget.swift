import HTTPServer

/// How many file descriptors `serve` needs for a connection cap, and the cap that fits a
/// given open-file limit.
///
/// Every connection is a socket, and so is every connection beyond the cap until it has been
/// answered 503. If the process may not open that many, `accept` fails with `EMFILE` first:
/// new clients then wait in the listen backlog with no answer at all, health checks included,
/// while the cap promises a 503. So the cap must leave room for the rejections and for the
/// descriptors the server holds whatever its connections; ``fitting(connections:eventLoops:limit:)``
/// lowers it until it does.
struct DescriptorBudget: Equatable, CustomStringConvertible {
    /// The descriptors held whatever the connections (``fixed(eventLoops:)``).
    let fixed: Int
    /// The connection cap (`ServerLimits.maxConnections`).
    let connections: Int
    /// Descriptors left for connections beyond the cap while they are answered 503.
    let rejections: Int

    /// Every descriptor the budget needs.
    var total: Int { fixed + connections + rejections }

    var description: String {
        "\(connections) connections + \(rejections) held for 503 answers + \(fixed) for the server itself"
    }

    // The parts of `fixed`, as the running server holds them (a test compares the sum with
    // /proc/self/fd of the real process).

    /// Standard input, output and error.
    static let standardStreams = 3
    /// The listening socket.
    static let listeners = 1
    /// The memfd that holds the large prepared bodies (`BodyFile`).
    static let bodyFiles = 1
    /// libdispatch's own: its epoll instance, the eventfd that wakes it, and a timerfd per
    /// clock it arms (wall, uptime, monotonic).
    static let dispatchDescriptors = 2 + 3
    /// One signalfd per signal source: SIGTERM and SIGINT, and one for a reload signal.
    static let signalDescriptors = 3
    /// Files opened for a moment while serving (a data file being re-read, a system file
    /// Foundation reads); loading at start-up happens before any connection.
    static let transient = 16
    /// At most this many connections beyond the cap are held open to be answered 503 (the
    /// HTTP layer's ``ServerLimits/rejectionAllowance``); past it they are closed unanswered,
    /// so reserving more would buy nothing.
    static let rejectionAllowance = ServerLimits().rejectionAllowance

    /// The descriptors held whatever the connections, with `eventLoops` loops (each owns an
    /// epoll instance).
    static func fixed(eventLoops: Int) -> Int {
        standardStreams + listeners + max(eventLoops, 1) + bodyFiles + dispatchDescriptors
            + signalDescriptors + transient
    }

    /// The budget for the cap `connections` when `limit` descriptors are allowed: the cap
    /// itself if it fits with every rejection slot, else the largest cap that leaves a tenth
    /// of what remains after the fixed part for 503 answers (never below one connection).
    ///
    /// A tenth, because a rejected connection holds its descriptor only until its client has
    /// read the 503 and closed (at most the 2 s lingering close): a few slots answer a burst,
    /// and a client that finds them all busy waits in the backlog a moment and is answered
    /// when one frees, instead of forever.
    static func fitting(connections: Int, eventLoops: Int, limit: Int) -> DescriptorBudget {
        let fixed = fixed(eventLoops: eventLoops)
        let wanted = DescriptorBudget(fixed: fixed, connections: connections, rejections: rejectionAllowance)
        guard wanted.total > limit else { return wanted }
        let available = max(limit - fixed, 1)
        let rejections = min(rejectionAllowance, available / 10)
        return DescriptorBudget(
            fixed: fixed, connections: max(min(connections, available - rejections), 1),
            rejections: rejections)
    }
}
