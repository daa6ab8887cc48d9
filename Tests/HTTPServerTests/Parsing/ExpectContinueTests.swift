import Testing

@testable import HTTPServer

/// `Expect: 100-continue` (RFC 9110 §10.1.1) in the parser and the connection state machine:
/// when the client is waiting, and that the interim response is asked for once per request.
@Suite("Expect: 100-continue")
struct ExpectContinueTests {
    func parser(after text: String) -> RequestParser {
        var parser = RequestParser()
        parser.append(contentsOf: Array(text.utf8))
        if case .request = parser.next() { Issue.record("the request should still wait for content") }
        return parser
    }

    @Test("a head with Expect: 100-continue and content to come awaits 100 Continue")
    func awaitsAfterHead() {
        let parser = parser(
            after: "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
        #expect(parser.awaitsContinue)
    }

    @Test(
        "the expectation token is matched case-insensitively, also in a list and for chunked content",
        arguments: [
            "Expect: 100-Continue\r\nContent-Length: 3",
            "Expect: foo, 100-continue\r\nContent-Length: 3",
            "Expect: 100-continue\r\nTransfer-Encoding: chunked",
        ])
    func variants(fields: String) {
        #expect(parser(after: "POST /echo HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\r\n").awaitsContinue)
    }

    @Test(
        "no interim response without the expectation, for HTTP/1.0 (which must ignore it), or once content came",
        arguments: [
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\nContent-Length: 3\r\n\r\n",
            "POST /echo HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\na",
            "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n1",
        ])
    func notAwaiting(text: String) {
        #expect(!parser(after: text).awaitsContinue)
    }

    @Test("content arriving later ends the wait, and the next request starts afresh")
    func resets() {
        var parser = parser(
            after: "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
        parser.append(contentsOf: Array("ab".utf8))
        #expect(!parser.awaitsContinue)
        parser.append(contentsOf: Array("c".utf8))
        guard case .request(let request) = parser.next() else {
            Issue.record("expected the request")
            return
        }
        #expect(request.body == Array("abc".utf8))
        parser.append(contentsOf: Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\n".utf8))
        _ = parser.next()
        #expect(!parser.awaitsContinue)
    }

    @Test("a request without content never waits, whatever it expects")
    func noContent() {
        var parser = RequestParser()
        parser.append(contentsOf: Array("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n".utf8))
        guard case .request = parser.next() else {
            Issue.record("expected the request")
            return
        }
        #expect(!parser.awaitsContinue)
    }

    @Test("the state machine asks for 100 Continue once per request, then waits for the content")
    func onceInTheStateMachine() {
        let now = MonotonicInstant.now
        var machine = ConnectionStateMachine(
            limits: ParserLimits(),
            timeouts: .init(request: .seconds(10), idle: .seconds(15), linger: .seconds(2)), now: now)
        func receive(_ text: String) {
            Array(text.utf8).withUnsafeBytes { machine.received($0, now: now) }
        }
        let head = "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"
        receive(head)
        guard case .sendContinue = machine.nextStep(now: now) else {
            Issue.record("expected 100 Continue")
            return
        }
        guard case .wait = machine.nextStep(now: now) else {
            Issue.record("expected to wait for the content")
            return
        }
        receive("ok" + head)
        guard case .respond(let request, _) = machine.nextStep(now: now) else {
            Issue.record("expected the first request")
            return
        }
        #expect(request.body == Array("ok".utf8))
        guard case .sendContinue = machine.nextStep(now: now) else {
            Issue.record("expected 100 Continue for the second request")
            return
        }
    }
}
