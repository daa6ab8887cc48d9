import Synchronization

/// What every event loop and the acceptor share: immutable settings, the responder, and
/// the one counter they all update.
final class ServerContext: Sendable {
    /// Answers every parsed request: the server's replaceable slot, a final class, so a
    /// request calls it directly rather than through an existential copy.
    let responder: ResponderSlot
    /// The parser's limits.
    let parserLimits: ParserLimits
    /// The connection timeouts.
    let timeouts: ConnectionStateMachine.Timeouts
    /// Beyond this many open connections, new ones are answered 503.
    let maxConnections: Int
    /// Beyond ``maxConnections`` plus this many, new connections are closed at once.
    let rejectionAllowance: Int
    /// Responses to pipelined requests are made until this many bytes wait to be written.
    let maxPendingOutput: Int
    /// The words of the server's own problems.
    let problems: ProblemVocabulary
    /// The 503 for connections beyond the cap, prepared once: it names no instance (no
    /// request was read), and an overloaded server should not render anything per refusal.
    let serviceUnavailable: PreparedResponse
    /// ``ServerConfiguration/responseHeaders``, which every loop bakes into its field lines.
    let responseHeaders: HTTPFields
    /// Buffer sizes, batch sizes and timer bounds.
    let tuning: ServerTuning
    /// The access log, or `nil` when disabled.
    let accessLog: AccessLog?
    /// Open connections, counted by the acceptor (+1) and the loops (-1). An atomic, not a
    /// lock: it is touched once per connection, from several queues.
    let openConnections = Atomic<Int>(0)
    /// Connections closed at once, beyond the cap and the rejection allowance (by the
    /// acceptor: rare, so an atomic).
    let closedAtOnce = Atomic<Int>(0)

    init(configuration: ServerConfiguration, responder: ResponderSlot, accessLog: AccessLog?) {
        self.responder = responder
        let limits = configuration.limits
        parserLimits = limits.parser
        timeouts = ConnectionStateMachine.Timeouts(
            request: limits.requestHeadTimeout, idle: limits.idleTimeout,
            linger: min(limits.lingerTimeout, limits.idleTimeout))
        maxConnections = limits.maxConnections
        rejectionAllowance = limits.rejectionAllowance
        maxPendingOutput = limits.maxPendingOutput
        problems = configuration.problems
        serviceUnavailable = configuration.problems.details(.serviceUnavailable, instance: nil)
            .preparedResponse(headers: ["Retry-After": "1"])
        responseHeaders = configuration.responseHeaders
        tuning = configuration.tuning
        self.accessLog = accessLog
    }
}
