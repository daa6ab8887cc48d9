import HTTPTestSupport
import Testing

@testable import HTTPServer

/// A client that sends `Expect: 100-continue` holds its content back until the server says
/// `100 Continue` (curl waits a second otherwise); over a real socket, in order with
/// pipelined responses.
@Suite("Live server: Expect: 100-continue")
struct ExpectContinueLiveTests {
    @Test("the server answers the head with 100 Continue at once, then the final response")
    func interimThenFinal() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(
                "POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
            // No content is sent before the interim response: without it this read times out
            // (or sees the 408 of a request that never completed).
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            #expect(interim.head == "HTTP/1.1 100 Continue")
            client.send("abc")
            let final = try client.readResponse()
            #expect(final.status == 200)
            #expect(final.text == "3:abc")
            // The connection carries on as usual.
            client.send(get("/hello"))
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test("behind a pipelined request, 100 Continue follows that request's response")
    func inOrder() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(
                get("/items/7")
                    + "POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"
            )
            #expect(try client.readResponse().text == "item 7 ")
            #expect(try client.readResponse().status == 100)
            client.send("hi")
            #expect(try client.readResponse().text == "2:hi")
        }
    }

    @Test("content sent with the head gets no interim response, only the final one")
    func contentAlreadySent() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(
                "POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "2:hi")
        }
    }

    @Test("an HTTP/1.0 request's expectation is ignored (RFC 9110 §10.1.1)")
    func http10() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("POST /echo HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
            #expect(client.staysOpen(for: .milliseconds(200)))
            client.send("hi")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "2:hi")
        }
    }
}
