import Foundation
import Testing

@testable import Dossier

/// A deliberately simple scan of the XML sample, independent of the importer: regular
/// expressions over the raw text.
private struct XMLScan {
    let text: String

    func matches(_ pattern: String, in text: String? = nil) -> [[String]] {
        let source = text ?? self.text
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: source, range: NSRange(source.startIndex..., in: source)).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: source).map { String(source[$0]) } ?? ""
            }
        }
    }

    func count(_ pattern: String) -> Int { matches(pattern).count }

    /// The text of each `<name ...>...</name>` element (not nested in itself).
    func blocks(_ name: String, in text: String? = nil) -> [String] {
        matches("<\(name) (.*?)</\(name)>", in: text).map { $0[0] }
    }
}

@Suite("Importing the SBB XML sample (23189 Dienstverlening)")
struct SBBXMLImporterTests {
    @Test("re-importing the XML gives the shipped JSON byte for byte")
    func reimportMatchesShippedJSON() throws {
        let dossier = try Fixture.importXML()
        try DossierValidator.validate(dossier, file: Fixture.xmlName)
        #expect(DossierJSON.encode(dossier) == (try Fixture.shipped("23189")))
    }

    @Test("counts equal those in the file: kerntaken, werkprocessen, profielen, competentie links, vakkennis")
    func countsMatchTheFile() throws {
        let dossier = try Fixture.importXML()
        let scan = XMLScan(text: try Fixture.xmlText())
        #expect(dossier.kerntaken.count == scan.count("<kerntaak nr="))
        #expect(dossier.kerntaken.count == 4)
        #expect(dossier.alleWerkprocessen.count == scan.count("<werkproces nr="))
        #expect(dossier.alleWerkprocessen.count == 18)
        #expect(dossier.kwalificaties.count == scan.count("<profiel nr="))
        #expect(dossier.kwalificaties.count == 3)
        #expect(dossier.telling.competentieKoppelingen == scan.count("<competentie referentie="))
        #expect(dossier.telling.competentieKoppelingen == 64)
        #expect(dossier.vakkennis.count == scan.count("<kennisofvaardigheid nr="))
        #expect(dossier.vakkennis.count == 59)
    }

    @Test("each werkproces has exactly the competenties its referenties name, in order")
    func competentiesPerWerkproces() throws {
        let dossier = try Fixture.importXML()
        let scan = XMLScan(text: try Fixture.xmlText())
        var codeByNr: [String: String] = [:]
        for match in scan.matches(#"<competentie nr="(\d+)" titel="[^"]*" code="([A-Y])" />"#) {
            codeByNr[match[1]] = match[2]
        }
        #expect(codeByNr.count == 25)
        let blocks = scan.blocks("werkproces")
        #expect(blocks.count == 18)
        for block in blocks {
            let titel = try #require(scan.matches(#"titel="([^"]*)""#, in: block).first?[1])
            let expected = scan.matches(#"<competentie referentie="(\d+)""#, in: block).map {
                codeByNr[$0[1]]
            }
            let werkproces = try #require(
                dossier.alleWerkprocessen.first { $0.werkproces.titel == TextRules.trimmed(titel) })
            #expect(werkproces.werkproces.competenties == expected.compactMap { $0 }, "\(titel)")
        }
    }

    @Test("vakkennis per kerntaak: each referentie once, in first-occurrence order (the sample repeats six)")
    func vakkennisPerKerntaak() throws {
        let dossier = try Fixture.importXML()
        let scan = XMLScan(text: try Fixture.xmlText())
        let blocks = scan.blocks("kerntaak")
        #expect(blocks.count == 4)
        var repeated = 0
        for (block, kerntaak) in zip(blocks, dossier.kerntaken) {
            let referenties = scan.matches(#"<vakkennisenvaardigheden referentie="(\d+)""#, in: block).map {
                $0[1]
            }
            var unique: [String] = []
            for referentie in referenties where !unique.contains(referentie) { unique.append(referentie) }
            repeated += referenties.count - unique.count
            #expect(kerntaak.vakkennis == unique, "\(kerntaak.code)")
        }
        #expect(repeated == 6)
        #expect(dossier.kerntaken.map(\.vakkennis?.count) == [18, 9, 17, 13])
        let item = try #require(dossier.vakkennis.first { $0.id == "986487" })
        #expect(
            item.tekst
                == "heeft basiskennis van gebruik, eigenschappen en onderhoud van benodigde (hulp)middelen, materialen en apparatuur"
        )
        // Titles are trimmed, inner spacing kept: "...gezondheid in relatie tot sport en bewegen  ".
        #expect(
            dossier.vakkennis.first { $0.id == "987724" }?.tekst
                == "heeft basiskennis van gezondheid in relatie tot sport en bewegen")
    }

    @Test("the file's competenties block is exactly the 25 SBB competenties of the catalog")
    func competentieTable() throws {
        let scan = XMLScan(text: try Fixture.xmlText())
        let block = try #require(scan.matches("<competenties>(.*?)</competenties>").first?[1])
        let listed = scan.matches(#"<competentie nr="\d+" titel="([^"]*)" code="([A-Z])" />"#, in: block).map
        {
            Competentie(code: $0[2], titel: $0[1].replacingOccurrences(of: "&quot;", with: "\""))
        }
        #expect(listed == Competentie.alle)
        #expect(Competentie.alle.map(\.code) == (65...89).map { String(UnicodeScalar($0)!) })
    }

    @Test("dossier fields: crebo and dates, domain, penvoerder, vaststelling, typering")
    func dossierFields() throws {
        let dossier = try Fixture.importXML()
        #expect(dossier.crebo == "23189")
        #expect(dossier.titel == "Dienstverlening")
        #expect(dossier.versie == nil)
        #expect(dossier.status == "Vastgesteld")
        #expect(dossier.geldigVanaf == "2015-08-01")
        #expect(dossier.datumEindeInstroom == nil && dossier.datumEindeOpleiding == nil)
        #expect(dossier.opleidingsdomein == Opleidingsdomein(titel: "Zorg en welzijn", crebo: "79140"))
        #expect(dossier.penvoerder == "Sectorkamer zorg, welzijn en sport")
        #expect(dossier.vastgesteldDoor == "Sectorkamer zorg, welzijn en sport")
        #expect(dossier.vastgesteldOp == "2015-11-26")
        #expect(dossier.vastgesteldTe == "Zoetermeer")
        #expect(
            dossier.typering.resultaat
                == "Er is optimale ondersteuning en service verleend aan de klant en/of opdrachtgever.")
        #expect(
            dossier.typering.context?.hasSuffix(
                "maatschappelijke positie.\n\n*waar de term ‘organisatie’ staat, kan ook ‘bedrijf’ worden gelezen."
            ) == true)
        #expect(dossier.keuzedelen == Keuzedelen())
        #expect(dossier.bron == Bron(soort: .sbbXML, bestand: Fixture.xmlName))
        // The <dossier> flags wettelijkeberoepsvereisten="Nee" positief_advies_toetsingskamer="Ja".
        #expect(dossier.wettelijkeBeroepsvereisten == false && dossier.positiefAdviesToetsingskamer == true)
        #expect(dossier.kwalificaties.allSatisfy { $0.certificaten == nil && $0.bronBeroepsvereisten == nil })
    }

    @Test("certificaten and the bron of the beroepsvereisten are read as text; a list of elements is refused")
    func certificatenEnBron() throws {
        let read = try Fixture.importXML(
            replacingFirst: "<certificaten />", with: "<certificaten>Certificaat A (zie bron)</certificaten>")
        #expect(read.first?.kwalificaties[0].certificaten == "Certificaat A (zie bron)")
        let bron = try Fixture.importXML(
            replacingFirst: "<bronwettelijkeberoepsvereisten></bronwettelijkeberoepsvereisten>",
            with: "<bronwettelijkeberoepsvereisten>Wet BIG</bronwettelijkeberoepsvereisten>")
        #expect(bron.first?.kwalificaties[0].bronBeroepsvereisten == "Wet BIG")
        let list = #expect(throws: ImportError.self) {
            try Fixture.importXML(
                replacingFirst: "<certificaten />",
                with: "<certificaten><certificaat nr=\"1\" /></certificaten>")
        }
        #expect(
            list?.description
                == "\(Fixture.xmlName):422: unexpected element <certificaat> inside <certificaten>")
        let flag = #expect(throws: ImportError.self) {
            try Fixture.importXML(
                replacingFirst: "positief_advies_toetsingskamer=\"Ja\"",
                with: "positief_advies_toetsingskamer=\"Misschien\"")
        }
        #expect(
            flag?.description
                == "\(Fixture.xmlName):62: positief_advies_toetsingskamer is 'Misschien', expected Ja or Nee")
    }

    @Test("profielen: codes, crebos with dates, niveau, sbu, soort opleiding, beroepsvereisten, kerntaken")
    func profielen() throws {
        let dossier = try Fixture.importXML()
        #expect(dossier.kwalificaties.map(\.code) == ["P1", "P2", "P3"])
        #expect(dossier.kwalificaties.map(\.crebo) == ["25499", "25498", "25500"])
        #expect(
            dossier.kwalificaties.map(\.titel) == [
                "Medewerker facilitaire dienstverlening", "Helpende Zorg en Welzijn",
                "Medewerker sport en recreatie",
            ])
        #expect(
            dossier.kwalificaties.map(\.beroepsgroep) == ["Facilitaire dienstverlening", "Zorg", "Sport"])
        for kwalificatie in dossier.kwalificaties {
            #expect(kwalificatie.mboNiveau == 2 && kwalificatie.sbu == 3200)
            #expect(kwalificatie.soortOpleiding == "basisberoepsopleiding")
            #expect(kwalificatie.beroepsvereisten == false && kwalificatie.toelichtingBeroepsvereisten == nil)
            #expect(kwalificatie.geldigVanaf == "2015-08-01" && kwalificatie.datumEindeInstroom == nil)
            #expect(kwalificatie.kerntaken == ["B1-K1", "\(kwalificatie.code)-K1"])
            #expect(kwalificatie.typeringVanHetBeroep?.isEmpty == false)
        }
        #expect(dossier.kerntaken.map(\.code) == ["B1-K1", "P1-K1", "P2-K1", "P3-K1"])
        #expect(
            dossier.kerntaak("P2-K1")?.titel == "Ondersteunt bij  dagelijkse activiteiten in zorg en welzijn")
        #expect(dossier.kerntaak("B1-K1")?.werkprocessen.map(\.code) == (1...9).map { "B1-K1-W\($0)" })
    }

    @Test("gedrag: the first line is the lead-in, each '- ' line one item, trimmed")
    func gedrag() throws {
        let dossier = try Fixture.importXML()
        let werkproces = try #require(dossier.werkproces("B1-K1-W8"))
        #expect(werkproces.gedragAanhef == "De beroepsbeoefenaar:")
        #expect(
            werkproces.gedrag == [
                "past de bereidings- en distributietechnieken volgens instructie toe;",
                "zet de juiste materialen, middelen en apparatuur klaar;",
                "maakt effectief gebruik van de materialen, middelen en apparatuur;",
                "schakelt collega’s tijdig in bij vragen, problemen of bijzonderheden;",
                "benadert de klant vriendelijk en gastvrij.",
            ])
        #expect(dossier.werkproces("P3-K1-W1")?.gedragAanhef == "De medewerker sport en recreatie:")
    }

    @Test("the generieke onderdelen HTML is split by its <h2> headings into plain text")
    func generiekeOnderdelen() throws {
        let dossier = try Fixture.importXML()
        let onderdelen = dossier.generiekeOnderdelen
        #expect(
            onderdelen.map(\.naam) == ["Nederlandse taal", "Rekenen", "Loopbaan en burgerschap", "Engels"])
        #expect(onderdelen.map(\.niveaus) == [nil, nil, nil, [4]])
        #expect(onderdelen.allSatisfy { $0.bron == "www.kwalificatiesmbo.nl" })
        #expect(
            onderdelen[3].omschrijving?.hasSuffix(
                "kwalificatiedossier.\n\nHet betreft de volgende referentieniveaus:\nlezen en luisteren: B1;\nschrijven, spreken en gesprekken voeren: A2."
            ) == true)
        for onderdeel in onderdelen {
            let text = try #require(onderdeel.omschrijving)
            #expect(!text.contains("<") && !text.contains("&lt;") && !text.contains("&gt;"))
        }
        #expect(
            dossier.generiekeOnderdelenInleiding
                == "Elke kwalificatie kent - naast (beroepsgerichte) specifieke kwalificatieonderdelen - ook generieke kwalificatieonderdelen."
        )
    }

    @Test("an export with several dossiers, basis kerntaken and profielen imports each of them")
    func severalDossiers() throws {
        var text = try Fixture.xmlText()
        // A second dossier: the same content under another crebo, with an extra basis kerntaak.
        let dossier = try #require(XMLScan(text: text).matches("(<dossier .*?</dossier>)").first?[0])
        var second = dossier.replacingOccurrences(of: ">23189</dossiercrebo>", with: ">23190</dossiercrebo>")
        for crebo in ["25499", "25498", "25500"] {
            second = second.replacingOccurrences(
                of: ">\(crebo)</crebo>", with: ">3\(crebo.dropFirst())</crebo>")
        }
        let kerntaak = try #require(
            XMLScan(text: second).matches(#"(<kerntaak nr="986398".*?</kerntaak>)"#).first?[0])
        second = second.replacingOccurrences(
            of: "</basiskerntaken>",
            with: kerntaak.replacingOccurrences(
                of: #"werkzaamheden uit" hoofdstuk="1">"#, with: #"werkzaamheden uit" hoofdstuk="2">"#)
                + "</basiskerntaken>")
        text = text.replacingOccurrences(of: "</dossiers>", with: second + "</dossiers>")
        let dossiers = try SBBXMLImporter.importDossiers(from: Data(text.utf8), file: "twee.xml")
        #expect(dossiers.map(\.crebo) == ["23189", "23190"])
        #expect(dossiers[1].kerntaken.filter { $0.deel == .basisdeel }.map(\.code) == ["B1-K1", "B1-K2"])
        #expect(dossiers[1].kwalificaties[0].kerntaken == ["B1-K1", "B1-K2", "P1-K1"])
        for dossier in dossiers { try DossierValidator.validate(dossier, file: "twee.xml") }
        _ = try Catalog(dossiers: dossiers.map { ("twee.xml", $0) })
    }
}
