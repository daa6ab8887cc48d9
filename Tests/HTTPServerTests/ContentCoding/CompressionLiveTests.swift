import HTTPTestSupport
import Testing

@testable import HTTPServer

/// gzip over real sockets: the live connection negotiates as the in-process pipeline does,
/// and the per-loop wire images (whole responses sent with `sendfile`) keep the two
/// representations apart.
@Suite("Live server: gzip")
struct CompressionLiveTests {
    /// 70 kB: above the wire-image threshold (16 KiB), so a repeated GET is served from an image.
    static let content = GzipTests.text(70_000)
    static let prepared = PreparedResponse(
        headers: ["Content-Type": "application/json", "Cache-Control": "no-cache"], body: content)

    static func withCompressionServer(_ body: (Int) throws -> Void) throws {
        var routes = RouterBuilder()
        routes.add(.get, "/resource") { _, _ in HTTPResponse(prepared: prepared) }
        routes.add(.get, "/dynamic") { _, _ in
            HTTPResponse(
                status: .ok, headers: ["Content-Type": "application/json", "ETag": "\"d1\""], body: content)
        }
        try withServer(responder: try routes.build(), responseHeaders: ["X-Test": "yes"]) { _, port in
            try body(port)
        }
    }

    @Test(
        "Accept-Encoding: gzip gets Content-Encoding, Vary, the gzip tag, and content that gunzips to the identity bytes"
    )
    func gzipExchange() throws {
        try Self.withCompressionServer { port in
            let client = try TestClient(port: port)
            client.send(get("/resource", "Accept-Encoding: gzip, deflate, br\r\n"))
            let gzip = try client.readResponse()
            #expect(gzip.status == 200)
            #expect(gzip.header("Content-Encoding") == "gzip")
            #expect(gzip.header("Vary") == "Accept-Encoding")
            #expect(gzip.header("X-Test") == "yes")
            let identityTag = try #require(Self.prepared.etag)
            #expect(gzip.header("ETag") == EntityTag.coded(identityTag, coding: "gzip"))
            #expect(gzip.header("Content-Length") == String(gzip.body.count))
            #expect(gzip.body.count < Self.content.count / 4)
            #expect(Gunzip.decode(gzip.body) == Self.content)
            expectFraming(gzip)

            client.send(
                get("/resource", "If-None-Match: \(gzip.header("ETag") ?? "")\r\nAccept-Encoding: gzip\r\n"))
            let revalidated = try client.readResponse()
            #expect(revalidated.status == 304)
            #expect(revalidated.header("Vary") == "Accept-Encoding")
            #expect(revalidated.header("ETag") == gzip.header("ETag"))
            #expect(revalidated.header("Content-Encoding") == nil)
            #expect(revalidated.body.isEmpty)

            client.send("HEAD /resource HTTP/1.1\r\nHost: test\r\nAccept-Encoding: gzip\r\n\r\n")
            let head = try client.readResponse(isHead: true)
            #expect(head.header("Content-Length") == String(gzip.body.count))
            #expect(head.header("Content-Encoding") == "gzip")

            client.send(get("/resource"))
            let identity = try client.readResponse()
            #expect(identity.header("Content-Encoding") == nil)
            #expect(identity.header("Vary") == "Accept-Encoding")
            #expect(identity.header("ETag") == identityTag)
            #expect(identity.body == Self.content)
        }
    }

    @Test(
        "repeated and pipelined requests for both representations: each gets its own bytes (wire images keyed by representation)"
    )
    func wireImages() throws {
        try Self.withCompressionServer { port in
            let client = try TestClient(port: port)
            let identity = get("/resource")
            let gzip = get("/resource", "Accept-Encoding: gzip\r\n")
            // One at a time, each twice or more in the same second: the second makes an image.
            for request in [identity, identity, gzip, gzip, identity, gzip, gzip, identity] {
                client.send(request)
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.decodedBody == Self.content)
                #expect(response.header("Content-Encoding") == (request == gzip ? "gzip" : nil))
            }
            // Pipelined in one write: the answers come in order, each as asked.
            let batch = [gzip, identity, gzip, gzip, identity]
            client.send(batch.joined())
            for request in batch {
                let response = try client.readResponse()
                #expect(response.header("Content-Encoding") == (request == gzip ? "gzip" : nil))
                #expect(response.decodedBody == Self.content)
            }
        }
    }

    @Test("a dynamic answer is compressed per request over the socket too; 406 when nothing is acceptable")
    func dynamic() throws {
        try Self.withCompressionServer { port in
            let client = try TestClient(port: port)
            client.send(get("/dynamic", "Accept-Encoding: x-gzip\r\n"))
            let gzip = try client.readResponse()
            #expect(gzip.header("Content-Encoding") == "gzip")
            #expect(gzip.header("ETag") == "\"d1-gzip\"")
            #expect(Gunzip.decode(gzip.body) == Self.content)
            client.send(get("/dynamic", "Accept-Encoding: gzip;q=0, identity;q=0\r\n"))
            let refused = try client.readResponse()
            #expect(refused.status == 406)
            #expect(refused.header("Vary") == "Accept-Encoding")
            #expect(refused.header("Content-Type") == "application/problem+json")
            // The connection stays usable after a 406.
            client.send(get("/dynamic"))
            let identity = try client.readResponse()
            #expect(identity.status == 200)
            #expect(identity.body == Self.content)
        }
    }
}
