import HTTPTestSupport
import Testing

@testable import HTTPServer

/// Every limit and timeout, configured small and short.
@Suite("Live server: limits and timeouts")
struct LimitTests {
    static let small = ServerLimits(
        parser: ParserLimits(
            maxRequestTargetLength: 64, maxHeaderSectionSize: 256, maxHeaderFieldCount: 5, maxBodySize: 1024),
        requestHeadTimeout: .milliseconds(200), idleTimeout: .milliseconds(300), maxConnections: 2)

    @Test("a target over the limit is 414 and closes")
    func targetTooLong() throws {
        try expectRefusal(get("/" + String(repeating: "a", count: 64)), status: 414, limits: Self.small)
        try withServer(limits: Self.small) { _, port in
            let client = try TestClient(port: port)
            client.send(get("/items/" + String(repeating: "a", count: 57)))
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test("a header section over the limit is 431 and closes")
    func headerSectionTooLarge() throws {
        try expectRefusal(
            get("/hello", "X-Big: \(String(repeating: "b", count: 300))\r\n"), status: 431, limits: Self.small
        )
    }

    @Test("more header fields than the limit is 431")
    func tooManyFields() throws {
        try expectRefusal(
            get("/hello", "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n"), status: 431, limits: Self.small)
    }

    @Test("a body over the limit is 413 and closes, even while the client keeps sending")
    func bodyTooLarge() throws {
        try withServer(limits: Self.small) { _, port in
            let client = try TestClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n\r\n")
            client.send([UInt8](repeating: 0x61, count: 50_000))
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose() != .stillOpen)
        }
        try expectRefusal(
            "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n", status: 413,
            limits: Self.small)
    }

    @Test("a request head that does not complete in time is 408 and closes (slowloris)")
    func requestTimeout() throws {
        try withServer(limits: Self.small) { _, port in
            let client = try TestClient(port: port)
            let started = ContinuousClock.now
            client.send("GET /hello HTTP/1.1\r\nHo")
            let response = try client.readResponse(timeout: .seconds(3))
            #expect(ContinuousClock.now - started >= .milliseconds(190))
            #expect(response.status == 408)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(client.waitForClose() == .closed(extraBytes: 0))
        }
    }

    @Test("a body that trickles in too slowly is 408 too")
    func slowBody() throws {
        try withServer(limits: Self.small) { _, port in
            let client = try TestClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse(timeout: .seconds(3)).status == 408)
        }
    }

    @Test("an idle keep-alive connection is closed after the idle timeout, not before")
    func idleTimeout() throws {
        try withServer(limits: Self.small) { _, port in
            let client = try TestClient(port: port)
            client.send(get("/hello"))
            #expect(try client.readResponse().status == 200)
            let idleSince = ContinuousClock.now
            #expect(client.waitForClose(timeout: .seconds(3)) == .closed(extraBytes: 0))
            #expect(ContinuousClock.now - idleSince >= .milliseconds(250))
        }
    }

    @Test("beyond the connection limit a client gets 503 and is closed; capacity returns")
    func maxConnections() throws {
        try withServer(limits: Self.small) { _, port in
            var holders: [TestClient] = []
            for _ in 0..<2 {
                let client = try TestClient(port: port)
                client.send(get("/hello"))
                #expect(try client.readResponse().status == 200)
                holders.append(client)
            }
            let extra = try TestClient(port: port)
            let refused = try extra.readResponse()
            #expect(refused.status == 503)
            #expect(refused.header("Retry-After") == "1")
            #expect(refused.header("Content-Type") == "application/problem+json")
            #expect(extra.waitForClose() == .closed(extraBytes: 0))

            holders.removeFirst()
            // The server sees the close asynchronously: retry until a slot is free.
            let deadline = ContinuousClock.now + .seconds(5)
            var status = 0
            while status != 200, ContinuousClock.now < deadline {
                let client = try TestClient(port: port)
                client.send(get("/hello"))
                status = (try? client.readResponse().status) ?? 0
            }
            #expect(status == 200)
        }
    }
}
