import Synchronization

/// What every event loop and the acceptor share: immutable settings, the responder, and
/// the one counter they all update.
final class ServerContext: Sendable {
    /// Answers every parsed request.
    let responder: any HTTPResponder
    /// The parser's limits.
    let parserLimits: ParserLimits
    /// The connection timeouts.
    let timeouts: ConnectionStateMachine.Timeouts
    /// Beyond this many open connections, new ones are answered 503.
    let maxConnections: Int
    /// The responses the server makes itself, prepared once with
    /// ``ServerConfiguration/ownResponseHeaders``.
    let problems: ServerProblems
    /// The access log, or `nil` when disabled.
    let accessLog: AccessLog?
    /// Open connections, counted by the acceptor (+1) and the loops (-1). An atomic, not a
    /// lock: it is touched once per connection, from several queues.
    let openConnections = Atomic<Int>(0)

    /// How many connections may be held open beyond `maxConnections` just to answer them
    /// 503; beyond that they are closed at once.
    static let rejectionAllowance = 1024

    init(configuration: ServerConfiguration, responder: any HTTPResponder, accessLog: AccessLog?) {
        self.responder = responder
        parserLimits = configuration.limits.parser
        timeouts = ConnectionStateMachine.Timeouts(
            request: configuration.limits.requestHeadTimeout, idle: configuration.limits.idleTimeout,
            linger: min(.seconds(2), configuration.limits.idleTimeout))
        maxConnections = configuration.limits.maxConnections
        self.accessLog = accessLog
        problems = ServerProblems(extraHeaders: configuration.ownResponseHeaders)
    }
}
