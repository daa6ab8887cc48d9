import Foundation
import HTTPServer
import Testing

@testable import DossierAPI

/// Status codes, problem details, caching and CORS fields of the API, through the in-process
/// client (the server's parser, pipeline and serialiser; the same behaviour over real sockets
/// is in ``LiveServerTests``).
@Suite("HTTP behaviour")
struct HTTPBehaviourTests {
    @Test("every GET resource has a strong ETag, Cache-Control and CORS")
    func cachingFields() {
        for path in APIFixture.service.renderedPaths + ["/api/v1/zoeken?q=klant"] {
            let response = APIFixture.get(path)
            #expect(response.status == 200)
            #expect(
                response.header("ETag")?.hasPrefix("\"") == true
                    && response.header("ETag")?.hasPrefix("W/") == false, "\(path)")
            #expect(response.header("Cache-Control") == "public, max-age=300")
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            let csv = path.hasSuffix(".csv")
            #expect(response.header("Content-Type") == (csv ? "text/csv; charset=utf-8" : "application/json"))
        }
    }

    @Test("the browse page and its files carry the page's security fields; the API's JSON does not")
    func browsePageSecurityFields() {
        for path in ["/", "/index.html", "/app.mjs", "/style.css"] {
            let response = APIFixture.get(path)
            #expect(response.status == 200, "\(path)")
            let policy = response.header("Content-Security-Policy") ?? ""
            #expect(
                policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), "\(path)")
            #expect(!policy.contains("unsafe-inline"), "\(path)")
            #expect(response.header("Referrer-Policy") == "no-referrer", "\(path)")
            #expect(response.header("X-Frame-Options") == "DENY", "\(path)")
        }
        for path in ["/api/v1", "/api/v1/dossiers/23292", "/api/v1/zoeken?q=klant", "/api/v1/nergens"] {
            #expect(APIFixture.get(path).header("Content-Security-Policy") == nil, "\(path)")
        }
    }

    @Test(
        "unknown crebo or code is 404, a malformed one 400, both as problem+json",
        arguments: [
            ("/api/v1/dossiers/99999", 404, "not-found", "Er is geen dossier met crebo 99999."),
            ("/api/v1/dossiers/2329", 400, "invalid-parameter", nil),
            ("/api/v1/dossiers/23292x", 400, "invalid-parameter", nil),
            (
                "/api/v1/dossiers/23292/kerntaken/B1-K9", 404, "not-found",
                "Dossier 23292 heeft geen kerntaak B1-K9."
            ),
            ("/api/v1/dossiers/23292/kerntaken/b1-k1", 400, "invalid-parameter", nil),
            ("/api/v1/dossiers/23292/werkprocessen/B1-K1-W9", 404, "not-found", nil),
            (
                "/api/v1/dossiers/99999/werkprocessen/B1-K1-W1", 404, "not-found",
                "Er is geen dossier met crebo 99999."
            ),
            ("/api/v1/dossiers/23292/kwalificaties/P7", 404, "not-found", nil),
            ("/api/v1/kwalificaties/23292", 404, "not-found", nil),
            ("/api/v1/competenties/Z", 400, "invalid-parameter", nil),
            ("/api/v1/dossiers/23292/vakkennis/vk999", 404, "not-found", nil),
            ("/api/v1/nergens", 404, "not-found", "Deze resource bestaat niet."),
            (
                "/api/v1/dossiers/23292/", 404, "not-found",
                "Deze resource bestaat niet; bedoelt u /api/v1/dossiers/23292 (zonder / aan het eind)?"
            ),
            ("/api/v1/dossiers/99999/", 404, "not-found", "Deze resource bestaat niet."),
        ] as [(String, Int, String, String?)])
    func problems(path: String, status: Int, slug: String, detail: String?) throws {
        let response = APIFixture.get(path)
        #expect(response.status == status)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        let problem = try #require(response.json as? [String: Any])
        #expect(problem["type"] as? String == "https://dossiers.example/problems/" + slug)
        #expect(problem["status"] as? Int == status)
        #expect(problem["instance"] as? String == path)
        #expect((problem["title"] as? String)?.isEmpty == false)
        if let detail { #expect(problem["detail"] as? String == detail) }
    }

    @Test("a percent-encoded path reaches the same resource as the plain one")
    func percentEncodedPath() {
        let plain = APIFixture.get("/api/v1/dossiers/23292/kerntaken/B1-K2")
        let encoded = APIFixture.get("/api/v1/dossiers/2329%32/kerntaken/B1%2DK2")
        #expect(encoded.status == 200)
        #expect(encoded.header("ETag") == plain.header("ETag"))
    }

    @Test("a known path with a wrong method is 405 with Allow, readable cross-origin")
    func methodNotAllowed() {
        let response = APIFixture.get("/api/v1/dossiers/23292", method: .post)
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
    }

    @Test("QUERY is a method the server knows: 405 on a GET-only resource, an unknown method 501")
    func queryMethod() {
        #expect(APIFixture.get("/api/v1/dossiers", method: .query).status == 405)
        #expect(
            APIFixture.get("/api/v1/dossiers", method: HTTPMethod(rawValue: "BREW")).status == 501
        )
    }

    @Test("a CORS preflight is answered with methods, headers and max-age")
    func preflight() {
        let response = APIFixture.get(
            "/api/v1/zoeken", method: .options,
            headers: [
                ("Origin", "https://intranet.school.nl"), ("Access-Control-Request-Method", "GET"),
                ("Access-Control-Request-Headers", "if-none-match"),
            ])
        #expect(response.status == 204)
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        #expect(response.header("Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS")
        #expect(response.header("Access-Control-Allow-Headers") == "if-none-match")
        #expect(response.header("Access-Control-Max-Age") == "86400")
    }

    @Test(
        "every response carries CORS and nosniff exactly once: resources, files, health, problems, 405, 304",
        arguments: [
            ("GET", "/api/v1/dossiers/23292", 200), ("GET", "/healthz", 200), ("GET", "/openapi.yaml", 200),
            ("GET", "/", 200), ("HEAD", "/api/v1", 200), ("GET", "/api/v1/zoeken?q=klant", 200),
            ("GET", "/api/v1/dossiers/99999", 404), ("GET", "/nergens.html", 404),
            ("POST", "/api/v1/dossiers", 405), ("DELETE", "/index.html", 405), ("BREW", "/api/v1", 501),
            ("GET", "/api/v1/dossiers/%ZZ", 400), ("OPTIONS", "/api/v1/competenties", 204),
        ])
    func fieldsOnEveryResponse(method: String, target: String, status: Int) {
        let response = APIFixture.get(target, method: HTTPMethod(rawValue: method))
        #expect(response.status == status)
        for (name, value) in [
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Expose-Headers", "ETag, Link, X-Total-Count"),
            ("X-Content-Type-Options", "nosniff"),
        ] {
            #expect(
                response.fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) == [value])
        }
    }

    @Test("the server's own problems are in the API's words: Dutch, its type base, with instance")
    func serverProblemsInDutch() throws {
        for (method, target, slug, title) in [
            ("POST", "/api/v1/dossiers", "method-not-allowed", "Methode niet toegestaan"),
            ("GET", "/nergens.html", "not-found", "Niet gevonden"),
            ("BREW", "/api/v1", "not-implemented", "Niet ondersteund"),
            ("GET", "/api/v1/dossiers/%ZZ", "bad-request", "Ongeldig verzoek"),
        ] {
            let response = APIFixture.get(target, method: HTTPMethod(rawValue: method))
            #expect(response.header("Content-Type") == "application/problem+json")
            let problem = try #require(response.json as? [String: Any], "\(method) \(target)")
            #expect(problem["type"] as? String == "https://dossiers.example/problems/" + slug)
            #expect(problem["title"] as? String == title)
            #expect(problem["instance"] as? String == target)
            #expect((problem["detail"] as? String)?.isEmpty == false)
        }
        let etag = try #require(APIFixture.get("/api/v1").header("ETag"))
        let failed = APIFixture.get("/api/v1", headers: [("If-Match", "\"nope\"")])
        #expect(failed.status == 412)
        #expect((failed.json as? [String: Any])?["title"] as? String == "Voorwaarde niet vervuld")
        #expect(APIFixture.get("/api/v1", headers: [("If-None-Match", etag)]).status == 304)
    }

    @Test("the contract and the browse page are served, health is JSON")
    func servedFiles() throws {
        let contract = APIFixture.get("/openapi.yaml")
        #expect(contract.status == 200)
        #expect(contract.header("Content-Type") == "application/yaml")
        #expect(contract.body == Array(APIFixture.openAPIText.utf8))
        let page = APIFixture.get("/")
        #expect(page.status == 200)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
        let health = APIFixture.get("/healthz")
        #expect(health.status == 200)
        #expect(
            health.json as? [String: String]
                == ["status": "ok", "dataVersie": APIFixture.application.dataVersion])
    }
}
