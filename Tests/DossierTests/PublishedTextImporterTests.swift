import Foundation
import Testing

@testable import Dossier

@Suite("Importing the published text of 23292")
struct PublishedTextImporterTests {
    @Test("re-importing the seed gives the shipped JSON byte for byte")
    func reimportMatchesShippedJSON() throws {
        let dossier = try Fixture.importSeed()
        try DossierValidator.validate(dossier, file: Fixture.seedName)
        #expect(DossierJSON.encode(dossier) == (try Fixture.shipped("23292")))
    }

    @Test("the title page: crebo, title, domain, penvoerder, validation, blank Geldig vanaf")
    func titlePage() throws {
        let dossier = try Fixture.importSeed()
        #expect(dossier.crebo == "23292")
        #expect(dossier.titel == "(After)sales in de mobiliteitsbranche")
        #expect(
            dossier.opleidingsdomein == Opleidingsdomein(titel: "Mobiliteit en voertuigen", crebo: "79060"))
        #expect(dossier.penvoerder == "Sectorkamer mobiliteit, transport, logistiek en maritiem")
        #expect(dossier.gevalideerdDoor == "Sectorkamer Mobiliteit, Transport, Logistiek en Maritiem")
        #expect(dossier.gevalideerdOp == "2021-09-10")
        #expect(dossier.geldigVanaf == nil)
        #expect(dossier.versie == nil && dossier.status == nil && dossier.vastgesteldOp == nil)
        #expect(dossier.bron == Bron(soort: .gepubliceerdeTekst, bestand: Fixture.seedName))
    }

    @Test("the kwalificaties: P1 with crebo 25712 and niveau 3 (no EQF stated), P2 with nothing guessed")
    func kwalificaties() throws {
        let dossier = try Fixture.importSeed()
        #expect(dossier.kwalificaties.map(\.code) == ["P1", "P2"])
        let p1 = dossier.kwalificaties[0]
        #expect(p1.titel == "Adviseur mobiliteitsbranche")
        #expect(p1.crebo == "25712")
        #expect(p1.mboNiveau == 3)
        #expect(p1.eqfNiveau == nil)
        #expect(p1.beroepsvereisten == false)
        #expect(p1.soortOpleiding == "vakopleiding")
        #expect(p1.typeringVanHetBeroep == nil)
        #expect(p1.kerntaken == ["B1-K1", "B1-K2", "B1-K3"])
        let p2 = dossier.kwalificaties[1]
        #expect(p2.titel == "Manager mobiliteitsbranche")
        #expect(p2.crebo == nil && p2.mboNiveau == nil && p2.eqfNiveau == nil && p2.beroepsvereisten == nil)
        #expect(p2.kerntaken == ["B1-K1", "B1-K2", "B1-K3", "P2-K1", "P2-K2"])
    }

    @Test("the profieldeel of P2: two kerntaken with two werkprocessen each, titles only")
    func profieldeel() throws {
        let dossier = try Fixture.importSeed()
        let profiel = dossier.kerntaken.filter { $0.deel == .profieldeel }
        #expect(profiel.map(\.code) == ["P2-K1", "P2-K2"])
        #expect(profiel.allSatisfy { $0.profiel == "P2" })
        #expect(profiel[0].titel == "Stuurt (after)salesadviseurs aan")
        #expect(profiel[1].titel == "Levert een bijdrage aan het verbeteren van de bedrijfsvoering")
        #expect(profiel[0].werkprocessen.map(\.code) == ["P2-K1-W1", "P2-K1-W2"])
        #expect(
            profiel[1].werkprocessen.map(\.titel) == [
                "Inventariseert en analyseert informatie over de bedrijfsvoering",
                "Doet voorstellen om de bedrijfsvoering te verbeteren",
            ])
        for kerntaak in profiel {
            // The seed is P1's extract: of P2 it gives only titles, so P2's lists are unknown
            // (nil), not empty.
            #expect(kerntaak.complexiteit == nil && kerntaak.vakkennis == nil)
            #expect(
                kerntaak.werkprocessen.allSatisfy {
                    $0.omschrijving == nil && $0.gedrag == nil && $0.competenties == nil
                })
        }
    }

    @Test("generieke onderdelen keep their wetten.overheid.nl links; Engels is niveau 4 only")
    func generiekeOnderdelen() throws {
        let dossier = try Fixture.importSeed()
        let onderdelen = dossier.generiekeOnderdelen
        #expect(
            onderdelen.map(\.naam) == ["Nederlandse taal", "Rekenen", "Loopbaan en burgerschap", "Engels"])
        #expect(onderdelen.map(\.niveaus) == [nil, nil, nil, [4]])
        #expect(
            onderdelen.map(\.bron) == [
                "https://wetten.overheid.nl/BWBR0027879", "https://wetten.overheid.nl/BWBR0027879",
                "https://wetten.overheid.nl/BWBR0027963", "https://wetten.overheid.nl/BWBR0027963",
            ])
        #expect(onderdelen[1].omschrijving?.hasPrefix("Het generieke examenonderdeel rekenen maakt") == true)
        #expect(
            dossier.generiekeOnderdelenInleiding
                == "Elke kwalificatie kent - naast (beroepsgerichte) specifieke kwalificatie-eisen - ook generieke kwalificatie-eisen."
        )
        #expect(dossier.keuzedelen == Keuzedelen(overzicht: "https://kwalificatie-mijn.s-bb.nl", items: []))
    }

    /// The competenties the seed lists under each werkproces, written out from reading the seed
    /// (codes from the SBB table: D Aandacht en begrip tonen, E Samenwerken en overleggen,
    /// G Relaties bouwen en netwerken, H Overtuigen en beïnvloeden, I Presenteren, J Formuleren
    /// en rapporteren, K Vakdeskundigheid toepassen, L Materialen en middelen inzetten,
    /// Q Plannen en organiseren, R Op de behoeften en verwachtingen van de "klant" richten,
    /// S Kwaliteit leveren, T Instructies en procedures opvolgen, U Omgaan met verandering en
    /// aanpassen).
    static let expectedCompetenties: [String: [String]] = [
        "B1-K1-W1": ["G", "I", "R", "T"],
        "B1-K1-W2": ["D", "J", "T"],
        "B1-K2-W1": ["E", "G", "K", "R"],
        "B1-K2-W2": ["E", "L", "S", "T"],
        "B1-K2-W3": ["H", "K", "R"],
        "B1-K2-W4": ["J", "K"],
        "B1-K3-W1": ["K", "L", "Q", "T"],
        "B1-K3-W2": ["J", "K", "T", "U"],
    ]

    @Test("the eight werkprocessen map to exactly the competenties the seed lists")
    func competenties() throws {
        let dossier = try Fixture.importSeed()
        let basis = dossier.alleWerkprocessen.filter { $0.kerntaak.hasPrefix("B") }.map(\.werkproces)
        #expect(basis.count == 8)
        for werkproces in basis {
            #expect(
                werkproces.competenties == Self.expectedCompetenties[werkproces.code], "\(werkproces.code)")
        }
    }

    @Test("competentie → werkprocessen is the exact reverse of the listing")
    func reverseCompetenties() throws {
        let catalog = try Catalog(dossiers: [(Fixture.seedName, try Fixture.importSeed())])
        for competentie in Competentie.alle {
            let expected = Self.expectedCompetenties.filter { $0.value.contains(competentie.code) }.keys
                .sorted()
            let found = catalog.werkprocessen(competentie: competentie.code)
            #expect(found.map(\.werkprocesCode).sorted() == expected, "\(competentie.code)")
            #expect(
                found.allSatisfy {
                    $0.dossierCrebo == "23292" && $0.werkprocesCode.hasPrefix($0.kerntaakCode + "-")
                })
        }
    }

    @Test("vakkennis items have one identity per exact text and know every kerntaak listing them")
    func vakkennisIdentity() throws {
        let dossier = try Fixture.importSeed()
        let catalog = try Catalog(dossiers: [(Fixture.seedName, dossier)])
        #expect(Set(dossier.vakkennis.map(\.tekst)).count == dossier.vakkennis.count)
        #expect(dossier.vakkennis.map(\.id) == (1...dossier.vakkennis.count).map { "vk\($0)" })
        let shared = try #require(
            dossier.vakkennis.first { $0.tekst == "kan relevante (online) informatiebronnen raadplegen" })
        #expect(catalog.kerntaken(vakkennis: shared.id, dossier: "23292") == ["B1-K1", "B1-K2", "B1-K3"])
        // "... ook in een moderne vreemde taal." (B1-K1, final period) is another text than the
        // same words without the period (B1-K2, B1-K3): two items.
        let taal = dossier.vakkennis.filter { $0.tekst.contains("ook in een moderne vreemde taal") }
        #expect(taal.count == 2)
        #expect(
            taal.map { catalog.kerntaken(vakkennis: $0.id, dossier: "23292") } == [
                ["B1-K1"], ["B1-K2", "B1-K3"],
            ])
        // The last bullet of B1-K2's list comes after a repeated page header and is still listed.
        let hospitality = try #require(
            dossier.vakkennis.first { $0.tekst == "kan mensgerichte hospitality toepassen" })
        #expect(catalog.kerntaken(vakkennis: hospitality.id, dossier: "23292") == ["B1-K1", "B1-K2"])
        #expect(dossier.kerntaken.map(\.vakkennis?.count) == [35, 35, 20, nil, nil])
    }

    @Test("every sentence-bearing line of the body is in the model verbatim; no page header leaked")
    func bodyLinesAreVerbatim() throws {
        let dossier = try Fixture.importSeed()
        let lines = try Fixture.seedLines()
        // The body: from the typering's first heading through the last werkproces.
        let start = try #require(lines.firstIndex(of: "Context"))
        let end = try #require(lines.firstIndex(of: "2. Generieke onderdelen"))
        let headings: Set<String> = [
            "Context", "Typerende beroepshouding", "Resultaat van de beroepsgroep", "Complexiteit",
            "Verantwoordelijkheid en zelfstandigheid", "Vakkennis en vaardigheden", "Omschrijving",
            "Resultaat", "Gedrag",
        ]
        var paragraphs: Set<String> = []
        var items: [String] = []
        var texts: [String] = []
        func add(_ text: String?) {
            guard let text else { return }
            texts.append(text)
            paragraphs.formUnion(text.components(separatedBy: "\n\n"))
        }
        add(dossier.typering.context)
        add(dossier.typering.beroepshouding)
        add(dossier.typering.resultaat)
        for kerntaak in dossier.kerntaken {
            add(kerntaak.complexiteit)
            add(kerntaak.verantwoordelijkheidEnZelfstandigheid)
            add(kerntaak.vakkennisAanhef)
            for werkproces in kerntaak.werkprocessen {
                add(werkproces.omschrijving)
                add(werkproces.resultaat)
                add(werkproces.gedragAanhef)
                items += werkproces.gedrag ?? []
            }
        }
        items += dossier.vakkennis.map(\.tekst)
        texts += items

        // The one sentence the PDF cut across a page: its two halves are one paragraph.
        let cutIndex = try #require(lines.firstIndex { $0.hasSuffix("uitbesteedt aan") })
        let rest = try #require(lines[(cutIndex + 1)...].first { $0.hasPrefix("(een) externe partij(en).") })
        #expect(paragraphs.contains(lines[cutIndex] + " " + rest))
        #expect(dossier.werkproces("B1-K3-W1")?.resultaat == lines[cutIndex] + " " + rest)

        var headerLines: [String] = []
        var checked = 0
        for line in lines[start..<end] {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || headings.contains(text) { continue }
            if text.range(of: #"^[BP]\d+-K\d+(-W\d+)?: "#, options: .regularExpression) != nil {
                headerLines.append(text)
                continue
            }
            if text.contains("De onderliggende competenties zijn:") { continue }  // see competenties()
            checked += 1
            if text.hasPrefix("-") {
                let item = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
                #expect(items.contains(item), "bullet not found verbatim: \(text)")
            } else if text == lines[cutIndex] || text == rest {
                continue  // checked above as one paragraph
            } else {
                #expect(paragraphs.contains(text), "line not found verbatim: \(text)")
            }
        }
        // 90 vakkennis and 52 gedrag bullets, 11 lead-ins, 29 prose lines (one of them the
        // second half of the cut sentence).
        #expect(checked == 181)
        // 8 werkproces and 3 kerntaak section headers plus 6 repeated page headers.
        #expect(headerLines.count == 17)
        for header in headerLines {
            #expect(!texts.contains { $0.contains(header) }, "page header leaked: \(header)")
        }
        // Nothing invented either: every item and paragraph of the model is a line of the seed
        // (or the joined sentence).
        let bodyText = Set(lines[start..<end].map { $0.trimmingCharacters(in: .whitespaces) })
        let bullets = Set(
            bodyText.filter { $0.hasPrefix("-") }.map {
                String($0.dropFirst()).trimmingCharacters(in: .whitespaces)
            })
        for item in items { #expect(bullets.contains(item), "item not in the seed: \(item)") }
        for paragraph in paragraphs where paragraph != lines[cutIndex] + " " + rest {
            #expect(bodyText.contains(paragraph), "paragraph not in the seed: \(paragraph)")
        }
    }

    @Test("quirks of the seed are kept: typos, stray punctuation, bullets without a space")
    func quirksKept() throws {
        let dossier = try Fixture.importSeed()
        let w3 = try #require(dossier.werkproces("B1-K2-W3"))
        #expect(
            w3.gedrag?.contains(
                "verwerkt bij het opstellen van de offerte en het opstellen van de overeenkomst nauwkeurig alle benodigde; gegevens en hanteert hierbij correcte spelling en grammatica;"
            ) == true)
        #expect(w3.gedrag?.count == 9)
        #expect(w3.omschrijving?.components(separatedBy: "\n\n").count == 2)
        let w2 = try #require(dossier.werkproces("B1-K2-W2"))
        #expect(w2.omschrijving?.hasPrefix("De beginnend beroeps beoefenaar presenteert") == true)
        #expect(
            w2.gedrag?.last
                == "volgt bij het presenteren van de producten en/of diensten nauwkeurig de aanwijzingen en richtlijnen op van leidinggevende/bedrijf/fabrikant/leverancier."
        )
        #expect(w2.gedragAanhef == "De beginnend beroepsbeoefenaar:")
        #expect(
            dossier.werkproces("B1-K1-W2")?.gedrag?[2]
                == "handelt de klacht van de klant af conform bedrijfsprocedures.")
        #expect(dossier.kerntaak("B1-K3")?.complexiteit?.components(separatedBy: "\n\n").count == 2)
        #expect(dossier.kerntaak("B1-K1")?.vakkennisAanhef == "De beginnend beroepsbeoefenaar:")
    }
}
