import Glibc
import HTTPTestSupport
import Testing

@testable import HTTPServer

@Suite("Live server: shutdown")
struct ShutdownTests {
    @Test("shutdown closes idle connections, finishes the request in flight, and stops")
    func graceful() throws {
        try withServer { server, port in
            let idle = try TestClient(port: port)
            idle.send(get("/hello"))
            #expect(try idle.readResponse().status == 200)
            let busy = try TestClient(port: port)
            busy.send("GET /hello HTTP/1.1\r\nHo")
            // The server must have read the partial head before shutting down: round-trip
            // another connection on every loop first.
            for _ in 0..<2 {
                let probe = try TestClient(port: port)
                probe.send(get("/hello", "Connection: close\r\n"))
                _ = try probe.readResponse()
            }

            server.shutdown()
            #expect(idle.waitForClose() == .closed(extraBytes: 0))
            busy.send("st: test\r\n\r\n")
            let response = try busy.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello")
            #expect(busy.waitForClose() == .closed(extraBytes: 0))
            busy.disconnect()
            let started = ContinuousClock.now
            server.wait()
            #expect(ContinuousClock.now - started < .seconds(1))
            #expect(throws: TestClient.Failure.self) { try TestClient(port: port) }
        }
    }

    @Test("a request that never completes is cut off at the end of the grace period")
    func gracePeriod() throws {
        try withServer(gracePeriod: .milliseconds(300)) { server, port in
            let stuck = try TestClient(port: port)
            stuck.send("GET /hello HTTP/1.1\r\nHo")
            let probe = try TestClient(port: port)
            probe.send(get("/hello"))
            _ = try probe.readResponse()
            let started = ContinuousClock.now
            server.shutdown()
            server.wait()
            #expect(ContinuousClock.now - started < .seconds(3))
            #expect(stuck.waitForClose() != .stillOpen)
        }
    }

    @Test("shutdown and wait are idempotent, and wait returns at once for a server never started")
    func idempotent() throws {
        let never = Server(
            configuration: ServerConfiguration(port: 0, accessLog: false), responder: try TestResponder.make()
        )
        never.shutdown()
        never.wait()
        try withServer { server, _ in
            server.shutdown()
            server.shutdown()
            server.wait()
            server.wait()
            #expect(server.port == nil)
        }
    }

    @Test("starting on a port in use fails with a clear error")
    func portInUse() throws {
        try withServer { _, port in
            let second = Server(
                configuration: ServerConfiguration(host: "127.0.0.1", port: port, accessLog: false),
                responder: try TestResponder.make())
            #expect(throws: ServerError.self) { try second.start() }
        }
    }
}
