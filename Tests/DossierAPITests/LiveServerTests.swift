import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@testable import DossierAPI

/// The API behind the real server on an ephemeral port, spoken to with raw bytes over a real
/// socket: what a browser, an LMS or curl gets on the wire.
@Suite("Live API over sockets")
struct LiveServerTests {
    @Test("the dossier: 200 with exactly the rendered bytes, then 304 on its ETag, HEAD without a body")
    func conditionalAndHead() throws {
        try APIFixture.withLiveConnection { client in
            client.send(APIFixture.rawGet("/api/v1/dossiers/23292"))
            let full = try client.readResponse()
            #expect(full.status == 200)
            #expect(full.body == APIFixture.get("/api/v1/dossiers/23292").body)
            #expect(full.header("Content-Length") == String(full.body.count))
            #expect(full.body.count > 60_000)
            let etag = try #require(full.header("ETag"))

            client.send(APIFixture.rawGet("/api/v1/dossiers/23292", extra: "If-None-Match: \(etag)\r\n"))
            let notModified = try client.readResponse()
            #expect(notModified.status == 304)
            #expect(notModified.header("ETag") == etag)
            #expect(notModified.header("Cache-Control") == "public, max-age=300")
            #expect(notModified.body.isEmpty)

            client.send("HEAD /api/v1/dossiers/23292 HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let head = try client.readResponse(isHead: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(full.body.count))
            #expect(head.header("ETag") == etag)

            // Nothing stray after the HEAD: the next answer on the connection is the right one.
            client.send(APIFixture.rawGet("/healthz"))
            #expect(
                try client.readResponse().text
                    == "{\"status\":\"ok\",\"dataVersie\":\"\(APIFixture.application.dataVersion)\"}\n")
        }
    }

    @Test("pipelined requests are answered in order: resource, search, problem")
    func pipelining() throws {
        try APIFixture.withLiveConnection { client in
            client.send(
                APIFixture.rawGet("/api/v1/dossiers/23292/werkprocessen/B1-K2-W3")
                    + APIFixture.rawGet("/api/v1/zoeken?q=be%C3%AFnvloeden")
                    + APIFixture.rawGet("/api/v1/dossiers/99999"))
            let werkproces = try client.readResponse()
            #expect(werkproces.status == 200)
            #expect(werkproces.text.contains("\"code\": \"B1-K2-W3\""))
            let search = try client.readResponse()
            #expect(search.status == 200)
            #expect(search.text.contains("Overtuigen en <mark>beïnvloeden</mark>"))
            let problem = try client.readResponse()
            #expect(problem.status == 404)
            #expect(problem.header("Content-Type") == "application/problem+json")
            #expect(problem.header("Access-Control-Allow-Origin") == "*")
        }
    }

    @Test("search responses carry an ETag too, and revalidate to 304")
    func searchRevalidates() throws {
        try APIFixture.withLiveConnection { client in
            client.send(APIFixture.rawGet("/api/v1/zoeken?q=offerte"))
            let first = try client.readResponse()
            let etag = try #require(first.header("ETag"))
            client.send(APIFixture.rawGet("/api/v1/zoeken?q=offerte", extra: "If-None-Match: W/\(etag)\r\n"))
            #expect(try client.readResponse().status == 304)
        }
    }

    @Test("a browser's CORS preflight, then the cross-origin GET")
    func corsOverTheWire() throws {
        try APIFixture.withLiveConnection { client in
            client.send(
                "OPTIONS /api/v1/dossiers/23292 HTTP/1.1\r\nHost: localhost\r\nOrigin: https://intranet.example\r\n"
                    + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: if-none-match\r\n\r\n"
            )
            let preflight = try client.readResponse()
            #expect(preflight.status == 204)
            #expect(preflight.header("Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS")
            #expect(preflight.header("Access-Control-Max-Age") == "86400")
            client.send(
                APIFixture.rawGet("/api/v1/competenties/K", extra: "Origin: https://intranet.example\r\n"))
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Access-Control-Allow-Origin") == "*")
        }
    }

    @Test("If-Match: the current ETag holds, anything else is 412 problem+json with CORS; HEAD like GET")
    func ifMatch() throws {
        try APIFixture.withLiveConnection { client in
            client.send(APIFixture.rawGet("/api/v1/dossiers/23292"))
            let etag = try #require(try client.readResponse().header("ETag"))

            client.send(APIFixture.rawGet("/api/v1/dossiers/23292", extra: "If-Match: \"nope\"\r\n"))
            let failed = try client.readResponse()
            #expect(failed.status == 412)
            #expect(failed.header("Content-Type") == "application/problem+json")
            #expect(failed.header("Access-Control-Allow-Origin") == "*")
            #expect(failed.header("Access-Control-Expose-Headers") == "ETag, Link, X-Total-Count")
            #expect(
                failed.text.contains("\"type\":\"https://dossiers.example/problems/precondition-failed\""))

            // A weak tag never matches under the strong comparison.
            client.send(APIFixture.rawGet("/api/v1/dossiers/23292", extra: "If-Match: W/\(etag)\r\n"))
            #expect(try client.readResponse().status == 412)
            client.send(
                "HEAD /api/v1/dossiers/23292 HTTP/1.1\r\nHost: localhost\r\nIf-Match: \"nope\"\r\n\r\n")
            #expect(try client.readResponse(isHead: true).status == 412)

            for condition in [etag, "*", "\"nope\", \(etag)"] {
                client.send(APIFixture.rawGet("/api/v1/dossiers/23292", extra: "If-Match: \(condition)\r\n"))
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("ETag") == etag)
            }
            // If-Match is evaluated before If-None-Match.
            client.send(
                APIFixture.rawGet(
                    "/api/v1/dossiers/23292", extra: "If-None-Match: \(etag)\r\nIf-Match: \"nope\"\r\n"))
            #expect(try client.readResponse().status == 412)
            client.send(
                APIFixture.rawGet(
                    "/api/v1/dossiers/23292", extra: "If-Match: \(etag)\r\nIf-None-Match: \(etag)\r\n"))
            #expect(try client.readResponse().status == 304)
            // An unknown resource stays 404: preconditions apply only to what would be 2xx.
            client.send(APIFixture.rawGet("/api/v1/dossiers/99999", extra: "If-Match: \"nope\"\r\n"))
            #expect(try client.readResponse().status == 404)
        }
    }

    @Test(
        "the server's own problems carry the CORS fields too: 414, 400, 431, 501",
        arguments: [
            (
                "GET /api/v1/" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                414
            ),
            ("GET /api/v1/dossiers/%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
            ("GET /api/v1 HTTP/1.1\r\nHost: [::1\r\n\r\n", 400),
            ("GET /api/v1 HTTP/1.1\r\nHost: a:port\r\n\r\n", 400),
            (
                "GET /api/v1 HTTP/1.1\r\nHost: localhost\r\nX-Big: " + String(repeating: "b", count: 17_000)
                    + "\r\n\r\n", 431
            ),
            ("BREW /api/v1 HTTP/1.1\r\nHost: localhost\r\n\r\n", 501),
            ("GET /api/v1 HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        ])
    func corsOnServerProblems(request: String, status: Int) throws {
        try APIFixture.withLiveConnection { client in
            client.send(request)
            let response = try client.readResponse()
            #expect(response.status == status)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            #expect(response.header("Access-Control-Expose-Headers") == "ETag, Link, X-Total-Count")
            #expect(response.fields.filter { $0.name == "Access-Control-Allow-Origin" }.count == 1)
        }
    }

}
