import Foundation
import Testing

@testable import Dossier

@Suite("The catalog and its loading")
struct CatalogTests {
    @Test("the embedded data holds 23181, 23189 and 23292, sorted, equal to fresh imports of the sources")
    func embedded() throws {
        let catalog = try Catalog.loadEmbedded()
        #expect(catalog.dossiers.map(\.crebo) == ["23181", "23189", "23292"])
        #expect(catalog.dossier(crebo: "23292") == (try Fixture.importSeed()))
        #expect(catalog.dossier(crebo: "23189") == (try Fixture.importXML()))
        #expect(catalog.dossier(crebo: "23181") == (try Fixture.importZorg()))
        #expect(catalog.competenties == Competentie.alle)
        #expect(catalog.dossier(crebo: "99999") == nil)
    }

    @Test("lookups: kwalificatie by its own crebo, kerntaak, werkproces")
    func lookups() throws {
        let catalog = try Catalog.loadEmbedded()
        let found = try #require(catalog.kwalificatie(crebo: "25712"))
        #expect(found.dossier.crebo == "23292" && found.kwalificatie.code == "P1")
        #expect(catalog.kwalificatie(crebo: "25500")?.kwalificatie.titel == "Medewerker sport en recreatie")
        #expect(catalog.kwalificatie(crebo: "23292") == nil)
        #expect(catalog.kerntaak(code: "P2-K2", dossier: "23292")?.werkprocessen.count == 2)
        let werkproces = try #require(catalog.werkproces(code: "B1-K2-W3", dossier: "23292"))
        #expect(werkproces.kerntaak.code == "B1-K2")
        #expect(werkproces.werkproces.competenties == ["H", "K", "R"])
        #expect(catalog.competentie(code: "K")?.titel == "Vakdeskundigheid toepassen")
        #expect(catalog.kwalificatie(crebo: "25477")?.kwalificatie.code == "P3")
    }

    @Test("the composed kwalificatie by crebo and by dossier and profiel code, also without a crebo")
    func composedLookups() throws {
        let catalog = try Catalog.loadEmbedded()
        let p3 = try #require(catalog.samengesteld(kwalificatie: "25477"))
        #expect(p3.dossierCrebo == "23181" && p3.kwalificatie.code == "P3")
        #expect(p3 == catalog.samengesteld(dossier: "23181", kwalificatie: "P3"))
        #expect(p3.kerntaak("B1-K1")?.aanvulling?.profiel == "P3")
        // 23292's P2 has no crebo in its source, yet its composed requirements exist.
        let p2 = try #require(catalog.samengesteld(dossier: "23292", kwalificatie: "P2"))
        #expect(p2.kwalificatie.crebo == nil)
        #expect(p2.kerntaken.map(\.code) == ["B1-K1", "B1-K2", "B1-K3", "P2-K1", "P2-K2"])
        #expect(catalog.samengesteld(kwalificatie: "23181") == nil)
        #expect(catalog.samengesteld(dossier: "23181", kwalificatie: "P7") == nil)
        #expect(catalog.samengesteld(dossier: "99999", kwalificatie: "P1") == nil)
    }

    @Test("competentie → werkprocessen spans every dossier and agrees with the werkprocessen")
    func competentieAcrossDossiers() throws {
        let catalog = try Catalog.loadEmbedded()
        var total = 0
        for competentie in catalog.competenties {
            let found = catalog.werkprocessen(competentie: competentie.code)
            total += found.count
            for verwijzing in found {
                let werkproces = try #require(
                    catalog.werkproces(code: verwijzing.werkprocesCode, dossier: verwijzing.dossierCrebo))
                #expect(werkproces.werkproces.competenties?.contains(competentie.code) == true)
                #expect(werkproces.kerntaak.code == verwijzing.kerntaakCode)
            }
        }
        // The basis links of each werkproces; additions for one profiel are not among them.
        #expect(total == 28 + 64 + 167)
        let k = catalog.werkprocessen(competentie: "K")
        #expect(Set(k.map(\.dossierCrebo)) == ["23181", "23189", "23292"])
        #expect(k.first?.dossierCrebo == "23181")
        #expect(!k.contains { $0.werkprocesCode == "B1-K1-W5" && $0.dossierCrebo == "23181" })
        #expect(catalog.werkprocessen(competentie: "Z").isEmpty)
    }

    @Test("vakkennis → kerntaken in the XML dossier; items the export lists but no kerntaak uses have none")
    func vakkennisAcrossKerntaken() throws {
        let catalog = try Catalog.loadEmbedded()
        #expect(catalog.kerntaken(vakkennis: "986520", dossier: "23189") == ["B1-K1", "P1-K1", "P2-K1"])
        #expect(catalog.kerntaken(vakkennis: "1007930", dossier: "23189") == [])
        #expect(catalog.kerntaken(vakkennis: "986520", dossier: "23292") == [])
    }

    @Test("--data adds JSON and XML files; a kwalificatie crebo used twice is an error naming both files")
    func dataDirectory() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: Fixture.xmlURL, to: directory.appendingPathComponent("dienst.xml"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let only = try Catalog.load(dataDirectory: directory, includingEmbedded: false)
        #expect(only.dossiers.map(\.crebo) == ["23189"])

        // A data dossier with an embedded crebo replaces the embedded copy (DataSourceTests).
        #expect(try Catalog.load(dataDirectory: directory).replacedEmbedded.map(\.crebo) == ["23189"])

        var copy = try Fixture.importSeed()
        copy.crebo = "12345"
        try DossierJSON.encode(copy).write(to: directory.appendingPathComponent("extra.json"))
        let clash = #expect(throws: ImportError.self) {
            try Catalog.load(files: [directory.appendingPathComponent("extra.json"), Fixture.seedURL])
        }
        #expect(
            clash?.description
                == "\(Fixture.seedName): kwalificaties[P1].crebo: crebo 25712 is already used in extra.json")
    }

    @Test("an invalid file in --data stops the whole load")
    func invalidFileStopsLoad() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var broken = try Fixture.importXML()
        broken.crebo = "231"
        try DossierJSON.encode(broken).write(to: directory.appendingPathComponent("broken.json"))
        let error = #expect(throws: ImportError.self) { try Catalog.load(dataDirectory: directory) }
        #expect(error?.description == "broken.json: crebo: dossier crebo '231' is not five digits")
    }

    @Test("the front door picks the importer by extension or content")
    func formatDetection() throws {
        #expect(DossierImporter.format(of: URL(fileURLWithPath: "/a/b.json"), data: Data()) == .json)
        #expect(DossierImporter.format(of: URL(fileURLWithPath: "/a/b.XML"), data: Data()) == .sbbXML)
        #expect(DossierImporter.format(of: URL(fileURLWithPath: "/a/b.txt"), data: Data()) == .publishedText)
        let xml = Data([0xEF, 0xBB, 0xBF] + Array(" <sbb/>".utf8))
        #expect(DossierImporter.format(of: URL(fileURLWithPath: "/a/b"), data: xml) == .sbbXML)
        #expect(DossierImporter.format(of: URL(fileURLWithPath: "/a/b"), data: Data("\n{".utf8)) == .json)
        #expect(try DossierImporter.importFile(at: Fixture.seedURL).map(\.crebo) == ["23292"])
        let missing = #expect(throws: ImportError.self) {
            try DossierImporter.importFile(at: Fixture.directory.appendingPathComponent("nope.xml"))
        }
        #expect(missing?.file == "nope.xml")
    }
}

@Suite("Text rules")
struct TextRulesTests {
    @Test("HTML is reduced to plain text: blocks, line breaks, entities, whitespace")
    func html() {
        let html =
            "<labeltext>&lt;h1&gt;Titel&lt;/h1&gt;\n &lt;p&gt;Een   zin &amp;amp; nog\n een.&lt;/p&gt;Los\n&lt;br&gt;regel</labeltext>"
        #expect(
            HTMLText.blocks(html) == [
                .heading(level: 1, text: "Titel"), .paragraph("Een zin & nog een."), .paragraph("Los\nregel"),
            ])
        #expect(
            HTMLText.plainText("<xhtml><p>A<br />B</p><ul><li>x</li><li>y</li></ul></xhtml>")
                == "A\nB\n\nx\ny")
        #expect(HTMLText.isHTML("Gewone tekst met 3 < 4") == false)
        #expect(HTMLText.decodeEntities("&#233;&#x41;&onbekend;") == "éA&onbekend;")
    }

    @Test("dates convert dd-mm-jjjj to ISO and reject what is not a date")
    func dates() {
        #expect(TextRules.isoDate(fromDutch: "10-09-2021") == "2021-09-10")
        #expect(TextRules.isoDate(fromDutch: "29-02-2024") == "2024-02-29")
        #expect(TextRules.isoDate(fromDutch: "29-02-2023") == nil)
        #expect(TextRules.isoDate(fromDutch: "2021-09-10") == nil)
        #expect(TextRules.isISODate("2015-08-01") && !TextRules.isISODate("2015-13-01"))
    }

    @Test("paragraphs: trailing spaces and extra blank lines go, words stay")
    func paragraphs() {
        #expect(TextRules.paragraphs("  Een.  \n\n\n*Twee \nDrie\n \n") == "Een.\n\n*Twee\nDrie")
        #expect(TextRules.paragraphs(" \n ") == nil)
        #expect(TextRules.firstLink(in: "te vinden op <https://x.nl/a>. Op") == "https://x.nl/a")
        #expect(TextRules.firstLink(in: "op www.kwalificatiesmbo.nl en") == "www.kwalificatiesmbo.nl")
    }
}
