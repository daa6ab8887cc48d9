import Foundation
import HTTPTestSupport
import Testing

@testable import DossierAPI

/// The LMS rows of the resource table, through the service: the exports, the CASE binding's
/// routes, its error dialect and the official OpenAPI at its discovery path.
@Suite struct LMSRoutesTests {
    private func bytes(_ response: TestClient.Response) -> [UInt8] { response.body }

    private func object(_ response: TestClient.Response) -> [String: Any] {
        response.json as? [String: Any] ?? [:]
    }

    private func codeMinor(_ response: TestClient.Response) -> String? {
        let minor = object(response)["imsx_codeMinor"] as? [String: Any]
        return (minor?["imsx_codeMinorField"] as? [[String: Any]])?.first?["imsx_codeMinorFieldValue"]
            as? String
    }

    @Test func everyKwalificatieLinksItsExportsWhichAreAttachments() throws {
        for (dossier, kwalificatie) in ExportFixture.all {
            let path = "/api/v1/dossiers/\(dossier.crebo)/kwalificaties/\(kwalificatie.kwalificatie.code)"
            let links = try #require(object(APIFixture.get(path))["links"] as? [String: String])
            for kind in ["moodle", "canvas"] {
                #expect(links[kind] == path + "/\(kind).csv")
                let response = APIFixture.get(path + "/\(kind).csv")
                #expect(
                    response.status == 200 && response.header("Content-Type") == "text/csv; charset=utf-8")
                #expect(
                    response.header("Content-Disposition")
                        == "attachment; filename=\"\(dossier.crebo)-\(kwalificatie.kwalificatie.code)-\(kind).csv\""
                )
                #expect(response.header("ETag") != nil)
                let expected =
                    kind == "moodle"
                    ? MoodleFrameworkCSV.bytes(kwalificatie, dossier: dossier)
                    : CanvasOutcomesCSV.bytes(kwalificatie, dossier: dossier)
                #expect(bytes(response) == expected)
            }
        }
        #expect(APIFixture.get("/api/v1/dossiers/23292/kwalificaties/P9/moodle.csv").status == 404)
    }

    @Test func theOfficialOpenAPIIsServedByteForByte() throws {
        let file = APIFixture.repository.appendingPathComponent(
            "Sources/DossierAPI/Exports/CASE/Official/imscasev1p1_openapi3_v1p0.json")
        let shipped = Array(try Data(contentsOf: file))
        let response = APIFixture.get(CASEPath.openAPI)
        #expect(response.status == 200 && response.header("Content-Type") == "application/json")
        #expect(bytes(response) == shipped && shipped.count == 167_207)
    }

    @Test func theCASEWalkFromDocumentsToItemAssociations() throws {
        let list = APIFixture.get(CASEPath.documents + "?limit=5&offset=5&utm_source=x")
        #expect(list.status == 200 && list.header("X-Total-Count") == String(ExportFixture.all.count + 1))
        #expect(list.header("Link")?.contains("rel=\"next\"") == true)
        let documents = try #require(object(list)["CFDocuments"] as? [[String: Any]])
        #expect(documents.count == 5)
        let id = CASEIdentifiers.document(dossier: "23292", profiel: "P2")
        let package = object(APIFixture.get(CASEPath.package(id)))
        let items = try #require(package["CFItems"] as? [[String: Any]])
        let werkproces = try #require(items.first { $0["humanCodingScheme"] as? String == "B1-K1-W1" })
        let itemID = try #require(werkproces["identifier"] as? String)
        // A UUID is case-insensitive (RFC 9562 §4): the upper-case form finds the same record.
        let item = APIFixture.get(CASEPath.item(itemID.uppercased()))
        #expect(item.status == 200 && bytes(item) == bytes(APIFixture.get(CASEPath.item(itemID))))
        let associations = try #require(
            object(APIFixture.get(CASEPath.itemAssociations(itemID)))["CFAssociations"] as? [[String: Any]])
        #expect(associations.contains { $0["associationType"] as? String == "isChildOf" })
        #expect(associations.contains { $0["associationType"] as? String == "isRelatedTo" })
    }

    @Test func errorsUnderIMSCaseSpeakTheBindingsDialect() {
        let unknown = NameBasedUUID(namespace: .dnsNamespace, name: "nergens").description
        let cases: [(String, Int, String)] = [
            (CASEPath.item("B1-K1"), 404, "invalid_uuid"),
            (CASEPath.item(unknown), 404, "unknownobject"),
            (CASEPath.base + "/CFRubrics/" + unknown, 404, "unknownobject"),
            (CASEPath.base + "/CFSomething", 404, "unknownobject"),
            (CASEPath.documents + "?limit=0", 400, "invalid_selection_field"),
            (CASEPath.documents + "?sort=kleur", 400, "invalid_sort_field"),
            (CASEPath.documents + "?filter=title%3D%27x%27", 400, "invalid_selection_field"),
            (CASEPath.documents + "?offset=99", 404, "unknownobject"),
        ]
        for (path, status, minor) in cases {
            let response = APIFixture.get(path)
            #expect(response.status == status, "\(path)")
            #expect(response.header("Content-Type") == "application/json", "\(path)")
            #expect(codeMinor(response) == minor, "\(path)")
        }
        // Everywhere else problem+json stays.
        #expect(APIFixture.get("/api/v1/dossiers/99999").header("Content-Type") == "application/problem+json")
    }
}

/// The CASE records link each other by absolute `uri`s: a walk from CFDocuments along them
/// reaches every pre-rendered CASE record (CFItemAssociations through its CFItem).
@Suite struct CASEWalkTests {
    @Test func aWalkAlongTheURIsReachesEveryCASERecord() throws {
        let base = "http://localhost:8080"
        var seen: Set<String> = []
        var queue = [CASEPath.documents]
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, member) in object {
                    if key == "uri", let uri = member as? String, uri.hasPrefix(base + CASEPath.base) {
                        queue.append(String(uri.dropFirst(base.count)))
                    } else {
                        collect(member)
                    }
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        while let path = queue.popLast() {
            guard seen.insert(path).inserted else { continue }
            let response = APIFixture.get(path)
            #expect(response.status == 200, "\(path)")
            if path.hasPrefix(CASEPath.base + "/CFItems/") {
                queue.append(CASEPath.itemAssociations(String(path.split(separator: "/").last!)))
            }
            if let json = response.json { collect(json) }
        }
        let rendered = Set(APIFixture.service.renderedPaths.filter { $0.hasPrefix(CASEPath.base + "/") })
        #expect(
            rendered.subtracting(seen).isEmpty, "unreached: \(rendered.subtracting(seen).sorted().prefix(5))")
        #expect(rendered.count > 2000)
    }
}

/// The identifiers the CI's schemathesis run against the official CASE OpenAPI is given
/// (Tests/LMS/schemathesis-case.toml) name real records of the operations they are given for.
@Suite struct SchemathesisCaseConfigTests {
    @Test func everyConfiguredIdentifierAnswers200() throws {
        let text = try String(
            contentsOf: APIFixture.repository.appendingPathComponent("Tests/LMS/schemathesis-case.toml"),
            encoding: .utf8)
        var operations: [String] = []
        var checked = 0
        for line in text.split(separator: "\n") {
            if line.hasPrefix("include-operation-id = ") {
                operations = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map {
                    String($0.element)
                }
            } else if line.hasPrefix("parameters = { sourcedId = \"") {
                let id = String(line.split(separator: "\"")[1])
                for operation in operations {
                    let found = try #require(CASEOperation(rawValue: operation))
                    let path = found.template.replacingOccurrences(of: "{sourcedId}", with: id)
                    #expect(APIFixture.get(path).status == 200, "\(operation) \(id)")
                    checked += 1
                }
            }
        }
        #expect(checked == 6)
    }
}
