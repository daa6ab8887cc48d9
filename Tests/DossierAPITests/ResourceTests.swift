import Foundation
import HTTPServer
import Testing

@testable import DossierAPI

/// The resources for the two embedded dossiers, checked against the source texts themselves.
@Suite("Resources")
struct ResourceTests {
    static let seed = try! String(
        contentsOf: APIFixture.repository.appendingPathComponent(
            "Tests/DossierTests/Fixtures/kd-23292-aftersales-mobiliteitsbranche.txt"), encoding: .utf8)

    @Test("the entry point links to every collection")
    func entryPoint() throws {
        let links = try #require(try APIFixture.object("/api/v1")["links"] as? [String: String])
        #expect(links["dossiers"] == "/api/v1/dossiers")
        #expect(links["competenties"] == "/api/v1/competenties")
        #expect(links["kwalificaties"] == "/api/v1/kwalificaties")
        #expect(links["openapi"] == "/openapi.yaml")
    }

    @Test("the dossier list has the three embedded dossiers, sorted by crebo")
    func dossierList() throws {
        let items = try #require(try APIFixture.object("/api/v1/dossiers")["items"] as? [[String: Any]])
        #expect(items.map { $0["crebo"] as? String } == ["23181", "23189", "23292"])
        #expect(
            items.map { $0["titel"] as? String } == [
                "Maatschappelijke Zorg", "Dienstverlening", "(After)sales in de mobiliteitsbranche",
            ])
    }

    @Test("23292 is served whole, with nulls where the seed says nothing")
    func dossier23292() throws {
        let dossier = try APIFixture.object("/api/v1/dossiers/23292")
        #expect(dossier["crebo"] as? String == "23292")
        #expect(dossier["geldigVanaf"] is NSNull)
        #expect(dossier["gevalideerdOp"] as? String == "2021-09-10")
        let domein = try #require(dossier["opleidingsdomein"] as? [String: Any])
        #expect(domein["crebo"] as? String == "79060")
        let typering = try #require(dossier["typering"] as? [String: Any])
        let context = try #require(typering["context"] as? String)
        #expect(Self.seed.contains(context))
        let kerntaken = try #require(dossier["kerntaken"] as? [[String: Any]])
        #expect(kerntaken.map { $0["code"] as? String } == ["B1-K1", "B1-K2", "B1-K3", "P2-K1", "P2-K2"])
        let kwalificaties = try #require(dossier["kwalificaties"] as? [[String: Any]])
        #expect(kwalificaties.map { $0["crebo"] as? String } == ["25712", nil])
        #expect(kwalificaties[1]["crebo"] is NSNull)
        #expect(kwalificaties[0]["eqfNiveau"] is NSNull)
    }

    @Test("a werkproces carries its texts verbatim, the seed's own typos included")
    func werkprocesVerbatim() throws {
        let werkproces = try APIFixture.object("/api/v1/dossiers/23292/werkprocessen/B1-K2-W3")
        #expect(werkproces["kerntaak"] as? String == "B1-K2")
        let gedrag = try #require(werkproces["gedrag"] as? [String])
        #expect(gedrag.count == 9)
        #expect(
            gedrag.contains(
                "verwerkt bij het opstellen van de offerte en het opstellen van de overeenkomst nauwkeurig alle benodigde; gegevens en hanteert hierbij correcte spelling en grammatica;"
            ))
        for line in gedrag { #expect(Self.seed.contains(line)) }
        let omschrijving = try #require(werkproces["omschrijving"] as? String)
        for paragraph in omschrijving.components(separatedBy: "\n\n") {
            #expect(Self.seed.contains(paragraph))
        }
        let competenties = try #require(werkproces["competenties"] as? [[String: Any]])
        #expect(competenties.map { $0["code"] as? String } == ["H", "K", "R"])
        #expect(competenties.map { $0["titel"] as? String }.first == "Overtuigen en beïnvloeden")
    }

    @Test("the page-split resultaat of B1-K3-W1 is one text")
    func joinedResultaat() throws {
        let werkproces = try APIFixture.object("/api/v1/dossiers/23292/werkprocessen/B1-K3-W1")
        let resultaat = try #require(werkproces["resultaat"] as? String)
        #expect(resultaat.contains("uitbesteedt aan (een) externe partij(en). De planning"))
    }

    @Test("kwalificaties: P1 by its own crebo, P2 (no crebo in the seed) by its profiel code")
    func kwalificaties() throws {
        let p1 = try APIFixture.object("/api/v1/kwalificaties/25712")
        #expect(p1["code"] as? String == "P1")
        // A second address of the kwalificatie under its dossier: the response names the first
        // as canonical (RFC 9110 §8.7); the canonical address itself needs no such field.
        let canonical = "/api/v1/dossiers/23292/kwalificaties/P1"
        #expect((p1["links"] as? [String: Any])?["self"] as? String == canonical)
        #expect(APIFixture.get("/api/v1/kwalificaties/25712").header("Content-Location") == canonical)
        #expect(APIFixture.get(canonical).header("Content-Location") == nil)
        #expect(APIFixture.get(canonical).body == APIFixture.get("/api/v1/kwalificaties/25712").body)
        #expect(p1["mboNiveau"] as? Int == 3)
        #expect(
            (p1["kerntaken"] as? [[String: Any]])?.map { $0["code"] as? String } == [
                "B1-K1", "B1-K2", "B1-K3",
            ])
        let p2 = try APIFixture.object("/api/v1/dossiers/23292/kwalificaties/P2")
        #expect(p2["crebo"] is NSNull)
        let kerntaken = try #require(p2["kerntaken"] as? [[String: Any]])
        #expect(kerntaken.map { $0["code"] as? String } == ["B1-K1", "B1-K2", "B1-K3", "P2-K1", "P2-K2"])
        // Full kerntaken, so a whole kwalificatie can be read or printed from one response.
        #expect((kerntaken[0]["werkprocessen"] as? [Any])?.count == 2)
        let list = try #require(
            try APIFixture.object("/api/v1/dossiers/23189/kwalificaties")["items"] as? [[String: Any]])
        #expect(list.map { $0["crebo"] as? String } == ["25499", "25498", "25500"])
    }

    @Test("keuzedelen: 23292's overview link, no invented items; 23189 names no overview")
    func keuzedelen() throws {
        let k23292 = try APIFixture.object("/api/v1/dossiers/23292/keuzedelen")
        #expect(k23292["overzicht"] as? String == "https://kwalificatie-mijn.s-bb.nl")
        #expect((k23292["items"] as? [Any])?.isEmpty == true)
        let k23189 = try APIFixture.object("/api/v1/dossiers/23189/keuzedelen")
        #expect(k23189["overzicht"] is NSNull)
        #expect((k23189["items"] as? [Any])?.isEmpty == true)
    }

    @Test("23189 from the SBB XML: texts verbatim from the export")
    func dossier23189() throws {
        let xml = try String(
            contentsOf: APIFixture.repository.appendingPathComponent(
                "Tests/DossierTests/Fixtures/2755-dienstverlening.xml"), encoding: .utf8)
        let werkproces = try APIFixture.object("/api/v1/dossiers/23189/werkprocessen/B1-K1-W3")
        #expect(werkproces["titel"] as? String == "Treedt op als aanspreekpunt")
        let gedrag = try #require(werkproces["gedrag"] as? [String])
        #expect(gedrag.first == "staat de klant vriendelijk en duidelijk te woord;")
        for line in gedrag { #expect(xml.contains(line)) }
        #expect(
            (werkproces["competenties"] as? [[String: Any]])?.map { $0["code"] as? String } == [
                "I", "T", "R",
            ])
    }

    @Test("generieke onderdelen: a resource of their own, linked from the dossier, as the dossier has them")
    func generiekeOnderdelen() throws {
        for crebo in ["23189", "23292"] {
            let dossier = try APIFixture.object("/api/v1/dossiers/\(crebo)")
            let path = "/api/v1/dossiers/\(crebo)/generieke-onderdelen"
            #expect((dossier["links"] as? [String: String])?["generiekeOnderdelen"] == path)
            let resource = try APIFixture.object(path)
            #expect(resource["inleiding"] as? String == dossier["generiekeOnderdelenInleiding"] as? String)
            let items = try #require(resource["items"] as? [[String: Any]])
            let inDossier = try #require(dossier["generiekeOnderdelen"] as? [[String: Any]])
            #expect(items as NSArray == inDossier as NSArray)
            #expect(resource["aantal"] as? Int == items.count)
            #expect(
                items.map { $0["naam"] as? String } == [
                    "Nederlandse taal", "Rekenen", "Loopbaan en burgerschap", "Engels",
                ])
            #expect(items.last?["niveaus"] as? [Int] == [4])
            #expect((resource["links"] as? [String: String])?["parent"] == "/api/v1/dossiers/\(crebo)")
        }
        // The legal source as the published text writes it.
        let items = try #require(
            try APIFixture.object("/api/v1/dossiers/23292/generieke-onderdelen")["items"] as? [[String: Any]])
        #expect(
            items.map { $0["bron"] as? String } == [
                "https://wetten.overheid.nl/BWBR0027879", "https://wetten.overheid.nl/BWBR0027879",
                "https://wetten.overheid.nl/BWBR0027963", "https://wetten.overheid.nl/BWBR0027963",
            ])
        for item in items {
            #expect(Self.seed.contains(try #require(item["bron"] as? String)))
            #expect(Self.seed.contains(String(try #require(item["omschrijving"] as? String).prefix(80))))
        }
        #expect(APIFixture.get("/api/v1/dossiers/99999/generieke-onderdelen").status == 404)
    }

    @Test("collections are 200 with a count, never 404")
    func collections() throws {
        let kerntaken = try APIFixture.object("/api/v1/dossiers/23189/kerntaken")
        #expect(kerntaken["aantal"] as? Int == 4)
        let werkprocessen = try APIFixture.object("/api/v1/dossiers/23292/werkprocessen")
        #expect(werkprocessen["aantal"] as? Int == 12)
        let competenties = try APIFixture.object("/api/v1/competenties")
        #expect(competenties["aantal"] as? Int == 25)
    }
}
