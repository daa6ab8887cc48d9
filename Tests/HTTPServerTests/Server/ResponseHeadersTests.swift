import HTTPTestSupport
import Testing

@testable import HTTPServer

/// ``ServerConfiguration/responseHeaders`` over real sockets: on every response, the
/// responder's and the server's own, once.
@Suite("Live server: fields on every response")
struct ResponseHeadersTests {
    /// A marker, and a framing field the server must drop rather than write twice.
    static let fields: HTTPFields = ["X-Marker": "own", "Content-Length": "999"]

    func expectMarked(
        _ response: TestClient.Response, status: Int, problem: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.header("X-Marker") == "own", sourceLocation: sourceLocation)
        #expect(
            response.fields.filter { $0.name == "X-Marker" }.count == 1, sourceLocation: sourceLocation)
        if problem {
            #expect(
                response.header("Content-Type") == "application/problem+json", sourceLocation: sourceLocation)
        }
        if status != 304 {
            #expect(
                response.fields.filter { $0.name.lowercased() == "content-length" }.count == 1,
                sourceLocation: sourceLocation)
            let length = response.header("Content-Length")
            #expect(length == String(response.body.count), sourceLocation: sourceLocation)
        }
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
        try withServer(limits: LimitTests.small, responseHeaders: Self.fields) { _, port in
            let client = try TestClient(port: port)
            client.send(request)
            expectMarked(try client.readResponse(), status: status)
        }
    }

    @Test("so do the responder's answers, 304, 501 for an unknown method, 412, 408 and 503")
    func otherResponses() throws {
        try withServer(limits: LimitTests.small, responseHeaders: Self.fields) { _, port in
            let client = try TestClient(port: port)
            client.send(get("/hello"))
            expectMarked(try client.readResponse(), status: 200, problem: false)
            client.send(get("/prepared"))
            let prepared = try client.readResponse()
            expectMarked(prepared, status: 200, problem: false)
            client.send(get("/prepared", "If-None-Match: \(prepared.header("ETag") ?? "")\r\n"))
            expectMarked(try client.readResponse(), status: 304, problem: false)
            client.send(get("/nowhere"))
            expectMarked(try client.readResponse(), status: 404)
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
        try withServer(limits: LimitTests.small, responseHeaders: Self.fields) { _, port in
            let slow = try TestClient(port: port)
            slow.send("GET /hello HTTP/1.1\r\nHo")
            expectMarked(try slow.readResponse(timeout: .seconds(3)), status: 408)
        }
    }

    @Test("they go after the response's own fields and before Date; without any, nothing is added")
    func placement() throws {
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
                    + "Cache-Control: no-store\r\n"
                    + "Content-Length: \(response.body.count)\r\nDate: \(date)\r\nConnection: close")
        }
        try withServer(limits: LimitTests.small, responseHeaders: ["X-Content-Type-Options": "nosniff"]) {
            _, port in
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: a:port\r\n\r\n")
            let response = try client.readResponse()
            let date = try #require(response.header("Date"))
            #expect(
                response.head
                    == "HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n"
                    + "Cache-Control: no-store\r\nContent-Length: \(response.body.count)\r\n"
                    + "X-Content-Type-Options: nosniff\r\nDate: \(date)\r\nConnection: close")
            client.disconnect()
            let again = try TestClient(port: port)
            again.send(get("/hello"))
            let hello = try again.readResponse()
            let helloDate = try #require(hello.header("Date"))
            #expect(
                hello.head
                    == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
                    + "X-Content-Type-Options: nosniff\r\nDate: \(helloDate)")
        }
    }
}
