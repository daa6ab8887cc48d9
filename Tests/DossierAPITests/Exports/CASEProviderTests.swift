import Dossier
import Foundation
import Testing

@testable import DossierAPI

/// The CASE records of the embedded data: mapping, identifiers, dates, queries and errors.
@Suite struct CASEProviderTests {
    static let provider = CASEProvider(
        catalog: ExportFixture.catalog, publicBaseURL: "http://localhost:8080/")

    private func object(_ value: JSONValue) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(JSONWriter.bytes(value)))) as? [String: Any] ?? [:]
    }

    private func document(_ dossier: String, _ profiel: String) -> CASEDocument {
        Self.provider.document(CASEIdentifiers.document(dossier: dossier, profiel: profiel))!
    }

    @Test func oneDocumentPerKwalificatieAndOneForTheCompetenties() {
        let titles = Self.provider.documents.map(\.title)
        #expect(titles.count == ExportFixture.all.count + 1)
        #expect(titles.last == "SBB-competenties")
        #expect(document("23292", "P2").title == "Manager mobiliteitsbranche")
        let competenties = Self.provider.document(CASEIdentifiers.competentiesDocument)!
        #expect(
            competenties.items.compactMap { Self.provider.items[$0]?.humanCodingScheme }
                == Competentie.alle.map(\.code))
    }

    @Test func everyComposedWerkprocesIsAChildOfItsKerntaakInOrder() throws {
        for (dossier, kwalificatie) in ExportFixture.all {
            let profiel = kwalificatie.kwalificatie.code
            let package = object(Self.provider.package(document(dossier.crebo, profiel)))
            let associations = try #require(package["CFAssociations"] as? [[String: Any]])
            func children(of parent: String) -> [String] {
                associations.filter {
                    $0["associationType"] as? String == "isChildOf"
                        && ($0["destinationNodeURI"] as? [String: Any])?["identifier"] as? String == parent
                }
                .sorted { ($0["sequenceNumber"] as! Int) < ($1["sequenceNumber"] as! Int) }
                .compactMap { ($0["originNodeURI"] as? [String: Any])?["identifier"] as? String }
            }
            let kerntaken = kwalificatie.kerntaken.map {
                CASEIdentifiers.item(dossier: dossier.crebo, profiel: profiel, code: $0.code)
            }
            #expect(
                children(of: CASEIdentifiers.document(dossier: dossier.crebo, profiel: profiel)) == kerntaken)
            for (kerntaak, id) in zip(kwalificatie.kerntaken, kerntaken) {
                let werkprocessen = kerntaak.werkprocessen.map {
                    CASEIdentifiers.item(dossier: dossier.crebo, profiel: profiel, code: $0.code)
                }
                let vakkennis = (kerntaak.vakkennis ?? []).map {
                    CASEIdentifiers.vakkennis(dossier: dossier.crebo, profiel: profiel, id: $0)
                }
                #expect(
                    children(of: id) == werkprocessen + vakkennis,
                    "\(dossier.crebo) \(profiel) \(kerntaak.code)")
                for werkproces in kerntaak.werkprocessen {
                    let item = Self.provider.items[
                        CASEIdentifiers.item(dossier: dossier.crebo, profiel: profiel, code: werkproces.code)]!
                    let tekst = SamengesteldeTekst(
                        werkproces: werkproces, kwalificatie: kwalificatie.kwalificatie)
                    #expect(
                        item.fullStatement == tekst.platteTekst && item.humanCodingScheme == werkproces.code)
                }
            }
        }
    }

    @Test func aWerkprocesComposedForTwoKwalificatiesIsTwoItemsWithTheirOwnAdditions() throws {
        let p3 = try #require(
            Self.provider.items[CASEIdentifiers.item(dossier: "23181", profiel: "P3", code: "B1-K1-W2")])
        let p1 = try #require(
            Self.provider.items[CASEIdentifiers.item(dossier: "23181", profiel: "P1", code: "B1-K1-W2")])
        #expect(p3.identifier != p1.identifier)
        let label = "Voor Persoonlijk begeleider gehandicaptenzorg geldt aanvullend:"
        let added =
            "- daagt, indien mogelijk, de cliënt uit om zelf met oplossingen te komen of (gedrags)alternatieven uit te proberen;"
        #expect(p3.fullStatement.contains(label + "\nDe persoonlijk begeleider gehandicaptenzorg:\n" + added))
        #expect(!p1.fullStatement.contains("Persoonlijk begeleider gehandicaptenzorg"))
        #expect(p3.fullStatement.hasPrefix(p3.abbreviatedStatement! + "\n\nOmschrijving\n"))
        // A competentie only an addition names (K for P4 on B1-K1-W5) comes in through
        // isRelatedTo for that kwalificatie only.
        func related(_ profiel: String) -> [String] {
            let id = CASEIdentifiers.item(dossier: "23181", profiel: profiel, code: "B1-K1-W5")
            return (Self.provider.associationsOfItem[id] ?? []).compactMap { Self.provider.associations[$0] }
                .filter { $0.type == "isRelatedTo" && $0.origin.identifier == id }.map(
                    \.destination.identifier)
        }
        let basis = ["E", "T", "V", "D", "C"].map(CASEIdentifiers.competentie)
        #expect(related("P4") == basis + [CASEIdentifiers.competentie("K")])
        #expect(related("P3") == basis)
    }

    @Test func identifiersAndBytesAreTheSameOnEveryBuild() {
        let again = CASEProvider(catalog: ExportFixture.catalog, publicBaseURL: "http://localhost:8080")
        for document in Self.provider.documents {
            #expect(
                JSONWriter.bytes(Self.provider.package(document))
                    == JSONWriter.bytes(again.package(again.document(document.identifier)!)))
        }
        let elsewhere = CASEProvider(
            catalog: ExportFixture.catalog, publicBaseURL: "https://kd.example.nl/base")
        let moved = String(
            decoding: JSONWriter.bytes(elsewhere.package(elsewhere.documents[0])), as: UTF8.self)
        #expect(
            moved.contains(
                "\"uri\": \"https://kd.example.nl/base/ims/case/v1p1/CFDocuments/\(elsewhere.documents[0].identifier)\""
            ))
        #expect(!moved.contains("localhost"))
    }

    @Test func lastChangeDateTimeComesFromTheDossiersOwnDates() {
        #expect(document("23292", "P1").lastChangeDateTime == "2021-09-10T00:00:00Z")
        #expect(document("23292", "P2").lastChangeDateTime == "2021-09-10T00:00:00Z")
        #expect(document("23189", "P1").lastChangeDateTime == "2015-11-26T00:00:00Z")
        #expect(document("23181", "P3").lastChangeDateTime == "2015-11-26T00:00:00Z")
        #expect(
            Self.provider.document(CASEIdentifiers.competentiesDocument)?.lastChangeDateTime
                == "2021-09-10T00:00:00Z")
        let bare = Kwalificatiedossier(
            crebo: "10000", titel: "t", bron: Bron(soort: .json, bestand: "t.json"))
        #expect(CASEDates.lastChangeDateTime([bare]) == "1970-01-01T00:00:00Z")
        var geldig = bare
        geldig.geldigVanaf = "2020-08-01"
        #expect(CASEDates.lastChangeDateTime([geldig]) == "2020-08-01T00:00:00Z")
    }

    @Test func aPackagedRecordLeavesOutWhatTheSchemaLeavesOut() throws {
        let d = document("23292", "P1")
        let alone = object(Self.provider.json(d, inPackage: false))
        let packaged = object(Self.provider.package(d))
        #expect(
            (alone["CFPackageURI"] as? [String: Any])?["uri"] as? String
                == "http://localhost:8080/ims/case/v1p1/CFPackages/\(d.identifier)")
        #expect((packaged["CFDocument"] as? [String: Any])?["CFPackageURI"] == nil)
        let items = try #require(packaged["CFItems"] as? [[String: Any]])
        #expect(items.allSatisfy { $0["CFDocumentURI"] == nil } && items.count == d.items.count)
        let item = object(try Self.provider.answer(.getCFItem, sourcedId: d.items[0]).get())
        #expect((item["CFDocumentURI"] as? [String: Any])?["identifier"] as? String == d.identifier)
        let types = (packaged["CFDefinitions"] as? [String: Any])?["CFItemTypes"] as? [[String: Any]]
        #expect(types?.compactMap { $0["typeCode"] as? String } == ["kerntaak", "werkproces", "vakkennis"])
    }

    @Test func itemTypesAndItemAssociations() throws {
        let set = object(
            try Self.provider.answer(.getCFItemType, sourcedId: CASEItemType.kerntaak.identifier).get())
        #expect(
            (set["CFItemTypes"] as? [[String: Any]])?.compactMap { $0["hierarchyCode"] as? String } == [
                "1", "1.1", "1.2",
            ])
        let k = object(
            try Self.provider.answer(.getCFItemAssociations, sourcedId: CASEIdentifiers.competentie("K"))
                .get())
        let associations = try #require(k["CFAssociations"] as? [[String: Any]])
        let relatedFrom = associations.filter { $0["associationType"] as? String == "isRelatedTo" }.count
        let callers = ExportFixture.all.flatMap { $0.kwalificatie.kerntaken.flatMap(\.werkprocessen) }
            .filter { ($0.competenties ?? []).contains("K") }.count
        #expect(relatedFrom == callers && callers > 0)
        #expect(associations.filter { $0["associationType"] as? String == "isChildOf" }.count == 1)
    }

    @Test func unknownAndMalformedIdentifiersAnswerInTheBindingsDialect() throws {
        let unknown = NameBasedUUID(namespace: .dnsNamespace, name: "nergens").description
        for operation in CASEOperation.allCases where operation != .getAllCFDocuments {
            guard case .failure(let error) = Self.provider.answer(operation, sourcedId: unknown) else {
                Issue.record("\(operation) found \(unknown)")
                continue
            }
            #expect(error.status == 404 && error.codeMinor == .unknownObject)
        }
        guard case .failure(let malformed) = Self.provider.answer(.getCFItem, sourcedId: "B1-K1") else {
            Issue.record("B1-K1 found")
            return
        }
        #expect(malformed.status == 404 && malformed.codeMinor == .invalidUUID)
        let body = object(malformed.json)
        #expect(body["imsx_codeMajor"] as? String == "failure" && body["imsx_severity"] as? String == "error")
        let field = ((body["imsx_codeMinor"] as? [String: Any])?["imsx_codeMinorField"] as? [[String: Any]])?
            .first
        #expect(field?["imsx_codeMinorFieldValue"] as? String == "invalid_uuid")
    }

    @Test func documentsPageAndSort() throws {
        let all = Self.provider.documents.count
        func page(_ items: [(String, String)]) throws -> (ids: [String], total: Int) {
            let query = try CASEDocumentQuery.parse(items.map { (name: $0.0, value: $0.1) }).get()
            let (json, total) = try Self.provider.documents(query).get()
            let ids = (object(json)["CFDocuments"] as? [[String: Any]] ?? []).compactMap {
                $0["identifier"] as? String
            }
            return (ids, total)
        }
        let everything = try page([])
        #expect(everything.ids == Self.provider.documents.map(\.identifier) && everything.total == all)
        let second = try page([("limit", "3"), ("offset", "3"), ("fields", "title"), ("utm_source", "x")])
        #expect(second.ids == Array(everything.ids[3..<6]) && second.total == all)
        let byTitle = try page([("sort", "title"), ("orderBy", "desc")])
        let titles = byTitle.ids.map { Self.provider.document($0)!.title }
        #expect(titles == titles.sorted(by: >))
        let links = Self.provider.pagingLinks(
            try CASEDocumentQuery.parse([("limit", "5"), ("offset", "5")]).get(), total: all)
        #expect(
            links?.contains(
                "<http://localhost:8080/ims/case/v1p1/CFDocuments?limit=5&offset=10>; rel=\"next\"") == true)
        #expect(links?.contains("rel=\"prev\"") == true && links?.contains("rel=\"first\"") == true)
    }

    @Test(arguments: [
        ("limit", "0", CASEStatusInfo.CodeMinor.invalidSelectionField),
        ("limit", "x", .invalidSelectionField),
        ("offset", "-1", .invalidSelectionField), ("offset", "99999999999", .invalidSelectionField),
        ("orderBy", "up", .invalidSelectionField), ("sort", "kleur", .invalidSortField),
        ("filter", "title='x'", .invalidSelectionField),
    ])
    func aBadQueryIs400(name: String, value: String, codeMinor: CASEStatusInfo.CodeMinor) {
        guard case .failure(let error) = CASEDocumentQuery.parse([(name: name, value: value)]) else {
            Issue.record("\(name)=\(value) accepted")
            return
        }
        #expect(error.status == 400 && error.codeMinor == codeMinor)
    }

    @Test func aRepeatedParameterIs400AndAnEmptyPage404() throws {
        guard case .failure(let repeated) = CASEDocumentQuery.parse([("limit", "1"), ("limit", "2")]) else {
            Issue.record("limit twice accepted")
            return
        }
        #expect(repeated.status == 400)
        let past = try CASEDocumentQuery.parse([("offset", "1000")]).get()
        guard case .failure(let empty) = Self.provider.documents(past) else {
            Issue.record("an empty page answered")
            return
        }
        #expect(empty.status == 404 && empty.codeMinor == .unknownObject)
    }
}
