import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@testable import DossierAPI

/// gzip on the real API: every rendered resource, the contract and the browse page's files of
/// 1 KiB or more have a gzip representation made once; search answers are gzipped per request
/// from 2 KiB; and over a socket the 65 kB dossier goes out compressed, revalidates and
/// answers HEAD as a browser or `curl --compressed` expects.
@Suite("gzip on the API")
struct CompressionTests {
    static let gzip = [("Accept-Encoding", "gzip, deflate, br, zstd")]

    @Test(
        "every rendered resource: gzip from 1 KiB, decoding to the identity bytes, tag derived from the identity tag"
    )
    func everyRenderedResource() throws {
        // The warm-up makes the gzip representations (rendered resources defer them).
        _ = APIFixture.service.renderAll()
        var compressed = 0
        for path in APIFixture.service.renderedPaths {
            let identity = APIFixture.get(path)
            let gzip = APIFixture.get(path, headers: Self.gzip)
            #expect(identity.status == 200 && gzip.status == 200, "\(path)")
            #expect(identity.header("Content-Encoding") == nil, "\(path)")
            let identityTag = try #require(identity.header("ETag"), "\(path)")
            guard identity.body.count >= PreparedResponse.gzipThreshold else {
                #expect(gzip.header("Content-Encoding") == nil, "\(path)")
                #expect(gzip.header("Vary") == nil, "\(path)")
                #expect(gzip.body == identity.body, "\(path)")
                continue
            }
            compressed += 1
            #expect(identity.header("Vary") == "Accept-Encoding", "\(path)")
            #expect(gzip.header("Vary") == "Accept-Encoding", "\(path)")
            #expect(gzip.header("Content-Encoding") == "gzip", "\(path)")
            #expect(gzip.header("ETag") == EntityTag.coded(identityTag, coding: "gzip"), "\(path)")
            #expect(gzip.header("Content-Type") == identity.header("Content-Type"), "\(path)")
            #expect(gzip.header("Access-Control-Allow-Origin") == "*", "\(path)")
            #expect(gzip.body.count < identity.body.count * 3 / 4, "\(path)")
            #expect(Gunzip.decode(gzip.body) == identity.body, "\(path)")
        }
        #expect(compressed > 50)
    }

    @Test(
        "the contract and the browse page's larger files are served gzipped too",
        arguments: ["/openapi.yaml", "/style.css", "/urls.mjs", "/"])
    func staticFiles(path: String) throws {
        let identity = APIFixture.get(path)
        let gzip = APIFixture.get(path, headers: Self.gzip)
        #expect(identity.body.count >= PreparedResponse.gzipThreshold)
        #expect(gzip.header("Content-Encoding") == "gzip")
        #expect(gzip.header("Vary") == "Accept-Encoding")
        #expect(Gunzip.decode(gzip.body) == identity.body)
        // The page's own security fields go with either representation.
        #expect(gzip.header("Content-Security-Policy") == identity.header("Content-Security-Policy"))
    }

    @Test("a large search answer is gzipped per request; a small one is not negotiated")
    func search() throws {
        let large = APIFixture.get("/api/v1/zoeken?q=klant&pageSize=50", headers: Self.gzip)
        let largeIdentity = APIFixture.get("/api/v1/zoeken?q=klant&pageSize=50")
        #expect(largeIdentity.body.count >= ServerTuning().dynamicCompressionThreshold)
        #expect(large.header("Content-Encoding") == "gzip")
        #expect(large.header("Vary") == "Accept-Encoding")
        #expect(Gunzip.decode(large.body) == largeIdentity.body)
        let identityTag = try #require(largeIdentity.header("ETag"))
        #expect(large.header("ETag") == EntityTag.coded(identityTag, coding: "gzip"))
        let small = APIFixture.get("/api/v1/zoeken?q=zzzzqqq", headers: Self.gzip)
        #expect(small.status == 200)
        #expect(small.body.count < ServerTuning().dynamicCompressionThreshold)
        #expect(small.header("Content-Encoding") == nil)
        #expect(small.header("Vary") == nil)
    }

    @Test("406 in the API's words when neither gzip nor identity is acceptable")
    func notAcceptable() throws {
        _ = APIFixture.service.renderAll()
        let response = APIFixture.get(
            "/api/v1/dossiers/23292", headers: [("Accept-Encoding", "br, identity;q=0")])
        #expect(response.status == 406)
        #expect(response.header("Vary") == "Accept-Encoding")
        let problem = try #require(response.json as? [String: Any])
        #expect(problem["type"] as? String == "https://dossiers.example/problems/not-acceptable")
        #expect((problem["detail"] as? String)?.contains("Accept-Encoding") == true)
        #expect(problem["instance"] as? String == "/api/v1/dossiers/23292")
    }

    @Test("over a socket: the 65 kB dossier gzipped, its 304 with Vary, HEAD with the gzip length")
    func live() throws {
        _ = APIFixture.service.renderAll()
        try APIFixture.withLiveConnection { client in
            let accept = "Accept-Encoding: gzip, deflate, br\r\n"
            client.send(APIFixture.rawGet("/api/v1/dossiers/23292"))
            let identity = try client.readResponse()
            #expect(identity.body.count > 60_000)
            for _ in 0..<3 {
                // Repeated within a second: served from its wire image after the first time.
                client.send(APIFixture.rawGet("/api/v1/dossiers/23292", extra: accept))
                let gzip = try client.readResponse()
                #expect(gzip.status == 200)
                #expect(gzip.header("Content-Encoding") == "gzip")
                #expect(gzip.header("Vary") == "Accept-Encoding")
                #expect(gzip.body.count < identity.body.count / 4)
                #expect(Gunzip.decode(gzip.body) == identity.body)
            }
            let tag = try #require(identity.header("ETag").flatMap { EntityTag.coded($0, coding: "gzip") })
            client.send(
                APIFixture.rawGet("/api/v1/dossiers/23292", extra: accept + "If-None-Match: \(tag)\r\n"))
            let notModified = try client.readResponse()
            #expect(notModified.status == 304)
            #expect(notModified.header("ETag") == tag)
            #expect(notModified.header("Vary") == "Accept-Encoding")
            client.send("HEAD /api/v1/dossiers/23292 HTTP/1.1\r\nHost: localhost\r\n\(accept)\r\n")
            let head = try client.readResponse(isHead: true)
            #expect(head.header("ETag") == tag)
            let gzipLength = APIFixture.get("/api/v1/dossiers/23292", headers: Self.gzip).body.count
            #expect(head.header("Content-Length") == String(gzipLength))
        }
    }
}
