import HTTPTestSupport
import Testing

@testable import HTTPServer

/// The real server over real sockets: keep-alive, pipelining, methods, conditional requests.
@Suite("Live server: HTTP/1.1")
struct ProtocolTests {
    @Test("a response is written exactly: status line, fields, Content-Length, Date, body")
    func exactBytes() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(get("/hello"))
            let response = try client.readResponse()
            #expect(response.status == 200)
            let date = response.header("Date") ?? ""
            #expect(
                response.head
                    == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nDate: \(date)")
            #expect(response.text == "hello")
        }
    }

    @Test("keep-alive serves several requests on one connection")
    func keepAlive() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            for id in 1...5 {
                client.send(get("/items/\(id)?n=\(id)"))
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "item \(id) n=\(id)")
                #expect(response.header("Connection") == nil)
                expectFraming(response)
            }
        }
    }

    @Test("pipelined requests sent in one write are answered in order")
    func pipelining() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(
                get("/items/1") + "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\n\r\nabc"
                    + get("/prepared")
                    + "HEAD /hello HTTP/1.1\r\nHost: test\r\n\r\n" + get("/items/2"))
            #expect(try client.readResponse().text == "item 1 ")
            #expect(try client.readResponse().text == "3:abc")
            #expect(try client.readResponse().text == "{\"prepared\":true}\n")
            let head = try client.readResponse(isHead: true)
            #expect(head.header("Content-Length") == "5")
            #expect(try client.readResponse().text == "item 2 ")
        }
    }

    @Test("Connection: close is honoured: the response says so and the server closes")
    func connectionClose() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(get("/hello", "Connection: close\r\n") + get("/hello"))
            let response = try client.readResponse()
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose() == .closed(extraBytes: 0))
        }
    }

    @Test("a responder can close the connection with Connection: close")
    func responderCloses() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(get("/close"))
            let response = try client.readResponse()
            #expect(response.text == "bye")
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose() == .closed(extraBytes: 0))
        }
    }

    @Test("HTTP/1.0 closes after the response unless it asks for keep-alive")
    func http10() throws {
        try withServer { _, port in
            let plain = try TestClient(port: port)
            plain.send("GET /hello HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().header("Connection") == "close")
            #expect(plain.waitForClose() == .closed(extraBytes: 0))

            let keepAlive = try TestClient(port: port)
            keepAlive.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keepAlive.readResponse().header("Connection") == "keep-alive")
            keepAlive.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keepAlive.readResponse().text == "hello")
        }
    }

    @Test("HEAD gets GET's head with its Content-Length and no body")
    func head() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(get("/prepared"))
            let full = try client.readResponse()
            client.send("HEAD /prepared HTTP/1.1\r\nHost: test\r\n\r\n")
            let head = try client.readResponse(isHead: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(full.body.count))
            #expect(head.header("ETag") == full.header("ETag"))
            #expect(head.body.isEmpty)
            // If any body had been sent, this response would not parse.
            client.send(get("/hello"))
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test("If-None-Match with the current ETag gives 304 with the validators and no body")
    func notModified() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(get("/prepared"))
            let etag = try #require(try client.readResponse().header("ETag"))
            for condition in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
                client.send(get("/prepared", "If-None-Match: \(condition)\r\n"))
                let response = try client.readResponse()
                #expect(response.status == 304)
                #expect(response.header("ETag") == etag)
                #expect(response.header("Cache-Control") == "no-cache")
                #expect(response.header("Content-Type") == nil)
                #expect(response.header("Content-Length") == nil)
                expectFraming(response)
            }
            client.send(get("/prepared", "If-None-Match: \"stale\"\r\n"))
            #expect(try client.readResponse().status == 200)
            client.send("HEAD /prepared HTTP/1.1\r\nHost: test\r\nIf-None-Match: \(etag)\r\n\r\n")
            #expect(try client.readResponse(isHead: true).status == 304)
        }
    }

    @Test("If-Match that does not strongly match the ETag gives 412 problem+json; the connection stays")
    func preconditionFailed() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(get("/prepared"))
            let etag = try #require(try client.readResponse().header("ETag"))
            for condition in [etag, "\"other\", \(etag)", "*"] {
                client.send(get("/prepared", "If-Match: \(condition)\r\n"))
                #expect(try client.readResponse().status == 200)
            }
            for condition in ["\"nope\"", "W/\(etag)", "\"a\", \"b\""] {
                client.send(get("/prepared", "If-Match: \(condition)\r\n"))
                let response = try client.readResponse()
                #expect(response.status == 412)
                #expect(response.header("Content-Type") == "application/problem+json")
                #expect(response.header("ETag") == nil)
                #expect(response.header("Connection") == nil)
                #expect(
                    response.text.contains(
                        "\"type\":\"https://dossiers.example/problems/precondition-failed\""))
                #expect(response.text.contains("\"status\":412"))
                expectFraming(response)
            }
            // If-Match comes before If-None-Match (RFC 9110 §13.2.2).
            client.send(get("/prepared", "If-None-Match: \(etag)\r\nIf-Match: \"nope\"\r\n"))
            #expect(try client.readResponse().status == 412)
            client.send(get("/prepared", "If-Match: \(etag)\r\nIf-None-Match: \(etag)\r\n"))
            #expect(try client.readResponse().status == 304)
            // A response without an ETag: only * holds.
            client.send(get("/hello", "If-Match: *\r\n"))
            #expect(try client.readResponse().text == "hello")
            client.send(get("/hello", "If-Match: \"x\"\r\n"))
            #expect(try client.readResponse().status == 412)
            // HEAD like GET, without the content.
            client.send("HEAD /prepared HTTP/1.1\r\nHost: test\r\nIf-Match: \"nope\"\r\n\r\n")
            let head = try client.readResponse(isHead: true)
            #expect(head.status == 412)
            #expect(head.body.isEmpty)
            // Not a 2xx without the condition: the condition is ignored.
            client.send(get("/nowhere", "If-Match: \"nope\"\r\n"))
            #expect(try client.readResponse().status == 404)
            client.send(get("/hello"))
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test("OPTIONS answers 204 with Allow; a wrong method is 405 with Allow")
    func optionsAndMethodNotAllowed() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("OPTIONS /hello HTTP/1.1\r\nHost: test\r\n\r\n")
            let options = try client.readResponse()
            #expect(options.status == 204)
            #expect(options.header("Allow") == "GET, HEAD, OPTIONS")
            expectFraming(options)
            client.send("DELETE /hello HTTP/1.1\r\nHost: test\r\n\r\n")
            let refused = try client.readResponse()
            #expect(refused.status == 405)
            #expect(refused.header("Allow") == "GET, HEAD, OPTIONS")
            #expect(refused.header("Content-Type") == "application/problem+json")
            #expect(refused.text.contains("\"status\":405"))
            client.send("OPTIONS * HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(try client.readResponse().status == 204)
        }
    }

    @Test("an unknown method is 501 and the connection stays usable")
    func unknownMethod() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("BREW /hello HTTP/1.1\r\nHost: test\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 501)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.text.contains("https://dossiers.example/problems/not-implemented"))
            client.send(get("/hello"))
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test("CONNECT is 501 and closes: this is not a proxy")
    func connect() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n")
            #expect(try client.readResponse().status == 501)
            #expect(client.waitForClose() == .closed(extraBytes: 0))
        }
    }

    @Test("an unsupported protocol version is 505 and closes")
    func unsupportedVersion() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("GET /hello HTTP/2.0\r\nHost: test\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 505)
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose() == .closed(extraBytes: 0))
        }
    }

    @Test("an absolute-form target is served like its path")
    func absoluteForm() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send("GET http://test/items/7?q HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(try client.readResponse().text == "item 7 q")
        }
    }

    @Test("an unknown path is a 404 problem, never HTML")
    func notFound() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(get("/does/not/exist"))
            let response = try client.readResponse()
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.text.hasPrefix("{\"type\":\"https://dossiers.example/problems/not-found\""))
            expectFraming(response)
        }
    }

    @Test("a client that resets its connection does not disturb the others")
    func clientReset() throws {
        try withServer { _, port in
            let steady = try TestClient(port: port)
            steady.send(get("/hello"))
            #expect(try steady.readResponse().status == 200)
            for _ in 0..<5 {
                let rude = try TestClient(port: port)
                rude.send(get("/big.bin") + get("/big.bin") + "GET /hel")
                rude.reset()
            }
            steady.send(get("/hello"))
            #expect(try steady.readResponse().text == "hello")
            let fresh = try TestClient(port: port)
            fresh.send(get("/hello"))
            #expect(try fresh.readResponse().text == "hello")
        }
    }

    @Test("a client that reads slowly gets every byte of many large pipelined responses")
    func backPressure() throws {
        try withServer { _, port in
            let client = try TestClient(port: port, receiveBufferSize: 4096)
            let count = 24
            client.send(String(repeating: get("/big.bin"), count: count))
            for _ in 0..<count {
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.body == PublicDirectory.bigFile)
            }
            client.send(get("/hello"))
            #expect(try client.readResponse().text == "hello")
        }
    }
}
