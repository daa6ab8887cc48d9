import Testing

@testable import HTTPServer

/// The connection state machine, driven with made-up instants: every timeout is tested
/// without waiting for it.
@Suite("Connection state machine")
struct ConnectionStateMachineTests {
    let start = MonotonicInstant.now
    let timeouts = ConnectionStateMachine.Timeouts(
        request: .seconds(10), idle: .seconds(15), linger: .seconds(2))

    func makeMachine() -> ConnectionStateMachine {
        ConnectionStateMachine(limits: ParserLimits(), timeouts: timeouts, now: start)
    }

    func at(_ seconds: Double) -> MonotonicInstant {
        start + .milliseconds(Int(seconds * 1000))
    }

    func receive(
        _ text: String, into machine: inout ConnectionStateMachine, at instant: MonotonicInstant
    ) {
        Array(text.utf8).withUnsafeBytes { machine.received($0, now: instant) }
    }

    /// Takes the next step, expecting a request, and returns its Connection field.
    func expectRequest(
        _ machine: inout ConnectionStateMachine, at instant: MonotonicInstant, path: String? = nil
    ) -> ResponseSerializer.ConnectionField? {
        guard case .respond(let request, let field) = machine.nextStep(now: instant) else {
            Issue.record("expected a request")
            return nil
        }
        if let path { #expect(request.path == path) }
        return field
    }

    @Test("an HTTP/1.1 request keeps the connection open and starts the idle clock after the response")
    func keepAliveThenIdleTimeout() {
        var machine = makeMachine()
        receive("GET / HTTP/1.1\r\nHost: a\r\n\r\n", into: &machine, at: at(1))
        #expect(expectRequest(&machine, at: at(1)) == ResponseSerializer.ConnectionField.none)
        guard case .wait = machine.nextStep(now: at(1)) else {
            Issue.record("expected nothing more")
            return
        }
        #expect(machine.outputDrained(now: at(2)) == .keepReading)
        #expect(machine.timerFired(now: at(16.9)) == .none)
        #expect(machine.timerFired(now: at(17)) == .close)
        #expect(machine.phase == .closed)
    }

    @Test("a new connection that sends nothing is closed after the idle timeout, without a 408")
    func silentConnectionIdlesOut() {
        var machine = makeMachine()
        #expect(machine.timerFired(now: at(14.9)) == .none)
        #expect(machine.timerFired(now: at(15)) == .close)
    }

    @Test("a request head that does not complete in time gets 408, then the connection closes")
    func slowlorisGets408() {
        var machine = makeMachine()
        receive("GET / HTTP/1.1\r\n", into: &machine, at: at(1))
        receive("Host: a\r\n", into: &machine, at: at(9))
        #expect(machine.timerFired(now: at(10.9)) == .none)
        #expect(machine.timerFired(now: at(11)) == .requestTimedOut)
        #expect(machine.phase == .closingAfterOutput)
        // Once the 408 is written: half-close and linger, then close.
        #expect(machine.outputDrained(now: at(11)) == .linger)
        #expect(machine.timerFired(now: at(12.9)) == .none)
        #expect(machine.timerFired(now: at(13)) == .close)
    }

    @Test("the request clock covers the body too")
    func slowBodyGets408() {
        var machine = makeMachine()
        receive("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc", into: &machine, at: at(0))
        guard case .wait = machine.nextStep(now: at(0)) else {
            Issue.record("the body is incomplete")
            return
        }
        #expect(machine.timerFired(now: at(10)) == .requestTimedOut)
    }

    @Test("the request clock restarts for each request of a keep-alive connection")
    func requestClockPerRequest() {
        var machine = makeMachine()
        receive("GET / HTTP/1.1\r\nHost: a\r\n\r\n", into: &machine, at: at(0))
        _ = expectRequest(&machine, at: at(0))
        #expect(machine.outputDrained(now: at(0)) == .keepReading)
        receive("GET / HT", into: &machine, at: at(8))
        #expect(machine.timerFired(now: at(17)) == .none)
        #expect(machine.timerFired(now: at(18)) == .requestTimedOut)
    }

    @Test("Connection: close ends the connection after the response, with a lingering close")
    func connectionClose() {
        var machine = makeMachine()
        receive(
            "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET /ignored HTTP/1.1\r\nHost: a\r\n\r\n",
            into: &machine, at: at(0))
        #expect(expectRequest(&machine, at: at(0)) == .close)
        guard case .wait = machine.nextStep(now: at(0)) else {
            Issue.record("nothing after Connection: close is answered")
            return
        }
        #expect(machine.outputDrained(now: at(0)) == .linger)
        guard case .lingering(let until) = machine.phase else {
            Issue.record("expected lingering")
            return
        }
        #expect(until == at(2))
    }

    @Test("HTTP/1.0 closes unless it asks for keep-alive, which the response then confirms")
    func http10() {
        var machine = makeMachine()
        receive(
            "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.0\r\n\r\n", into: &machine,
            at: at(0))
        #expect(expectRequest(&machine, at: at(0)) == .keepAlive)
        #expect(expectRequest(&machine, at: at(0)) == .close)
    }

    @Test("a parse error is answered, then the connection closes")
    func parseErrorCloses() {
        var machine = makeMachine()
        receive("GET / HTTP/1.1\r\n\r\n", into: &machine, at: at(0))
        guard case .reject(let error) = machine.nextStep(now: at(0)) else {
            Issue.record("expected a rejection")
            return
        }
        #expect(error == ParseError(.missingHost))
        #expect(machine.phase == .closingAfterOutput)
        receive("more bytes are dropped", into: &machine, at: at(0))
        #expect(!machine.parser.hasPartialRequest || machine.phase != .open)
    }

    @Test("when the client half-closes, buffered requests are answered, the last with close")
    func inputEndedAnswersBufferedRequests() {
        var machine = makeMachine()
        receive(
            "GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n", into: &machine, at: at(0))
        machine.inputEnded()
        #expect(expectRequest(&machine, at: at(0), path: "/a") == ResponseSerializer.ConnectionField.none)
        #expect(expectRequest(&machine, at: at(0), path: "/b") == .close)
        #expect(machine.outputDrained(now: at(0)) == .close)
    }

    @Test("a half-close with nothing buffered closes at once")
    func inputEndedWhenIdle() {
        var machine = makeMachine()
        machine.inputEnded()
        guard case .wait = machine.nextStep(now: at(0)) else {
            Issue.record("nothing to answer")
            return
        }
        #expect(machine.outputDrained(now: at(0)) == .close)
    }

    @Test("a client that stops reading is closed after the idle timeout without progress")
    func writeStall() {
        var machine = makeMachine()
        receive("GET / HTTP/1.1\r\nHost: a\r\n\r\n", into: &machine, at: at(0))
        _ = expectRequest(&machine, at: at(0))
        machine.outputBlocked(now: at(0))
        machine.outputProgressed(now: at(10))
        #expect(machine.timerFired(now: at(24.9)) == .none)
        #expect(machine.timerFired(now: at(25)) == .close)
    }

    @Test("shutdown closes an idle connection at once")
    func shutdownIdle() {
        var machine = makeMachine()
        #expect(machine.beginShutdown() == .close)
    }

    @Test("shutdown lets a request in progress finish, and its response closes the connection")
    func shutdownInFlight() {
        var machine = makeMachine()
        receive("GET / HTTP/1.1\r\nHo", into: &machine, at: at(0))
        #expect(machine.beginShutdown() == .none)
        receive("st: a\r\n\r\n", into: &machine, at: at(0.1))
        #expect(expectRequest(&machine, at: at(0.1)) == .close)
        #expect(machine.outputDrained(now: at(0.2)) == .linger)
    }

    @Test("shutdown waits for a response that is still being written")
    func shutdownWhileWriting() {
        var machine = makeMachine()
        receive("GET / HTTP/1.1\r\nHost: a\r\n\r\n", into: &machine, at: at(0))
        _ = expectRequest(&machine, at: at(0))
        machine.outputBlocked(now: at(0))
        #expect(machine.beginShutdown() == .none)
        #expect(machine.outputDrained(now: at(1)) == .close)
    }

    @Test("a rejected connection lingers after its one response")
    func rejected() {
        var machine = makeMachine()
        machine.reject()
        guard case .wait = machine.nextStep(now: at(0)) else {
            Issue.record("a rejected connection answers no request")
            return
        }
        #expect(machine.outputDrained(now: at(0)) == .linger)
    }
}
