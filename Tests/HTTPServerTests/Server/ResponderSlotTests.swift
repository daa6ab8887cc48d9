import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

/// ``Server/replaceResponder(with:)`` on a live server: what was answered before the swap is
/// sent whole from the old responder's bytes, even after that responder and its prepared
/// response are gone; what is read after it is answered by the new one, on the same connection.
@Suite("Replacing the responder while serving")
struct ResponderSlotTests {
    /// One large prepared response; its bytes say which responder they came from.
    final class LargeBody: HTTPResponder {
        let response: PreparedResponse

        init(seed: UInt8) {
            let body = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) &+ seed }
            response = PreparedResponse(
                status: .ok, headers: ["Content-Type": "application/octet-stream"], body: body,
                compression: .never)
        }

        func respond(to request: HTTPRequest) -> HTTPResponse {
            HTTPResponse(prepared: response)
        }
    }

    /// Polls `condition` for at most `timeout`.
    static func eventually(_ timeout: Duration = .seconds(10), _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            if ContinuousClock.now > deadline { return false }
            usleep(20_000)
        }
        return true
    }

    @Test("responses queued before the swap arrive whole with the old bytes after the old responder is freed")
    func queuedResponsesOutliveTheOldResponder() throws {
        var old: LargeBody? = LargeBody(seed: 1)
        let oldBody = old!.response.body.bytes
        weak let oldResponder = old
        weak let oldResponse = old?.response
        let new = LargeBody(seed: 2)
        let newBody = new.response.body.bytes
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.eventLoopCount = 2
        configuration.accessLog = false
        // The server holds the only reference to the old responder.
        let server = Server(configuration: configuration, responder: old!)
        let port = try server.start()
        defer {
            server.shutdown()
            server.wait()
        }
        do {
            // A client that does not read: the server queues what fits (its pending-output limit,
            // the socket buffers) and leaves the other requests unread. 8 MB is more than that.
            let client = try TestClient(port: port, receiveBufferSize: 4096)
            let count = 40
            client.send(String(repeating: "GET /large HTTP/1.1\r\nHost: t\r\n\r\n", count: count))
            usleep(300_000)

            server.replaceResponder(with: new)
            old = nil
            // The responder goes once every loop has passed the swap; its prepared response once
            // the wire images of that second are dropped. Then only the queued segments (memory
            // and body-file stretches) hold the old bytes.
            #expect(Self.eventually { oldResponder == nil })
            #expect(Self.eventually { oldResponse == nil })

            var sources: [String] = []
            for _ in 0..<count {
                let response = try client.readResponse(timeout: .seconds(10))
                #expect(response.status == 200)
                sources.append(
                    response.body == oldBody ? "old" : response.body == newBody ? "new" : "garbled")
            }
            let olds = sources.prefix { $0 == "old" }.count
            #expect(olds >= 1, "\(sources)")
            #expect(olds < count, "the swap came after every request was read: \(sources)")
            #expect(sources.dropFirst(olds).allSatisfy { $0 == "new" }, "\(sources)")
        }
    }

    @Test("a keep-alive connection gets the new responder's answer on its next request")
    func keepAliveSeesTheNewResponder() throws {
        let new = LargeBody(seed: 7)
        try withLiveServer(responder: LargeBody(seed: 3)) { server, port in
            let client = try TestClient(port: port)
            client.send("GET /large HTTP/1.1\r\nHost: t\r\n\r\n")
            let before = try client.readResponse()
            server.replaceResponder(with: new)
            client.send("GET /large HTTP/1.1\r\nHost: t\r\n\r\n")
            let after = try client.readResponse()
            #expect(before.body != after.body)
            #expect(after.body == new.response.body.bytes)
        }
    }
}
