import Glibc

/// One client connection: performs what its ``ConnectionStateMachine`` decides, and answers
/// each request with what the ``ResponsePipeline`` makes of the responder's response.
///
/// Owned by exactly one ``EventLoop`` and only ever touched on that loop's queue (debug
/// builds check it), so it needs no lock and is marked unavailable as `Sendable`.
///
/// The hot path touches these properties several times per request, so they opt out of the
/// run-time exclusivity checks (`@exclusivity(unchecked)`), which are pure overhead here:
/// only the loop's queue ever runs this code, one call at a time. `loop` is `unowned(unsafe)`
/// for the same reason: the loop owns its connections and outlives every one of them.
final class Connection {
    let descriptor: Int32
    /// The peer, for the access log.
    let client: ClientAddress
    private unowned(unsafe) let loop: EventLoop
    @exclusivity(unchecked) private var machine: ConnectionStateMachine
    @exclusivity(unchecked) private var outbound: OutboundQueue
    /// What epoll watches this descriptor for.
    @exclusivity(unchecked) private(set) var interest: Epoll.Interest = .read
    @exclusivity(unchecked) private(set) var isClosed = false

    init(descriptor: Int32, client: ClientAddress, loop: EventLoop) {
        self.descriptor = descriptor
        self.client = client
        self.loop = loop
        machine = ConnectionStateMachine(
            limits: loop.context.parserLimits, timeouts: loop.context.timeouts, now: loop.now)
        outbound = OutboundQueue(tuning: loop.context.tuning)
    }

    /// The descriptor is readable (or hung up).
    func readable() {
        loop.assertOnQueue()
        switch machine.phase {
        case .open:
            let count = Socket.read(descriptor, into: loop.readBuffer)
            if count > 0 {
                machine.received(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count]), now: loop.now)
                service()
            } else if count == 0 {
                machine.inputEnded()
                service()
            } else if errno != EAGAIN, errno != EWOULDBLOCK {
                // ECONNRESET and friends: this connection only.
                loop.close(self)
            }
        case .lingering:
            // Drain and drop until the client closes (see Phase.lingering).
            let count = Socket.read(descriptor, into: loop.readBuffer)
            if count == 0 || count < 0 && errno != EAGAIN && errno != EWOULDBLOCK {
                loop.close(self)
            }
        case .closingAfterOutput:
            break
        case .closed:
            loop.close(self)
        }
    }

    /// The descriptor is writable again after a blocked write.
    func writable() {
        loop.assertOnQueue()
        guard flush() else { return }
        if outbound.isEmpty { service() }
    }

    /// A timer tick: check the deadlines.
    func timerFired() {
        switch machine.timerFired(now: loop.now) {
        case .none:
            break
        case .close:
            loop.close(self)
        case .requestTimedOut:
            if let metrics = loop.metrics { metrics.add(1, at: metrics.layout.requestTimeouts) }
            queue(.requestTimeout, instance: machine.parser.pathInProgress)
            service()
        }
    }

    /// The server is shutting down.
    func beginShutdown() {
        if machine.beginShutdown() == .close { loop.close(self) }
    }

    /// Answer 503 and close: the server is at its connection limit.
    func reject() {
        machine.reject()
        queue(HTTPResponse(prepared: loop.context.serviceUnavailable))
        service()
    }

    /// Marks the connection closed; the loop closes the descriptor.
    func markClosed() {
        isClosed = true
    }

    // MARK: - Work

    /// Answers buffered requests, writes, and decides what to wait for next.
    private func service() {
        while !isClosed {
            answerBufferedRequests()
            if !outbound.isEmpty {
                guard flush() else { return }
                if !outbound.isEmpty {
                    // Back-pressure: stop reading until the client reads what it asked for.
                    setInterest(.write)
                    return
                }
                continue
            }
            switch machine.outputDrained(now: loop.now) {
            case .keepReading:
                setInterest(.read)
            case .linger:
                shutdown(descriptor, Int32(SHUT_WR))
                setInterest(.read)
            case .close:
                loop.close(self)
            }
            return
        }
    }

    private func answerBufferedRequests() {
        let highWaterMark = loop.withContext { $0.maxPendingOutput }
        while outbound.pendingByteCount < highWaterMark {
            switch machine.nextStep(now: loop.now) {
            case .wait:
                return
            case .respond(let request, let connection):
                answer(request, connection: connection)
            case .reject(let error):
                if let metrics = loop.metrics {
                    metrics.add(1, at: metrics.layout.parseErrorIndex(error.kind))
                }
                queue(.malformedRequest(error.kind), instance: machine.parser.pathInProgress)
            case .sendContinue:
                outbound.appendBytes(ResponseSerializer.continueResponse)
            }
        }
    }

    private func answer(_ request: HTTPRequest, connection: ResponseSerializer.ConnectionField) {
        let outcome = loop.withContext { context in
            ResponsePipeline.respond(
                to: request, responder: context.responder, problems: context.problems,
                dynamicCompressionThreshold: context.tuning.dynamicCompressionThreshold,
                keepAlive: connection != .close)
        }
        var connection = connection
        if outcome.closesConnection {
            connection = .close
            machine.closeAfterOutput()
        }
        let framing = ResponseSerializer.Framing(
            connection: connection, headOnly: outcome.headOnly, notModified: outcome.notModified)
        let bytes = ResponseSerializer.append(
            outcome.response, framing: framing, fieldLines: loop.fieldLines.bytes, images: &loop.wireImages,
            to: &outbound)
        let metrics = loop.metrics
        guard metrics != nil || loop.logsRequests else { return }
        // One clock read, shared by the histogram and the log: from the start of the batch
        // that read the request, which is what the client waited for.
        let nanoseconds = MonotonicInstant.now.nanoseconds - loop.now.nanoseconds
        let status = outcome.notModified ? 304 : outcome.response.status.code
        metrics?.recordRequest(
            method: request.method, route: outcome.response.route, status: status, nanoseconds: nanoseconds)
        if loop.logsRequests {
            loop.logRequest(
                client: client, method: request.method.rawValue, target: request.target, status: status,
                bytes: bytes, microseconds: nanoseconds / 1000)
        }
    }

    /// Queues one of the server's own problems that ends the connection: there is no request
    /// to answer (a parse error) or it did not arrive (a timeout). `instance` is the path of
    /// the request in progress, if its request line was read.
    private func queue(_ problem: ServerProblem, instance: String?) {
        queue(ResponsePipeline.render(problem, instance: instance, problems: loop.context.problems))
    }

    /// Queues a response the server makes itself, the last on the connection.
    private func queue(_ response: HTTPResponse) {
        let framing = ResponseSerializer.Framing(connection: .close, headOnly: false, notModified: false)
        let bytes = ResponseSerializer.append(
            response, framing: framing, fieldLines: loop.fieldLines.bytes, to: &outbound)
        if loop.logsRequests {
            loop.logRequest(
                client: client, method: "-", target: "-", status: response.status.code, bytes: bytes,
                microseconds: 0)
        }
    }

    /// Writes as much as the socket takes. Returns `false` when the connection was closed.
    private func flush() -> Bool {
        while !outbound.isEmpty {
            let written = outbound.withNextWrite(loop.ioVectors) { write in
                switch write {
                case .vectors(let vectors, let moreFollows):
                    return Socket.write(descriptor, vectors, moreFollows: moreFollows)
                case .file(let file, let offset, let count):
                    return Socket.sendFile(descriptor, from: file, offset: offset, count: count)
                }
            }
            if written > 0 {
                outbound.consume(written)
                if let metrics = loop.metrics { metrics.add(written, at: metrics.layout.bytesWritten) }
                machine.outputProgressed(now: loop.now)
            } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                machine.outputBlocked(now: loop.now)
                return true
            } else {
                // EPIPE, ECONNRESET: the client is gone.
                loop.close(self)
                return false
            }
        }
        return true
    }

    private func setInterest(_ wanted: Epoll.Interest) {
        guard wanted != interest, !isClosed else { return }
        interest = wanted
        if !loop.epoll.modify(descriptor, interest: wanted) { loop.close(self) }
    }
}

@available(*, unavailable, message: "a connection is touched only on its event loop's queue")
extension Connection: Sendable {}
