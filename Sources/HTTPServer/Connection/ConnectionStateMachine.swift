/// The life of one connection as a pure value: events in, decisions out, no I/O and no
/// clock of its own (every call is given `now`).
///
/// It owns the request parser and decides keep-alive (RFC 9112 §9.3), when a connection
/// closes, and every timeout: a request that does not arrive in time (408, slowloris), an
/// idle keep-alive connection, a client that stops reading, and the lingering close after
/// the last response (RFC 9112 §9.6). ``Connection`` performs what it decides; the tests
/// drive it with made-up instants.
struct ConnectionStateMachine {
    typealias Instant = MonotonicInstant

    /// How long things may take.
    struct Timeouts: Equatable {
        /// From the first byte of a request until it is complete (head and any content).
        var request: Duration
        /// How long a keep-alive connection may sit idle, and how long a blocked write may
        /// make no progress.
        var idle: Duration
        /// How long to keep reading (and discarding) after the last response, before closing.
        var linger: Duration
    }

    /// Where the connection is in its life.
    enum Phase: Equatable {
        /// Reading and answering requests.
        case open
        /// The last response is queued; once it is written the connection closes.
        case closingAfterOutput
        /// The last response was written and the write side shut down; input is read and
        /// dropped until the client closes or the deadline passes. Closing with unread
        /// input would make the kernel send RST, which can destroy the response before the
        /// client has read it (RFC 9112 §9.6).
        case lingering(until: Instant)
        /// Done; the descriptor is to be closed.
        case closed
    }

    /// What to do with buffered input.
    enum Step {
        /// Answer this request; the response carries this `Connection` field.
        case respond(HTTPRequest, ResponseSerializer.ConnectionField)
        /// Answer this parse error, then close.
        case reject(ParseError)
        /// Send `100 Continue`: the client waits for it before sending the content.
        case sendContinue
        /// Nothing to answer until more bytes arrive.
        case wait
    }

    /// What to do once every queued byte has been written.
    enum AfterOutput: Equatable {
        /// Keep reading requests.
        case keepReading
        /// Shut down the write side and keep reading to drain (``Phase/lingering(until:)``).
        case linger
        /// Close now.
        case close
    }

    /// What a timer tick found.
    enum TimerAction: Equatable {
        case none
        /// The request did not complete in time: answer 408, then close.
        case requestTimedOut
        /// Close now, without a response.
        case close
    }

    private(set) var phase: Phase = .open
    private(set) var parser: RequestParser
    let timeouts: Timeouts

    /// When the first byte of the request in progress arrived.
    private var requestStartedAt: Instant?
    /// When the connection last became idle (nothing buffered, nothing to write).
    private var idleSince: Instant
    /// Whether bytes are queued that could not be written yet, and when a write last moved.
    private var isOutputPending = false
    private var lastOutputProgress: Instant
    /// The client has closed its side: answer what is buffered, then close.
    private(set) var hasInputEnded = false
    /// The server is shutting down: answer what is in flight with `Connection: close`.
    private(set) var isShuttingDown = false
    /// `100 Continue` was sent for the request being read.
    private var hasSentContinue = false

    init(limits: ParserLimits, timeouts: Timeouts, now: Instant) {
        parser = RequestParser(limits: limits)
        self.timeouts = timeouts
        idleSince = now
        lastOutputProgress = now
    }

    /// Bytes arrived. Ignored unless requests are still being read.
    mutating func received(_ bytes: UnsafeRawBufferPointer, now: Instant) {
        guard case .open = phase, !bytes.isEmpty else { return }
        parser.append(bytes)
        if requestStartedAt == nil, parser.hasPartialRequest { requestStartedAt = now }
    }

    /// The client closed its side (read returned 0).
    mutating func inputEnded() {
        hasInputEnded = true
    }

    /// The next request to answer, if a complete one is buffered.
    mutating func nextStep(now: Instant) -> Step {
        guard case .open = phase else { return .wait }
        switch parser.next() {
        case .needMoreData:
            // Only reached once every earlier response is queued, so the interim response
            // goes out in order (RFC 9110 §15.2: any number of 1xx may precede the final one).
            if parser.awaitsContinue, !hasSentContinue {
                hasSentContinue = true
                return .sendContinue
            }
            return .wait
        case .failure(let error):
            phase = .closingAfterOutput
            requestStartedAt = nil
            return .reject(error)
        case .request(let request):
            hasSentContinue = false
            // A pipelined request may already be partly here; its clock starts now.
            requestStartedAt = parser.hasPartialRequest ? now : nil
            if !request.wantsKeepAlive || isShuttingDown || hasInputEnded && !parser.hasPartialRequest {
                phase = .closingAfterOutput
                return .respond(request, .close)
            }
            return .respond(request, request.version == .http1_0 ? .keepAlive : .none)
        }
    }

    /// The response just queued asked to close the connection (`Connection: close`).
    mutating func closeAfterOutput() {
        if case .open = phase { phase = .closingAfterOutput }
    }

    /// Refuse the connection: the one response queued (503) is the last.
    mutating func reject() {
        phase = .closingAfterOutput
    }

    /// Some queued bytes could not be written; the rest waits for the socket.
    mutating func outputBlocked(now: Instant) {
        if !isOutputPending { lastOutputProgress = now }
        isOutputPending = true
    }

    /// A write moved some bytes.
    mutating func outputProgressed(now: Instant) {
        lastOutputProgress = now
    }

    /// Everything queued has been written (or nothing was queued): what next.
    mutating func outputDrained(now: Instant) -> AfterOutput {
        isOutputPending = false
        switch phase {
        case .open:
            if hasInputEnded || isShuttingDown && !parser.hasPartialRequest {
                phase = .closed
                return .close
            }
            if !parser.hasPartialRequest { idleSince = now }
            return .keepReading
        case .closingAfterOutput:
            if hasInputEnded {
                phase = .closed
                return .close
            }
            phase = .lingering(until: now + timeouts.linger)
            return .linger
        case .lingering:
            return .keepReading
        case .closed:
            return .close
        }
    }

    /// A periodic check of the deadlines.
    mutating func timerFired(now: Instant) -> TimerAction {
        switch phase {
        case .open:
            if isOutputPending {
                // A client that stops reading holds buffers; give it the idle timeout.
                return now - lastOutputProgress >= timeouts.idle ? close() : .none
            }
            if let started = requestStartedAt ?? (parser.hasPartialRequest ? idleSince : nil) {
                if now - started >= timeouts.request {
                    phase = .closingAfterOutput
                    requestStartedAt = nil
                    return .requestTimedOut
                }
                return .none
            }
            return now - idleSince >= timeouts.idle ? close() : .none
        case .closingAfterOutput:
            return isOutputPending && now - lastOutputProgress >= timeouts.idle ? close() : .none
        case .lingering(let deadline):
            return now >= deadline ? close() : .none
        case .closed:
            return .close
        }
    }

    /// The server begins a graceful shutdown: close now if nothing is in flight, otherwise
    /// finish the request in progress and close after its response.
    mutating func beginShutdown() -> TimerAction {
        isShuttingDown = true
        switch phase {
        case .open where !isOutputPending && !parser.hasPartialRequest:
            return close()
        case .lingering, .closed:
            return close()
        default:
            return .none
        }
    }

    private mutating func close() -> TimerAction {
        phase = .closed
        return .close
    }
}
