import Foundation
import Testing

@testable import Dossier

/// "Voor ‹profiel› geldt aanvullend:" blocks in the published text. The 23292 seed has none, so
/// `constructed-23292-aanvullend.txt` is the seed with the blocks of ``insertions`` added (its
/// texts say they are constructed); a test proves the file is exactly that.
@Suite("Per-profiel additions in the published text (constructed from the 23292 seed)")
struct PublishedTextAanvullendTests {
    static let label = "Voor Manager mobiliteitsbranche geldt aanvullend:"

    /// After which line of the seed each block is inserted.
    static let insertions: [(afterLine: Int, lines: [String])] = [
        // B1-K1 Complexiteit, for P2.
        (
            138,
            [
                label, "",
                "Geconstrueerde testtekst: de manager mobiliteitsbranche ziet ook toe op de klachtafhandeling van het team.",
                "",
            ]
        ),
        // B1-K1 Verantwoordelijkheid en zelfstandigheid, for P1.
        (
            142,
            [
                "Voor Adviseur mobiliteitsbranche geldt aanvullend:", "",
                "Geconstrueerde testtekst: de adviseur mobiliteitsbranche legt verantwoording af aan de manager.",
                "",
            ]
        ),
        // B1-K1 Vakkennis en vaardigheden, for P2: a lead-in, a page header inside the block,
        // and an item the basis also lists.
        (
            185,
            [
                label, "", "De manager mobiliteitsbranche:", "",
                "- heeft kennis van teamleiding (geconstrueerde testregel)", "",
                "B1-K1: Acquireert, beheert relaties en handelt klachten af", "",
                "- heeft kennis van relatiebeheer", "",
            ]
        ),
        // B1-K1-W1 Omschrijving and Resultaat, for P2.
        (
            191,
            [
                label, "",
                "Geconstrueerde testtekst: de manager mobiliteitsbranche bespreekt de leads met het team.",
                "",
            ]
        ),
        (195, [label, "", "Geconstrueerde testtekst: de leads zijn met het team besproken.", ""]),
        // B1-K1-W1 Gedrag, for P2, closed by the basis competenties line.
        (
            208,
            [
                label, "", "De manager mobiliteitsbranche:", "",
                "- bespreekt de contactmomenten met het team (geconstrueerde testregel);",
                "- stuurt bij waar nodig (geconstrueerde testregel).", "",
            ]
        ),
        // B1-K1-W1 competenties, for P2, after the basis competenties line.
        (210, [label, "", "De onderliggende competenties zijn: Aansturen, Presenteren", ""]),
        // B1-K2-W1 Gedrag, for P1, the profiel's name with a lower-case first letter.
        (
            308,
            [
                "Voor adviseur mobiliteitsbranche geldt aanvullend:", "", "De adviseur mobiliteitsbranche:",
                "",
                "- vraagt door naar de wensen van de klant (geconstrueerde testregel).", "",
            ]
        ),
    ]

    static func constructedText() throws -> String {
        var lines: [String] = []
        for (index, line) in try Fixture.seedLines().enumerated() {
            lines.append(line)
            for insertion in insertions where insertion.afterLine == index + 1 { lines += insertion.lines }
        }
        return lines.joined(separator: "\n")
    }

    static func importText(_ text: String) throws -> Kwalificatiedossier {
        try PublishedTextImporter.importDossier(from: text, file: Fixture.constructedName)
    }

    @Test("the fixture is exactly the seed with the listed blocks inserted")
    func fixtureIsConstructedFromTheSeed() throws {
        #expect(try Fixture.data(Fixture.constructedURL) == Data(try Self.constructedText().utf8))
    }

    @Test("each block becomes its profiel's addition, verbatim, and validates")
    func blocksAreRead() throws {
        let dossier = try DossierImporter.importFile(at: Fixture.constructedURL)[0]
        let kerntaak = try #require(dossier.kerntaak("B1-K1"))
        let teamleiding = try #require(dossier.vakkennis.last)
        #expect(
            teamleiding
                == Vakkennis(id: "vk44", tekst: "heeft kennis van teamleiding (geconstrueerde testregel)"))
        let relatiebeheer = try #require(
            dossier.vakkennis.first { $0.tekst == "heeft kennis van relatiebeheer" })
        #expect(
            kerntaak.aanvullend == [
                KerntaakAanvulling(
                    profiel: "P1",
                    verantwoordelijkheidEnZelfstandigheid:
                        "Geconstrueerde testtekst: de adviseur mobiliteitsbranche legt verantwoording af aan de manager."
                ),
                KerntaakAanvulling(
                    profiel: "P2",
                    complexiteit:
                        "Geconstrueerde testtekst: de manager mobiliteitsbranche ziet ook toe op de klachtafhandeling van het team.",
                    vakkennisAanhef: "De manager mobiliteitsbranche:", vakkennis: ["vk44", relatiebeheer.id]),
            ])
        #expect(
            dossier.werkproces("B1-K1-W1")?.aanvullend == [
                WerkprocesAanvulling(
                    profiel: "P2",
                    omschrijving:
                        "Geconstrueerde testtekst: de manager mobiliteitsbranche bespreekt de leads met het team.",
                    resultaat: "Geconstrueerde testtekst: de leads zijn met het team besproken.",
                    gedragAanhef: "De manager mobiliteitsbranche:",
                    gedrag: [
                        "bespreekt de contactmomenten met het team (geconstrueerde testregel);",
                        "stuurt bij waar nodig (geconstrueerde testregel).",
                    ], competenties: ["B", "I"])
            ])
        #expect(
            dossier.werkproces("B1-K2-W1")?.aanvullend == [
                WerkprocesAanvulling(
                    profiel: "P1", gedragAanhef: "De adviseur mobiliteitsbranche:",
                    gedrag: ["vraagt door naar de wensen van de klant (geconstrueerde testregel)."])
            ])
        let telling = dossier.telling
        #expect(telling.tekstAanvullingen == 6 && telling.competentieAanvullingen == 1)
        #expect(telling.vakkennisAanvullingen == 1 && telling.vakkennisAanvullingKoppelingen == 2)
    }

    @Test("no block is merged into the basis: without its additions the dossier is the seed's")
    func basisUnchanged() throws {
        var dossier = try Self.importText(try Self.constructedText())
        let seed = try Fixture.importSeed()
        #expect(dossier.vakkennis.dropLast() == seed.vakkennis[...])
        for index in dossier.kerntaken.indices {
            dossier.kerntaken[index].aanvullend = nil
            for w in dossier.kerntaken[index].werkprocessen.indices {
                dossier.kerntaken[index].werkprocessen[w].aanvullend = nil
            }
        }
        dossier.vakkennis.removeLast()
        dossier.bron = seed.bron
        #expect(dossier == seed)
    }

    @Test("the composed kwalificaties: P2 gets the manager's additions, P1 only its own")
    func composed() throws {
        let dossier = try Self.importText(try Self.constructedText())
        let p2 = try #require(dossier.samengesteld(voor: "P2"))
        #expect(p2.kwalificatie.crebo == nil)
        #expect(p2.werkproces("B1-K1-W1")?.aanvulling?.profiel == "P2")
        #expect(p2.werkproces("B1-K1-W1")?.competenties == ["G", "I", "R", "T", "B"])
        #expect(p2.werkproces("B1-K2-W1")?.aanvulling == nil)
        #expect(p2.kerntaak("B1-K1")?.vakkennis?.last == "vk44")
        let p1 = try #require(dossier.samengesteld(voor: "P1"))
        #expect(p1.werkproces("B1-K1-W1")?.aanvulling == nil)
        #expect(p1.werkproces("B1-K1-W1")?.competenties == ["G", "I", "R", "T"])
        #expect(p1.kerntaak("B1-K1")?.vakkennis?.contains("vk44") == false)
        #expect(p1.kerntaak("B1-K1")?.aanvulling?.complexiteit == nil)
        #expect(p1.werkproces("B1-K2-W1")?.aanvulling?.gedrag?.count == 1)
    }

    // MARK: Refused, with the line

    private func importError(replacing target: String, with replacement: String) throws -> ImportError? {
        let text = try Self.constructedText()
        #expect(text.contains(target))
        return #expect(throws: ImportError.self) {
            try Self.importText(text.replacingOccurrences(of: target, with: replacement))
        }
    }

    @Test("a name that is no profiel, another wording, or text after the colon")
    func unreadableLabels() throws {
        let unknown = try importError(
            replacing: Self.label, with: "Voor Directeur mobiliteitsbranche geldt aanvullend:")
        #expect(
            unknown?.description
                == "\(Fixture.constructedName):139: 'Directeur mobiliteitsbranche' is not a profiel of this dossier (profielen: Adviseur mobiliteitsbranche, Manager mobiliteitsbranche)"
        )
        let wording = try importError(
            replacing: Self.label, with: "Voor Manager mobiliteitsbranche geldt aanvullend")
        #expect(wording?.location == .line(139))
        #expect(
            wording?.message.hasPrefix(
                "cannot read 'Voor Manager mobiliteitsbranche geldt aanvullend' as an addition") == true)
        let sameLine = try importError(
            replacing: Self.label + "\n\nGeconstrueerde testtekst: de manager mobiliteitsbranche ziet",
            with: Self.label + " Geconstrueerde testtekst: de manager mobiliteitsbranche ziet")
        #expect(sameLine?.location == .line(139))
        let bullet = try importError(
            replacing: "- heeft kennis van salesfunnelmanagement",
            with: "- heeft kennis van salesfunnelmanagement; voor P2 geldt aanvullend: leiding")
        #expect(bullet?.location == .line(156))
    }

    @Test("a label outside the basis kerntaken and werkprocessen, or with nothing under it")
    func misplacedLabels() throws {
        let generiek = try importError(
            replacing: "\n2. Generieke onderdelen\n", with: "\n2. Generieke onderdelen\n\n\(Self.label)\n")
        #expect(
            generiek?.message.hasSuffix(
                "after the basis kerntaken; per-profiel additions belong to basis kerntaken and werkprocessen"
            ) == true)
        let leeswijzer = try importError(
            replacing: "\nTaal en rekenen\n", with: "\n\(Self.label)\n\nTaal en rekenen\n")
        #expect(
            leeswijzer?.message.hasSuffix(
                "before the basis kerntaken; per-profiel additions belong to basis kerntaken and werkprocessen"
            ) == true)
        let typering = try importError(replacing: "\nContext\n", with: "\n\(Self.label)\n\nContext\n")
        #expect(typering?.message == "'\(Self.label)' outside a kerntaak")
        let empty = try importError(
            replacing: Self.label
                + "\n\nGeconstrueerde testtekst: de manager mobiliteitsbranche ziet ook toe op de klachtafhandeling van het team.\n",
            with: Self.label + "\n")
        #expect(
            empty?.description
                == "\(Fixture.constructedName):139: the addition for P2 opened here has no text")
    }

    @Test("the same profiel twice in one field, and text in a competenties block")
    func wrongBlocks() throws {
        let twice = try importError(
            replacing: "- stuurt bij waar nodig (geconstrueerde testregel).",
            with: "- stuurt bij waar nodig (geconstrueerde testregel).\n\n\(Self.label)\n\n- nog een regel.")
        #expect(
            twice?.message.hasPrefix(
                "a second addition for P2 to the Gedrag of B1-K1-W1 (the first is on line") == true)
        let text = try importError(
            replacing: "De onderliggende competenties zijn: Aansturen, Presenteren",
            with: "Aansturen en presenteren")
        #expect(text?.message.hasPrefix("the addition for P2 opened on line") == true)
        let unknown = try importError(
            replacing: "De onderliggende competenties zijn: Aansturen, Presenteren",
            with: "De onderliggende competenties zijn: Aansturen, Leidinggeven")
        #expect(unknown?.message == "unknown competentie 'Leidinggeven' (not one of the 25 SBB competenties)")
    }

    @Test("a label in a profiel's own section is refused: additions belong to the basisdeel")
    func labelInProfieldeel() throws {
        let error = try importError(
            replacing: "\nMbo-niveau\n", with: "\n\(Self.label)\n\nMbo-niveau\n")
        #expect(
            error?.description
                == "\(Fixture.constructedName):543: '\(Self.label)' after the basis kerntaken; per-profiel additions belong to basis kerntaken and werkprocessen"
        )
    }
}
