import Foundation
import Testing

@testable import Dossier

/// Broken copies of the real sources: each must give an ``ImportError`` that names the file and
/// the place (line for text and XML, path for JSON), never a crash or a half-imported dossier.
@Suite("Malformed input")
struct MalformedInputTests {
    // MARK: Published text

    @Test("an unknown competentie name names its line")
    func unknownCompetentieName() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importSeed(
                replacing: "zijn: Relaties bouwen en netwerken, Presenteren,",
                with: "zijn: Relaties bouwen en netwerken, Presenteeren,")
        }
        #expect(
            error?.description
                == "\(Fixture.seedName):209: unknown competentie 'Presenteeren' (not one of the 25 SBB competenties)"
        )
    }

    @Test("a duplicate werkproces code names its line")
    func duplicateCode() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importSeed(
                replacing: "B1-K2-W1: Achterhaalt behoefte van de klant\n\nOmschrijving",
                with: "B1-K1-W1: Werft klanten en beheert relaties\n\nOmschrijving")
        }
        #expect(
            error?.description
                == "\(Fixture.seedName):287: B1-K1-W1 appears again after its section was closed")
    }

    @Test("a missing required section is named")
    func missingSection() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importSeed(replacing: "\n2. Generieke onderdelen\n", with: "\n")
        }
        #expect(error?.file == Fixture.seedName)
        #expect(error?.message.contains("missing section 'N. Generieke onderdelen'") == true)
        let overzicht = #expect(throws: ImportError.self) {
            try Fixture.importSeed(replacing: "\nOverzicht van het kwalificatiedossier\n", with: "\n")
        }
        #expect(overzicht?.message.contains("'Overzicht van het kwalificatiedossier'") == true)
    }

    @Test("a werkproces without its competenties line is an error at its header")
    func missingCompetenties() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importSeed(
                replacing:
                    "De onderliggende competenties zijn: Formuleren en rapporteren, Vakdeskundigheid toepassen\n",
                with: "\n")
        }
        #expect(
            error?.description
                == "\(Fixture.seedName):362: werkproces B1-K2-W4 has no 'De onderliggende competenties zijn:' line"
        )
    }

    @Test("a bad crebo on the title page names its line")
    func badCrebo() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importSeed(replacing: "Crebonr. 23292**", with: "Crebonr. 2329**")
        }
        #expect(error?.description == "\(Fixture.seedName):7: dossier crebo '2329' is not five digits")
    }

    @Test("a page header whose title differs from its section is a mismatch, not silently dropped")
    func pageHeaderMismatch() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importSeed(
                replacing: "B1-K1-W1: Werft klanten en beheert relaties\n\nGedrag",
                with: "B1-K1-W1: Werft klanten\n\nGedrag")
        }
        #expect(error?.location == .line(196))
        #expect(
            error?.message.contains("differs from the title 'Werft klanten en beheert relaties' on line 186")
                == true)
    }

    @Test("titles are cross-checked between the table of contents, the overview and the sections")
    func titleMismatch() throws {
        let toc = #expect(throws: ImportError.self) {
            try Fixture.importSeed(
                replacing: "| B1-K1-W2: Behandelt klachten | 8 |", with: "| B1-K1-W2: Behandelt klacht | 8 |")
        }
        #expect(toc?.location == .line(31))
        let overview = #expect(throws: ImportError.self) {
            try Fixture.importSeed(
                replacing: "| | B1-K2-W4 | Voert administratieve handelingen uit |",
                with: "| | B1-K2-W4 | Voert administratieve taken uit |")
        }
        #expect(overview?.location == .line(362))
        #expect(overview?.message.contains("in the overview (line 91)") == true)
    }

    @Test("text after a list that is no bullet and no section is refused")
    func strayText() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importSeed(
                replacing: "- stelt open en gesloten vragen om de exacte klacht te kunnen bepalen.\n",
                with:
                    "- stelt open en gesloten vragen om de exacte klacht te kunnen bepalen.\n\nEen losse zin.\n"
            )
        }
        #expect(error?.location == .line(232))
    }

    // MARK: SBB XML

    @Test("truncated XML is an error with a line, at every cut")
    func truncatedXML() throws {
        let data = try Fixture.data(Fixture.xmlURL)
        for cut in stride(from: 1, to: data.count, by: 4_099) {
            let error = #expect(throws: ImportError.self) {
                try SBBXMLImporter.importDossiers(from: data.prefix(cut), file: Fixture.xmlName)
            }
            #expect(error?.file == Fixture.xmlName)
            if case .line(let line) = error?.location {
                #expect(line >= 1 && line <= 1_145)
            } else {
                Issue.record("no line for a cut at \(cut): \(String(describing: error))")
            }
        }
    }

    @Test("an unknown competentie referentie names the werkproces and the line")
    func unknownCompetentieReferentie() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importXML(
                replacingFirst: "<competentie referentie=\"3092\" />",
                with: "<competentie referentie=\"9999\" />")
        }
        #expect(
            error?.description
                == "\(Fixture.xmlName):267: werkproces 986401 refers to unknown competentie 9999")
    }

    @Test("an unknown vakkennis referentie names the kerntaak and the line")
    func unknownVakkennisReferentie() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importXML(
                replacingFirst: "<vakkennisenvaardigheden referentie=\"986489\" />",
                with: "<vakkennisenvaardigheden referentie=\"1\" />")
        }
        #expect(
            error?.description
                == "\(Fixture.xmlName):193: kerntaak 986398 refers to unknown kennisofvaardigheid 1")
    }

    @Test("a duplicate hoofdstuk (so a duplicate code) names the line")
    func duplicateXMLCode() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importXML(
                replacingFirst: "titel=\"Maakt ruimtes gebruiksklaar\" hoofdstuk=\"2\"",
                with: "titel=\"Maakt ruimtes gebruiksklaar\" hoofdstuk=\"1\"")
        }
        #expect(error?.description == "\(Fixture.xmlName):238: duplicate werkproces B1-K1-W1")
    }

    @Test("a bad dossier crebo names the line")
    func badXMLCrebo() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importXML(replacingFirst: ">23189</dossiercrebo>", with: ">2318</dossiercrebo>")
        }
        #expect(error?.description == "\(Fixture.xmlName):64: crebo '2318' is not five digits")
    }

    @Test("missing basis kerntaken is an error")
    func missingBasis() throws {
        let error = #expect(throws: ImportError.self) {
            try Fixture.importXML(replacingFirst: "<basiskerntaken>", with: "<andere>").first
        }
        // The renamed element no longer closes: malformed at the end of <basistaken>.
        #expect(error?.file == Fixture.xmlName)
        var text = try Fixture.xmlText()
        text = text.replacingOccurrences(of: "<basiskerntaken>", with: "<anderekerntaken>")
            .replacingOccurrences(of: "</basiskerntaken>", with: "</anderekerntaken>")
        let missing = #expect(throws: ImportError.self) {
            try SBBXMLImporter.importDossiers(from: Data(text.utf8), file: Fixture.xmlName)
        }
        #expect(
            missing?.description
                == "\(Fixture.xmlName):166: dossier 2755 has no basis kerntaken (<basistaken><basiskerntaken>)"
        )
    }

    @Test("a per-profiel element not in the format's shape is refused with its element and line, not dropped")
    func perProfielContent() throws {
        // Once refused as content the model could not hold; now read, so only a wrong shape
        // (here a profiel without its <aanvullend>) is an error.
        let error = #expect(throws: ImportError.self) {
            try Fixture.importXML(
                replacingFirst: "<werkprocesgedragperprofiel />",
                with:
                    "<werkprocesgedragperprofiel><profiel referentie=\"986408\">extra</profiel></werkprocesgedragperprofiel>"
            )
        }
        #expect(
            error?.description
                == "\(Fixture.xmlName):229: unexpected element <profiel> in <werkprocesgedragperprofiel>")
        let added = try Fixture.importXML(
            replacingFirst: "<werkprocesgedragperprofiel />",
            with:
                "<werkprocesgedragperprofiel><aanvullend><profiel referentie=\"986408\" /><omschrijving><![CDATA[De medewerker:\n- extra.]]></omschrijving></aanvullend></werkprocesgedragperprofiel>"
        )
        #expect(
            added.first?.werkproces("B1-K1-W1")?.aanvullend == [
                WerkprocesAanvulling(profiel: "P1", gedragAanhef: "De medewerker:", gedrag: ["extra."])
            ])
    }

    @Test("an unknown sectorkamer or domein referentie is an error")
    func unknownReferenties() throws {
        let sectorkamer = #expect(throws: ImportError.self) {
            try Fixture.importXML(
                replacingFirst: "<sectorkamer referentie=\"5674\" />",
                with: "<sectorkamer referentie=\"1\" />")
        }
        #expect(
            sectorkamer?.description == "\(Fixture.xmlName):133: penvoerder refers to unknown sectorkamer 1")
        let domein = #expect(throws: ImportError.self) {
            try Fixture.importXML(replacingFirst: "referentiedomein=\"4135\"", with: "referentiedomein=\"1\"")
        }
        #expect(domein?.description == "\(Fixture.xmlName):62: dossier refers to unknown domein 1")
    }

    @Test("not an SBB export at all")
    func notAnExport() throws {
        let error = #expect(throws: ImportError.self) {
            try SBBXMLImporter.importDossiers(from: Data("<html><body/></html>".utf8), file: "x.xml")
        }
        #expect(error?.description == "x.xml:1: root element is <html>, expected <sbb> (an SBB XML export)")
    }

    // MARK: Project JSON

    @Test("JSON errors name the file and the path")
    func jsonErrors() throws {
        var dossier = try Fixture.importSeed()
        dossier.kerntaken[1].werkprocessen[2].competenties?.append("Z")
        let unknown = #expect(throws: ImportError.self) {
            try DossierImporter.importData(DossierJSON.encode(dossier), format: .json, file: "23292.json")
        }
        #expect(
            unknown?.description
                == "23292.json: kerntaken[B1-K2].werkprocessen[B1-K2-W3].competenties: unknown competentie Z")

        var badCrebo = try Fixture.importSeed()
        badCrebo.kwalificaties[0].crebo = "2571"
        let crebo = #expect(throws: ImportError.self) {
            try DossierValidator.validate(badCrebo, file: "a.json")
        }
        #expect(crebo?.description == "a.json: kwalificaties[P1].crebo: crebo '2571' is not five digits")

        var misplaced = try Fixture.importSeed()
        misplaced.kerntaken[0].werkprocessen[0].code = "B1-K2-W9"
        let parent = #expect(throws: ImportError.self) {
            try DossierValidator.validate(misplaced, file: "a.json")
        }
        #expect(
            parent?.description
                == "a.json: kerntaken[B1-K1].werkprocessen[B1-K2-W9]: werkproces code B1-K2-W9 does not belong under B1-K1"
        )

        var duplicate = try Fixture.importSeed()
        duplicate.kerntaken[1].werkprocessen[0].code = "B1-K2-W2"
        let twice = #expect(throws: ImportError.self) {
            try DossierValidator.validate(duplicate, file: "a.json")
        }
        #expect(
            twice?.description
                == "a.json: kerntaken[B1-K2].werkprocessen[B1-K2-W2]: duplicate werkproces code B1-K2-W2")

        var dangling = try Fixture.importSeed()
        dangling.kerntaken[0].vakkennis?.append("vk999")
        let vakkennis = #expect(throws: ImportError.self) {
            try DossierValidator.validate(dangling, file: "a.json")
        }
        #expect(vakkennis?.description == "a.json: kerntaken[B1-K1].vakkennis: unknown vakkennis item vk999")

        var wrongProfiel = try Fixture.importSeed()
        wrongProfiel.kwalificaties[0].kerntaken.append("P2-K1")
        let profiel = #expect(throws: ImportError.self) {
            try DossierValidator.validate(wrongProfiel, file: "a.json")
        }
        #expect(
            profiel?.description
                == "a.json: kwalificaties[P1].kerntaken: kerntaak P2-K1 belongs to profiel P2")

        var missing = try String(decoding: DossierJSON.encode(Fixture.importSeed()), as: UTF8.self)
        missing = missing.replacingOccurrences(
            of: #",\s*"titel" : "Behandelt klachten""#, with: "", options: .regularExpression)
        let field = #expect(throws: ImportError.self) {
            try DossierJSON.decode(Data(missing.utf8), file: "b.json")
        }
        #expect(field?.description == "b.json: kerntaken[0].werkprocessen[1]: missing required field 'titel'")

        let garbage = #expect(throws: ImportError.self) {
            try DossierJSON.decode(Data("{\"crebo\":".utf8), file: "c.json")
        }
        #expect(garbage?.file == "c.json")
    }

    // MARK: Never a crash

    @Test("any truncation of the seed text imports or throws an ImportError, never crashes")
    func truncatedText() throws {
        let text = try Fixture.seedText()
        var errors = 0
        for cut in stride(from: 0, to: text.count, by: 97) {
            do {
                _ = try PublishedTextImporter.importDossier(
                    from: String(text.prefix(cut)), file: Fixture.seedName)
            } catch let error as ImportError {
                #expect(error.file == Fixture.seedName)
                errors += 1
            }
        }
        #expect(errors > 300)
    }

    @Test("dropping any one line of the seed imports or throws an ImportError, never crashes")
    func droppedLines() throws {
        let lines = try Fixture.seedLines()
        for index in lines.indices where !lines[index].isEmpty {
            var copy = lines
            copy.remove(at: index)
            do {
                let dossier = try PublishedTextImporter.importDossier(
                    from: copy.joined(separator: "\n"), file: Fixture.seedName)
                try DossierValidator.validate(dossier, file: Fixture.seedName)
            } catch let error as ImportError {
                #expect(error.file == Fixture.seedName)
            }
        }
    }
}
