import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@testable import DossierAPI

/// The resource table and what is derived from it: the path-only lookup and the router give
/// the same answers, every form of a path that RFC 3986 normalisation makes equal reaches the
/// same resource, and links come from the rows.
@Suite("Resource table")
struct ResourceTableTests {
    /// The same application answering from the router alone, and from the lookup alone.
    static let throughRouter = InProcessClient(
        responder: RouterOnly(router: APIFixture.service.router), configuration: APIFixture.configuration)
    static let throughLookup = InProcessClient(
        responder: LookupOnly(rendered: APIFixture.service.rendered), configuration: APIFixture.configuration)

    /// The fields of a response without `Date`, which two answers a second apart differ in.
    private func fields(_ response: TestClient.Response) -> [String] {
        response.fields.filter { $0.name != "Date" }.map { "\($0.name): \($0.value)" }
    }

    @Test("the table is sound: valid templates, one kind per parameter, a noun per 404, unique ids")
    func tableIsSound() {
        #expect(ResourceTable.problems == [])
        #expect(ResourceTable.all.count == Set(ResourceTable.all.map(\.template)).count)
    }

    @Test("every pre-rendered path gives the same response through the router as through the lookup")
    func routerAgreesWithLookup() throws {
        let paths = APIFixture.service.renderedPaths
        #expect(paths.count > 150)
        for path in paths {
            for method in [HTTPMethod.get, .head] {
                let looked = Self.throughLookup.request(method, path)
                #expect(looked.status == 200, "\(method) \(path)")
                for other in [Self.throughRouter.request(method, path), APIFixture.get(path, method: method)]
                {
                    #expect(other.status == looked.status, "\(method) \(path)")
                    #expect(fields(other) == fields(looked), "\(method) \(path)")
                    #expect(other.body == looked.body, "\(method) \(path)")
                }
            }
        }
    }

    /// `path` with every unreserved character of every segment percent-encoded, in upper- or
    /// lowercase hex: equal to `path` under RFC 3986 §6.2.2.1–2.
    static func encoded(_ path: String, lowercase: Bool) -> String {
        var result = ""
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                result += "/"
            } else {
                result += "%" + String(format: lowercase ? "%02x" : "%02X", byte)
            }
        }
        return result
    }

    @Test("a path written in another form RFC 3986 makes equal reaches the same resource")
    func equalForms() throws {
        for path in APIFixture.service.renderedPaths {
            let canonical = APIFixture.get(path)
            // The first two segments (`api`, `v1`; `ims`, `case`) and the rest of the path.
            let segments = path.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
            let (first, second) = (segments[1], segments[2])
            let rest = path.dropFirst(first.count + second.count + 2)
            let escapedFirst = "%" + String(format: "%02x", first.utf8.first!) + first.dropFirst()
            let forms = [
                Self.encoded(path, lowercase: false), Self.encoded(path, lowercase: true),
                "/" + escapedFirst + "/" + second + rest,
                // Dot segments (§6.2.2.3, §5.2.4), plain and percent-encoded.
                "/\(first)/./\(second)" + rest, "/\(first)/x/../\(second)" + rest,
                "/\(first)/%2E/\(second)/%2e%2E/\(second)" + rest, "/../.." + path,
            ]
            for form in forms {
                let response = APIFixture.get(form)
                #expect(response.status == 200, "\(form)")
                #expect(response.body == canonical.body, "\(form)")
                #expect(response.header("ETag") == canonical.header("ETag"), "\(form)")
                #expect(response.header("Content-Type") == canonical.header("Content-Type"), "\(form)")
            }
        }
    }

    @Test(
        "a path that is another one only to the eye is no resource: 404, never a different one",
        arguments: [
            "/api//v1/dossiers",  // an empty segment is a segment (RFC 3986 §3.3)
            "/api/v1/dossiers/",
            "/api/v1%2Fdossiers",  // an encoded slash is data, not a separator (§2.2)
            "/API/v1/dossiers",  // paths are case-sensitive
            "/api/v1/dossiers/23292/kerntaken//B1-K1",
            "/api/v1/dossiers/23292/kerntaken/..",  // is /api/v1/dossiers/23292/, with its slash
            "/api/v1/dossiers/.../23292",  // three dots are a name, not a dot segment
        ])
    func differentForms(path: String) throws {
        let response = APIFixture.get(path)
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "application/problem+json")
    }

    @Test(
        "dot segments are removed as RFC 3986 §5.2.4 says, and only dot segments",
        arguments: [
            ("/a/b/c/./../../g", "/a/g"), ("/a/./b", "/a/b"), ("/a/.", "/a/"), ("/a/b/..", "/a/"),
            ("/../a", "/a"), ("/a/%2E%2e/b", "/b"), ("/a//./b", "/a//b"), ("/.", "/"),
        ])
    func dotSegments(path: String, expected: String) {
        #expect(DotSegments.removed(from: path) == expected)
    }

    @Test(
        "a path without dot segments is left alone",
        arguments: ["/api/v1", "/a/.b/c.", "/a/...", "/a/%2E%2E%2E", "*"])
    func noDotSegments(path: String) {
        #expect(DotSegments.removed(from: path) == nil)
    }

    @Test("a resource's children are linked from it under their last segment, in table order")
    func childLinks() throws {
        let dossier = try #require(
            APIFixture.get("/api/v1/dossiers/23292").json as? [String: Any])
        let links = try #require(dossier["links"] as? [String: String])
        for child in ResourceTable.children(of: ResourceTable.getDossier) {
            #expect(links[child.relation] == child.path("23292"), "\(child.template)")
        }
        #expect(links["kerntaken"] == "/api/v1/dossiers/23292/kerntaken")
        #expect(links["competenties"] == "/api/v1/dossiers/23292/competenties")
        let entry = try #require(APIFixture.get("/api/v1").json as? [String: Any])
        #expect((entry["links"] as? [String: String])?["zoeken"] == "/api/v1/zoeken?q={q}")
    }

    @Test("the relation of a row is its last segment in lowerCamelCase")
    func relations() {
        #expect(Resource.lowerCamelCase("generieke-onderdelen") == "generiekeOnderdelen")
        #expect(Resource.lowerCamelCase("kerntaken") == "kerntaken")
        #expect(ResourceTable.getCompetentieMatrix.relation == "competenties")
    }

    @Test("a 404 names the first thing that does not exist, in the words of the table's nouns")
    func notFoundDetails() throws {
        for (path, detail) in [
            ("/api/v1/dossiers/99999/vakkennis/vk1", "Er is geen dossier met crebo 99999."),
            ("/api/v1/dossiers/23292/vakkennis/vk999", "Dossier 23292 heeft geen vakkennis-item vk999."),
            ("/api/v1/dossiers/23189/kwalificaties/P9", "Dossier 23189 heeft geen kwalificatie P9."),
            ("/api/v1/kwalificaties/99999", "Er is geen kwalificatie met crebo 99999."),
            ("/api/v1/dossiers/99999/competenties", "Er is geen dossier met crebo 99999."),
        ] {
            let problem = try #require(APIFixture.get(path).json as? [String: Any])
            #expect(problem["detail"] as? String == detail, "\(path)")
        }
    }
}
