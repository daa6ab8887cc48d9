import HTTPTestSupport
import Testing

@testable import HTTPServer

/// What the server adds to a responder's answers — 501, 412, 304, HEAD, 405 and OPTIONS,
/// `Connection` — through the one pipeline the live connection runs, driven by the in-process
/// client (real parser, real serialiser). The same behaviour over sockets is in
/// ``ProtocolTests``.
@Suite("Response pipeline, in process")
struct ResponsePipelineTests {
    /// Routes with and without an `ETag`, a prepared one, a 404 with a tag, and a POST.
    static func makeClient() throws -> InProcessClient {
        var routes = RouterBuilder()
        routes.add(.get, "/tagged") { _, _ in
            HTTPResponse(
                status: .ok, headers: ["ETag": "\"v1\"", "Cache-Control": "no-cache"], body: Array("v1".utf8))
        }
        routes.add(.post, "/tagged") { _, _ in
            HTTPResponse(status: .ok, headers: ["ETag": "\"v1\""], body: Array("posted".utf8))
        }
        routes.add(.get, "/untagged") { _, _ in HTTPResponse(status: .ok, body: Array("plain".utf8)) }
        routes.add(.get, "/prepared") { _, _ in HTTPResponse(prepared: TestResponder.prepared) }
        routes.add(.get, "/missing") { _, _ in
            HTTPResponse(status: .notFound, headers: ["ETag": "\"v1\""], body: Array("gone".utf8))
        }
        routes.add(.get, "/close") { _, _ in
            HTTPResponse(status: .ok, headers: ["Connection": "close"], body: Array("bye".utf8))
        }
        return InProcessClient(responder: try routes.build(), configuration: TestVocabulary.configuration())
    }

    @Test(
        "If-Match is evaluated first: false → 412; then a matching If-None-Match → 304",
        arguments: [
            ("/tagged", [("If-Match", "\"v1\"")], 200),
            ("/tagged", [("if-match", "\"v2\"")], 412),
            ("/tagged", [("If-Match", "W/\"v1\"")], 412),
            // RFC 9110 §13.2.2: a false If-Match wins over a matching If-None-Match.
            ("/tagged", [("If-None-Match", "\"v1\""), ("If-Match", "\"v2\"")], 412),
            ("/tagged", [("If-Match", "\"v1\""), ("If-None-Match", "\"v1\"")], 304),
            ("/tagged", [("If-Match", "*"), ("If-None-Match", "\"v0\"")], 200),
            // Several field lines are one list.
            ("/tagged", [("If-Match", "\"v0\""), ("If-Match", "\"v1\"")], 200),
            ("/tagged", [("If-None-Match", "\"v0\""), ("If-None-Match", "W/\"v1\"")], 304),
            ("/tagged", [("If-None-Match", "\"v2\"")], 200),
            ("/tagged", [("If-None-Match", "*")], 304),
            // No ETag on the response: only * holds, and If-None-Match never matches.
            ("/untagged", [("If-Match", "*")], 200),
            ("/untagged", [("If-Match", "\"v1\"")], 412),
            ("/untagged", [("If-None-Match", "*")], 200),
            // Not a 2xx: preconditions are ignored (RFC 9110 §13.2.1).
            ("/missing", [("If-Match", "\"v2\"")], 404),
            ("/missing", [("If-None-Match", "\"v1\"")], 404),
        ] as [(String, [(String, String)], Int)])
    func preconditions(path: String, fields: [(String, String)], status: Int) throws {
        let response = try Self.makeClient().request(.get, path, headers: fields)
        #expect(response.status == status)
        if status == 412 {
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.header("ETag") == nil)
            let problem = try #require(response.json as? [String: Any])
            #expect(problem["type"] as? String == TestVocabulary.typeBase + "precondition-failed")
            #expect(problem["instance"] as? String == path)
        }
        if status == 304 {
            #expect(response.header("ETag") == "\"v1\"")
            #expect(response.header("Cache-Control") == "no-cache")
            #expect(response.header("Content-Length") == nil)
            #expect(response.body.isEmpty)
        }
    }

    @Test("preconditions apply to GET and HEAD only: a POST has acted before the pipeline sees it")
    func unsafeMethods() throws {
        let client = try Self.makeClient()
        let post = client.request(.post, "/tagged", headers: [("If-Match", "\"v2\"")])
        #expect(post.status == 200)
        #expect(post.text == "posted")
        #expect(client.request(.head, "/tagged", headers: [("If-Match", "\"v2\"")]).status == 412)
        #expect(client.request(.head, "/tagged", headers: [("If-None-Match", "W/\"v1\"")]).status == 304)
    }

    @Test("a prepared response is compared by its precomputed tag")
    func preparedTag() throws {
        let client = try Self.makeClient()
        let tag = try #require(TestResponder.prepared.etag)
        #expect(client.request(.get, "/prepared", headers: [("If-Match", tag)]).status == 200)
        #expect(client.request(.get, "/prepared", headers: [("If-Match", "\"nope\"")]).status == 412)
        #expect(client.request(.get, "/prepared", headers: [("If-None-Match", tag)]).status == 304)
    }

    @Test("HEAD gets GET's status and fields, with its Content-Length, and no content")
    func head() throws {
        let client = try Self.makeClient()
        for path in ["/tagged", "/prepared"] {
            let full = client.request(.get, path)
            let head = client.request(.head, path)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(full.body.count))
            #expect(head.header("ETag") == full.header("ETag"))
            #expect(head.body.isEmpty)
        }
        // HEAD of a problem is its head only, too.
        let missing = client.request(.head, "/nowhere")
        #expect(missing.status == 404)
        #expect(missing.header("Content-Type") == "application/problem+json")
        #expect(missing.body.isEmpty)
    }

    @Test("a known path with another method is 405 with Allow; OPTIONS is 204 with Allow")
    func methods() throws {
        let client = try Self.makeClient()
        let refused = client.request(.delete, "/untagged")
        #expect(refused.status == 405)
        #expect(refused.header("Allow") == "GET, HEAD, OPTIONS")
        let problem = try #require(refused.json as? [String: Any])
        #expect(problem["type"] as? String == TestVocabulary.typeBase + "method-not-allowed")
        #expect(problem["status"] as? Int == 405)
        #expect(problem["instance"] as? String == "/untagged")
        #expect(client.request(.put, "/tagged").header("Allow") == "GET, HEAD, POST, OPTIONS")
        let options = client.request(.options, "/tagged")
        #expect(options.status == 204)
        #expect(options.header("Allow") == "GET, HEAD, POST, OPTIONS")
        #expect(options.header("Content-Length") == nil)
        #expect(client.request(.options, "*").status == 204)
    }

    @Test("an unknown method is 501 on any path without asking the responder; CONNECT also closes")
    func notImplemented() throws {
        let client = try Self.makeClient()
        for target in ["/untagged", "/nowhere"] {
            let response = client.request(HTTPMethod(rawValue: "BREW"), target)
            #expect(response.status == 501)
            #expect(response.header("Connection") == nil)
            let problem = try #require(response.json as? [String: Any])
            #expect(problem["type"] as? String == TestVocabulary.typeBase + "not-implemented")
            #expect(problem["instance"] as? String == target)
        }
        let connect = client.send("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n")
        #expect(connect.status == 501)
        #expect(connect.header("Connection") == "close")
    }

    @Test("Connection: the client's close, the responder's close, and HTTP/1.0 keep-alive")
    func connection() throws {
        let client = try Self.makeClient()
        #expect(client.request(.get, "/untagged").header("Connection") == nil)
        #expect(
            client.request(.get, "/untagged", headers: [("Connection", "close")]).header("Connection")
                == "close")
        #expect(client.request(.get, "/close").header("Connection") == "close")
        #expect(client.send("GET /untagged HTTP/1.0\r\n\r\n").header("Connection") == "close")
        #expect(
            client.send("GET /untagged HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").header("Connection")
                == "keep-alive")
    }

    @Test("the outcome says what the connection is to do")
    func outcome() throws {
        let responder = try TestResponder.make()
        let configuration = TestVocabulary.configuration()
        func outcome(_ method: HTTPMethod, _ target: String, keepAlive: Bool = true)
            -> ResponsePipeline.Outcome
        {
            ResponsePipeline.respond(
                to: HTTPRequest(method: method, target: target, headers: ["Host": "a"]), responder: responder,
                configuration: configuration, keepAlive: keepAlive)
        }
        let hello = outcome(.get, "/hello")
        #expect(!hello.closesConnection && !hello.headOnly && !hello.notModified)
        #expect(outcome(.get, "/hello", keepAlive: false).closesConnection)
        #expect(outcome(.head, "/hello").headOnly)
        #expect(outcome(.get, "/close").closesConnection)
        #expect(outcome(.connect, "example.org:443").closesConnection)
        // The responder's problem comes out rendered, in the configured words.
        let missing = outcome(.get, "/nowhere").response
        #expect(missing.problem == nil)
        #expect(missing.status == .notFound)
        #expect(missing.headers["Content-Type"] == "application/problem+json")
        #expect(String(decoding: missing.body.bytes, as: UTF8.self).contains("\"instance\":\"/nowhere\""))
    }

    @Test("the configured response fields are on every answer the in-process client reads, once")
    func responseHeaders() throws {
        let client = try TestResponder.client(responseHeaders: ["X-Marker": "own"])
        let tag = try #require(TestResponder.prepared.etag)
        for raw in [
            "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /prepared HTTP/1.1\r\nHost: a\r\nIf-None-Match: \(tag)\r\n\r\n",
            "GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n", "BREW / HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", "OPTIONS /hello HTTP/1.1\r\nHost: a\r\n\r\n",
        ] {
            let response = client.send(raw)
            #expect(response.fields.filter { $0.name == "X-Marker" }.map(\.value) == ["own"], "\(raw)")
        }
    }
}
