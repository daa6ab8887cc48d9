import HTTPTestSupport
import Testing

@testable import HTTPServer

/// ``ServerConfiguration/ownResponseHeaders`` over real sockets: on every response the
/// server makes itself, on none the responder makes.
@Suite("Live server: fields on the server's own responses")
struct OwnResponseHeadersTests {
    /// A marker, and a framing field the server must drop rather than write twice.
    static let fields: HTTPFields = ["X-Marker": "own", "Content-Length": "999"]

    func expectMarked(
        _ response: TestClient.Response, status: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.header("X-Marker") == "own", sourceLocation: sourceLocation)
        #expect(response.header("Content-Type") == "application/problem+json", sourceLocation: sourceLocation)
        #expect(
            response.fields.filter { $0.name.lowercased() == "content-length" }.count == 1,
            sourceLocation: sourceLocation)
        #expect(
            response.header("Content-Length") == String(response.body.count), sourceLocation: sourceLocation)
    }

    @Test(
        "every parse-error answer carries them: 400, 414, 431, 413, 501, 505",
        arguments: [
            ("GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", 400),
            ("GET /" + String(repeating: "a", count: 64) + " HTTP/1.1\r\nHost: test\r\n\r\n", 414),
            (
                "GET / HTTP/1.1\r\nHost: test\r\nX-Big: " + String(repeating: "b", count: 300) + "\r\n\r\n",
                431
            ),
            ("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5000\r\n\r\n", 413),
            ("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
            ("GET / HTTP/2.0\r\nHost: test\r\n\r\n", 505),
        ])
    func parseErrors(request: String, status: Int) throws {
        try withServer(limits: LimitTests.small, ownResponseHeaders: Self.fields) { _, port in
            let client = try TestClient(port: port)
            client.send(request)
            expectMarked(try client.readResponse(), status: status)
        }
    }

    @Test("so do 501 for an unknown method, 412, 408 and 503; the responder's own answers do not")
    func otherOwnResponses() throws {
        try withServer(limits: LimitTests.small, ownResponseHeaders: Self.fields) { _, port in
            let client = try TestClient(port: port)
            client.send(get("/hello"))
            let hello = try client.readResponse()
            #expect(hello.status == 200)
            #expect(hello.header("X-Marker") == nil)
            client.send(get("/nowhere"))
            let notFound = try client.readResponse()
            #expect(notFound.status == 404)
            #expect(notFound.header("X-Marker") == nil)
            client.send(get("/prepared", "If-Match: \"stale\"\r\n"))
            expectMarked(try client.readResponse(), status: 412)
            client.send("BREW /hello HTTP/1.1\r\nHost: test\r\n\r\n")
            expectMarked(try client.readResponse(), status: 501)

            // `client` holds one of the two connections; fill the other, then one more is 503.
            let holder = try TestClient(port: port)
            holder.send(get("/hello"))
            #expect(try holder.readResponse().status == 200)
            let refused = try TestClient(port: port).readResponse()
            expectMarked(refused, status: 503)
            #expect(refused.header("Retry-After") == "1")
        }
        // On a server of its own: the connections above may not all be gone yet.
        try withServer(limits: LimitTests.small, ownResponseHeaders: Self.fields) { _, port in
            let slow = try TestClient(port: port)
            slow.send("GET /hello HTTP/1.1\r\nHo")
            expectMarked(try slow.readResponse(timeout: .seconds(3)), status: 408)
        }
    }

    @Test("without any configured, the server's own responses are as before")
    func noneConfigured() throws {
        try withServer(limits: LimitTests.small) { _, port in
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: a:port\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.header("X-Marker") == nil)
            let date = try #require(response.header("Date"))
            #expect(
                response.head
                    == "HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n"
                    + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
                    + "Content-Length: \(response.body.count)\r\nDate: \(date)\r\nConnection: close")
        }
    }
}
