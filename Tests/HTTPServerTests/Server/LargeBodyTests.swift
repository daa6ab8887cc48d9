import HTTPTestSupport
import Testing

@testable import HTTPServer

/// Large prepared bodies over real sockets: sent from the body file with `sendfile`, as one
/// wire image or as head plus body, whole and in order whatever the client does.
@Suite("Live server: large prepared bodies")
struct LargeBodyTests {
    static let body: [UInt8] = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
    static let large = PreparedResponse(headers: ["Content-Type": "application/octet-stream"], body: body)

    static func responder() throws -> Router {
        var routes = RouterBuilder()
        routes.add(.get, "/large") { _, _ in HTTPResponse(prepared: large) }
        routes.add(.get, "/large-extra") { _, _ in
            var response = HTTPResponse(prepared: large)
            var headers = response.headers
            headers.append(name: "X-Extra", value: "1")
            response.headers = headers
            return response
        }
        return try routes.build(fallback: try StaticFiles(directory: PublicDirectory.path))
    }

    static let get = "GET /large HTTP/1.1\r\nHost: test\r\n\r\n"

    @Test("repeated and pipelined GETs each get the whole body")
    func keepAliveAndPipelining() throws {
        try withServer(responder: try Self.responder()) { _, port in
            let client = try TestClient(port: port)
            for _ in 0..<3 {
                client.send(Self.get)
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("Content-Length") == "\(Self.body.count)")
                #expect(response.body == Self.body)
            }
            client.send(Self.get + Self.get + Self.get)
            for _ in 0..<3 {
                #expect(try client.readResponse().body == Self.body)
            }
        }
    }

    @Test("HEAD, 304, appended fields, HTTP/1.0 keep-alive and Connection: close take the two-call path")
    func otherFramings() throws {
        try withServer(responder: try Self.responder()) { _, port in
            let client = try TestClient(port: port)
            client.send("HEAD /large HTTP/1.1\r\nHost: test\r\n\r\n")
            let head = try client.readResponse(isHead: true)
            #expect(head.status == 200 && head.body.isEmpty)
            let etag = try #require(head.header("ETag"))
            client.send("GET /large HTTP/1.1\r\nHost: test\r\nIf-None-Match: \(etag)\r\n\r\n")
            #expect(try client.readResponse().status == 304)
            client.send("GET /large-extra HTTP/1.1\r\nHost: test\r\n\r\n")
            let extra = try client.readResponse()
            #expect(extra.header("X-Extra") == "1" && extra.body == Self.body)
            client.send("GET /large HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let old = try client.readResponse()
            #expect(old.header("Connection") == "keep-alive" && old.body == Self.body)
            client.send("GET /large HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            let last = try client.readResponse()
            #expect(last.header("Connection") == "close" && last.body == Self.body)
            #expect(client.waitForClose() == .closed(extraBytes: 0))
        }
    }

    @Test("a client that reads slowly still gets every byte (sendfile resumes after EAGAIN)")
    func backPressure() throws {
        try withServer(responder: try Self.responder()) { _, port in
            let client = try TestClient(port: port, receiveBufferSize: 4096)
            client.send(Self.get + Self.get)
            #expect(try client.readResponse(timeout: .seconds(10)).body == Self.body)
            #expect(try client.readResponse(timeout: .seconds(10)).body == Self.body)
        }
    }
}
