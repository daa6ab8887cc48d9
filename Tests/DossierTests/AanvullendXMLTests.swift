import DossierTestSupport
import Foundation
import Testing

@testable import Dossier

/// The per-profiel additions of the real 4156 export (23181 Maatschappelijke Zorg), checked
/// against ``ExportScan``, which reads the file without the importer.
@Suite("Per-profiel additions of the SBB export 4156 (23181 Maatschappelijke Zorg)")
struct AanvullendXMLTests {
    static let tekstSoorten = [
        "complexiteitperprofiel", "verantwoordelijkheidperprofiel", "werkprocesomschrijvingperprofiel",
        "werkprocesresultaatperprofiel", "werkprocesgedragperprofiel",
    ]

    let dossier: Kwalificatiedossier
    let scan: ExportScan
    let additions: [ExportScan.Entry]

    init() throws {
        dossier = try Fixture.importZorg()
        scan = try ExportScan(try Fixture.data(Fixture.zorgURL))
        additions = scan.additions
    }

    @Test("re-importing the export gives the shipped 23181.json byte for byte, and it validates")
    func reimportMatchesShippedJSON() throws {
        try DossierValidator.validate(dossier, file: Fixture.zorgName)
        #expect(DossierJSON.encode(dossier) == (try Fixture.shipped("23181")))
        #expect(dossier.crebo == "23181" && dossier.titel == "Maatschappelijke Zorg")
        #expect(dossier.kwalificaties.map(\.code) == ["P1", "P2", "P3", "P4", "P5", "P6"])
        #expect(dossier.kwalificaties.map(\.crebo) == ["25475", "25476", "25477", "25474", "25479", "25478"])
        #expect(dossier.kwalificaties.map(\.mboNiveau) == [3, 3, 4, 4, 4, 4])
    }

    @Test(
        "counts per kind equal the scan and the issue: 53 text additions, 18 + 22 competentie, 6 + 66 vakkennis"
    )
    func countsPerKind() throws {
        let perSoort = Dictionary(grouping: additions, by: \.soort).mapValues(\.count)
        #expect(
            perSoort == [
                "complexiteitperprofiel": 8, "verantwoordelijkheidperprofiel": 6,
                "werkprocesomschrijvingperprofiel": 15, "werkprocesresultaatperprofiel": 6,
                "werkprocesgedragperprofiel": 18, "werkprocescompetentiesperprofiel": 18,
                "vakkennisenvaardighedenperprofiel": 6,
            ])
        let competenties = additions.filter { $0.soort == "werkprocescompetentiesperprofiel" }
        let vakkennis = additions.filter { $0.soort == "vakkennisenvaardighedenperprofiel" }
        let telling = dossier.telling
        #expect(telling.tekstAanvullingen == additions.count { Self.tekstSoorten.contains($0.soort) })
        #expect(telling.tekstAanvullingen == 53)
        #expect(telling.competentieAanvullingen == competenties.count && competenties.count == 18)
        #expect(
            telling.competentieAanvullingKoppelingen == competenties.reduce(0) { $0 + $1.referenties.count })
        #expect(telling.competentieAanvullingKoppelingen == 22)
        #expect(telling.vakkennisAanvullingen == vakkennis.count && vakkennis.count == 6)
        #expect(telling.vakkennisAanvullingKoppelingen == vakkennis.reduce(0) { $0 + $1.referenties.count })
        #expect(telling.vakkennisAanvullingKoppelingen == 66)
        // The empty entries are many, and none of them became an addition.
        #expect(scan.entries.count == 122 && scan.entries.count { $0.isLeeg } == 45)
        let model =
            dossier.kerntaken.reduce(0) { $0 + ($1.aanvullend?.count ?? 0) }
            + dossier.kerntaken.flatMap(\.werkprocessen).reduce(0) { $0 + ($1.aanvullend?.count ?? 0) }
        #expect(model == Set(additions.map { "\($0.code) \($0.profiel)" }).count)
    }

    @Test("every non-empty addition is in the model verbatim, tied to its profiel")
    func additionsVerbatimInTheModel() throws {
        #expect(additions.allSatisfy { $0.profiel.hasPrefix("P") })
        for entry in additions {
            let label = "\(entry.soort) \(entry.code) \(entry.profiel)"
            if entry.code.contains("-W") {
                let werkproces = try #require(dossier.werkproces(entry.code), "\(label)")
                let aanvulling = try #require(
                    werkproces.aanvullend?.first { $0.profiel == entry.profiel }, "\(label)")
                try expect(entry, in: aanvulling, label)
            } else {
                let kerntaak = try #require(dossier.kerntaak(entry.code), "\(label)")
                let aanvulling = try #require(
                    kerntaak.aanvullend?.first { $0.profiel == entry.profiel }, "\(label)")
                try expect(entry, in: aanvulling, label)
            }
        }
    }

    @Test("the composed kwalificatie carries exactly its own profiel's additions, never another's")
    func composedPerKwalificatie() throws {
        for kwalificatie in dossier.kwalificaties {
            let samengesteld = try #require(dossier.samengesteld(voor: kwalificatie.code))
            #expect(samengesteld.kwalificatie == kwalificatie)
            #expect(samengesteld.kerntaken.map(\.code) == ["B1-K1", "B1-K2", "\(kwalificatie.code)-K1"])
            for kerntaak in samengesteld.kerntaken {
                #expect(kerntaak.kerntaak.aanvullend == nil)
                #expect(kerntaak.aanvulling == nil || kerntaak.aanvulling?.profiel == kwalificatie.code)
                for werkproces in kerntaak.werkprocessen {
                    #expect(werkproces.werkproces.aanvullend == nil)
                    #expect(
                        werkproces.aanvulling == nil || werkproces.aanvulling?.profiel == kwalificatie.code)
                }
            }
            let eigen = additions.filter { $0.profiel == kwalificatie.code }
            for entry in eigen {
                let label = "\(entry.soort) \(entry.code) in \(kwalificatie.code)"
                if entry.code.contains("-W") {
                    let werkproces = try #require(samengesteld.werkproces(entry.code), "\(label)")
                    try expect(entry, in: try #require(werkproces.aanvulling, "\(label)"), label)
                    for referentie in entry.referenties {
                        let code = try #require(scan.competentieCodes[referentie])
                        #expect(werkproces.competenties?.contains(code) == true, "\(label) \(code)")
                    }
                } else {
                    let kerntaak = try #require(samengesteld.kerntaak(entry.code), "\(label)")
                    try expect(entry, in: try #require(kerntaak.aanvulling, "\(label)"), label)
                    for id in entry.referenties {
                        #expect(kerntaak.vakkennis?.contains(id) == true, "\(label) \(id)")
                    }
                }
            }
            // What only other profielen add is nowhere in this kwalificatie's texts.
            let served = strings(of: samengesteld)
            for entry in additions where entry.profiel != kwalificatie.code {
                let own = eigen.filter { $0.soort == entry.soort && $0.code == entry.code }.flatMap(
                    Self.texts)
                for tekst in Self.texts(of: entry) where !own.contains(where: { $0.contains(tekst) }) {
                    #expect(
                        !served.contains { $0.contains(tekst) },
                        "\(entry.soort) \(entry.code) of \(entry.profiel) leaks into \(kwalificatie.code): \(tekst)"
                    )
                }
            }
            let basis = dossier.kerntaak("B1-K1")?.vakkennis ?? []
            let eigenVakkennis = Set(eigen.flatMap { $0.soort.hasPrefix("vakkennis") ? $0.referenties : [] })
            let anderen = additions.filter {
                $0.soort.hasPrefix("vakkennis") && $0.profiel != kwalificatie.code
            }
            for id in Set(anderen.flatMap(\.referenties)).subtracting(eigenVakkennis).subtracting(basis) {
                #expect(
                    samengesteld.kerntaak("B1-K1")?.vakkennis?.contains(id) == false,
                    "vakkennis \(id) in \(kwalificatie.code)")
            }
            let k = samengesteld.werkproces("B1-K1-W5")?.competenties?.contains("K") == true
            #expect(k == ["P4", "P5"].contains(kwalificatie.code), "competentie K on B1-K1-W5")
        }
    }

    @Test("basis texts stay exactly the file's own text: no addition is merged into them")
    func basisTextsUnchanged() throws {
        for kerntaak in dossier.kerntaken where kerntaak.deel == .basisdeel {
            let raw = try #require(scan.basisTeksten[kerntaak.code])
            #expect(kerntaak.complexiteit == raw["complexiteit"].map(ExportText.normalized))
            #expect(
                kerntaak.verantwoordelijkheidEnZelfstandigheid
                    == raw["verantwoordelijkheid"].map(ExportText.normalized))
            for werkproces in kerntaak.werkprocessen {
                let raw = try #require(scan.basisTeksten[werkproces.code])
                #expect(
                    werkproces.omschrijving == raw["werkprocesomschrijving"].map(ExportText.normalized))
                #expect(werkproces.resultaat == raw["werkprocesresultaat"].map(ExportText.normalized))
                let gedrag = ExportText.gedrag(raw["werkprocesgedrag"] ?? "")
                #expect(werkproces.gedragAanhef == gedrag.aanhef && werkproces.gedrag == gedrag.items)
            }
        }
        let werkproces = try #require(dossier.werkproces("B1-K1-W2"))
        #expect(werkproces.gedrag?.count == 4 && werkproces.competenties == ["C", "D", "F", "K"])
        #expect(dossier.kerntaak("B1-K1")?.vakkennis?.count == 41)
    }

    @Test(
        "one addition in full: P3's gedrag for B1-K1-W2 keeps its lead line, its items and their punctuation")
    func oneAdditionInFull() throws {
        let aanvulling = try #require(
            dossier.werkproces("B1-K1-W2")?.aanvullend?.first { $0.profiel == "P3" })
        #expect(
            aanvulling.omschrijving
                == "De persoonlijk begeleider gehandicaptenzorg schakelt zo nodig andere disciplines in.")
        #expect(aanvulling.gedragAanhef == "De persoonlijk begeleider gehandicaptenzorg:")
        #expect(
            aanvulling.gedrag == [
                "daagt, indien mogelijk, de cliënt uit om zelf met oplossingen te komen of (gedrags)alternatieven uit te proberen;",
                "motiveert naastbetrokkenen doelbewust tot haalbare activiteiten.",
            ])
        // The source repeats a basis competentie as an addition; it is kept, and listed once.
        #expect(aanvulling.competenties == ["C"])
        let samengesteld = try #require(dossier.samengesteld(voor: "P3")?.werkproces("B1-K1-W2"))
        #expect(samengesteld.competenties == ["C", "D", "F", "K"])
        #expect(dossier.samengesteld(voor: "P1")?.werkproces("B1-K1-W2")?.aanvulling == nil)
    }

    // MARK: Helpers

    private func expect(_ entry: ExportScan.Entry, in aanvulling: KerntaakAanvulling, _ label: String)
        throws
    {
        switch entry.soort {
        case "complexiteitperprofiel":
            #expect(aanvulling.complexiteit == ExportText.normalized(entry.tekst), "\(label)")
        case "verantwoordelijkheidperprofiel":
            #expect(
                aanvulling.verantwoordelijkheidEnZelfstandigheid == ExportText.normalized(entry.tekst),
                "\(label)")
        case "vakkennisenvaardighedenperprofiel":
            #expect(aanvulling.vakkennis == entry.referenties, "\(label)")
        default:
            Issue.record("\(label): not a kerntaak addition")
        }
    }

    private func expect(_ entry: ExportScan.Entry, in aanvulling: WerkprocesAanvulling, _ label: String)
        throws
    {
        switch entry.soort {
        case "werkprocesomschrijvingperprofiel":
            #expect(aanvulling.omschrijving == ExportText.normalized(entry.tekst), "\(label)")
        case "werkprocesresultaatperprofiel":
            #expect(aanvulling.resultaat == ExportText.normalized(entry.tekst), "\(label)")
        case "werkprocesgedragperprofiel":
            let gedrag = ExportText.gedrag(entry.tekst)
            #expect(aanvulling.gedragAanhef == gedrag.aanhef, "\(label)")
            #expect(aanvulling.gedrag == gedrag.items, "\(label)")
            #expect(gedrag.aanhef?.hasSuffix(":") == true && !gedrag.items.isEmpty, "\(label)")
        case "werkprocescompetentiesperprofiel":
            #expect(
                aanvulling.competenties == entry.referenties.map { scan.competentieCodes[$0] ?? "?" },
                "\(label)")
        default:
            Issue.record("\(label): not a werkproces addition")
        }
    }

    /// The texts an entry adds as the model holds them: a paragraph text whole, a gedrag as its
    /// lead line and items; none for references.
    static func texts(of entry: ExportScan.Entry) -> [String] {
        if entry.soort == "werkprocesgedragperprofiel" {
            let gedrag = ExportText.gedrag(entry.tekst)
            return (gedrag.aanhef.map { [$0] } ?? []) + gedrag.items
        }
        return tekstSoorten.contains(entry.soort) ? [ExportText.normalized(entry.tekst)] : []
    }

    /// Every text a composed kwalificatie serves.
    private func strings(of samengesteld: SamengesteldeKwalificatie) -> [String] {
        samengesteld.kerntaken.flatMap { kerntaak -> [String] in
            let eigen = [
                kerntaak.kerntaak.complexiteit, kerntaak.kerntaak.verantwoordelijkheidEnZelfstandigheid,
                kerntaak.aanvulling?.complexiteit, kerntaak.aanvulling?.verantwoordelijkheidEnZelfstandigheid,
            ]
            let werkprocessen = kerntaak.werkprocessen.flatMap { werkproces -> [String?] in
                [
                    werkproces.werkproces.omschrijving, werkproces.werkproces.resultaat,
                    werkproces.aanvulling?.omschrijving, werkproces.aanvulling?.resultaat,
                    werkproces.aanvulling?.gedragAanhef,
                ] + (werkproces.werkproces.gedrag ?? []) + (werkproces.aanvulling?.gedrag ?? [])
            }
            return (eigen + werkprocessen).compactMap { $0 }
        }
    }
}
