import Foundation
import HTTPServer
import Testing

@testable import DossierAPI

/// Status codes, problem details, caching and CORS fields of the API (called directly; the
/// same behaviour over real sockets is in ``LiveServerTests``).
@Suite("HTTP behaviour")
struct HTTPBehaviourTests {
    @Test("every GET resource has a strong ETag, Cache-Control and CORS")
    func cachingFields() {
        for path in APIFixture.service.renderedPaths + ["/api/v1/zoeken?q=klant"] {
            let response = APIFixture.get(path)
            #expect(response.status == .ok)
            #expect(
                response.etag?.hasPrefix("\"") == true && response.etag?.hasPrefix("W/") == false, "\(path)")
            #expect(response.headers["Cache-Control"] == "public, max-age=300")
            #expect(response.headers["Access-Control-Allow-Origin"] == "*")
            #expect(response.headers["Content-Type"] == "application/json")
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
        #expect(response.status.code == status)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
        let problem = try #require(APIFixture.json(response) as? [String: Any])
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
        #expect(encoded.status == .ok)
        #expect(encoded.etag == plain.etag)
    }

    @Test("a known path with a wrong method is 405 with Allow, readable cross-origin")
    func methodNotAllowed() {
        let response = APIFixture.get("/api/v1/dossiers/23292", method: .post)
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test("QUERY is a method the server knows: 405 on a GET-only resource, an unknown method 501")
    func queryMethod() {
        #expect(APIFixture.get("/api/v1/dossiers", method: .query).status == .methodNotAllowed)
        #expect(
            APIFixture.get("/api/v1/dossiers", method: HTTPMethod(rawValue: "BREW")).status == .notImplemented
        )
    }

    @Test("a CORS preflight is answered with methods, headers and max-age")
    func preflight() {
        let response = APIFixture.get(
            "/api/v1/zoeken", method: .options,
            headers: [
                "Origin": "https://intranet.school.nl", "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "if-none-match",
            ])
        #expect(response.status == .noContent)
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
        #expect(response.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Headers"] == "if-none-match")
        #expect(response.headers["Access-Control-Max-Age"] == "86400")
    }

    @Test("the contract and the browse page are served, health is JSON")
    func servedFiles() throws {
        let contract = APIFixture.get("/openapi.yaml")
        #expect(contract.status == .ok)
        #expect(contract.headers["Content-Type"] == "application/yaml")
        #expect(contract.body.bytes == Array(APIFixture.openAPIText.utf8))
        let page = APIFixture.get("/")
        #expect(page.status == .ok)
        #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
        let health = APIFixture.get("/healthz")
        #expect(health.status == .ok)
        #expect(APIFixture.json(health) as? [String: String] == ["status": "ok"])
    }
}
