import Foundation
import Testing

@testable import Dossier

/// The composed requirements of a kwalificatie as a pure function of a small dossier written
/// here, and the validator's rules for additions.
@Suite("Composed kwalificatie and the validation of additions")
struct SamengesteldeKwalificatieTests {
    /// Two profielen; the basis kerntaak has additions for both; P2 has a kerntaak of its own.
    static func dossier() -> Kwalificatiedossier {
        Kwalificatiedossier(
            crebo: "12345", titel: "Proef",
            kwalificaties: [
                Kwalificatie(code: "P1", titel: "Een", kerntaken: ["B1-K1"]),
                Kwalificatie(code: "P2", titel: "Twee", kerntaken: ["B1-K1", "P2-K1"]),
            ],
            kerntaken: [
                Kerntaak(
                    code: "B1-K1", titel: "Basis", deel: .basisdeel, complexiteit: "Basis complex.",
                    vakkennis: ["1", "2"],
                    werkprocessen: [
                        Werkproces(
                            code: "B1-K1-W1", titel: "Doet", omschrijving: "Basis omschrijving.",
                            gedragAanhef: "De medewerker:", gedrag: ["werkt."], competenties: ["C", "D"],
                            aanvullend: [
                                WerkprocesAanvulling(
                                    profiel: "P2", resultaat: "Extra resultaat.", competenties: ["C", "K"])
                            ])
                    ],
                    aanvullend: [
                        KerntaakAanvulling(profiel: "P1", complexiteit: "Een complex."),
                        KerntaakAanvulling(profiel: "P2", vakkennis: ["3", "1"]),
                    ]),
                Kerntaak(
                    code: "P2-K1", titel: "Eigen", deel: .profieldeel, profiel: "P2",
                    werkprocessen: [Werkproces(code: "P2-K1-W1", titel: "Eigen werk")]),
            ],
            vakkennis: [
                Vakkennis(id: "1", tekst: "a"), Vakkennis(id: "2", tekst: "b"),
                Vakkennis(id: "3", tekst: "c"),
            ],
            bron: Bron(soort: .json, bestand: "proef.json"))
    }

    @Test("each kwalificatie gets the basisdeel, its own profieldeel and its own additions only")
    func composes() throws {
        let dossier = Self.dossier()
        try DossierValidator.validate(dossier, file: "proef.json")
        let p1 = try #require(dossier.samengesteld(voor: "P1"))
        #expect(p1.dossierCrebo == "12345" && p1.kerntaken.map(\.code) == ["B1-K1"])
        #expect(
            p1.kerntaak("B1-K1")?.aanvulling
                == KerntaakAanvulling(profiel: "P1", complexiteit: "Een complex."))
        #expect(p1.kerntaak("B1-K1")?.vakkennis == ["1", "2"])
        #expect(p1.werkproces("B1-K1-W1")?.aanvulling == nil)
        #expect(p1.werkproces("B1-K1-W1")?.competenties == ["C", "D"])
        #expect(p1.werkproces("P2-K1-W1") == nil)

        let p2 = try #require(dossier.samengesteld(voor: "P2"))
        #expect(p2.kerntaken.map(\.code) == ["B1-K1", "P2-K1"])
        #expect(p2.kerntaak("B1-K1")?.aanvulling?.complexiteit == nil)
        #expect(p2.kerntaak("B1-K1")?.vakkennis == ["1", "2", "3"])
        #expect(p2.werkproces("B1-K1-W1")?.aanvulling?.resultaat == "Extra resultaat.")
        #expect(p2.werkproces("B1-K1-W1")?.competenties == ["C", "D", "K"])
        #expect(
            p2.werkproces("P2-K1-W1")?.aanvulling == nil && p2.werkproces("P2-K1-W1")?.competenties == nil)
        // The basis texts are served as they are, with nobody's additions attached.
        let basis = try #require(p2.kerntaak("B1-K1")?.kerntaak)
        #expect(basis.complexiteit == "Basis complex." && basis.aanvullend == nil)
        #expect(basis.werkprocessen.allSatisfy { $0.aanvullend == nil })
        #expect(basis.werkprocessen.map(\.omschrijving) == ["Basis omschrijving."])
        #expect(dossier.samengesteld(voor: "P3") == nil)
    }

    @Test(
        "the validator: additions only on the basisdeel, for a known profiel once, never empty, references known"
    )
    func validation() throws {
        func problem(_ change: (inout Kwalificatiedossier) -> Void) -> String? {
            var dossier = Self.dossier()
            change(&dossier)
            do {
                try DossierValidator.validate(dossier, file: "p.json")
                return nil
            } catch let error as ImportError {
                return error.description
            } catch {
                return "\(error)"
            }
        }
        #expect(
            problem { $0.kerntaken[0].aanvullend?[0].profiel = "P9" }
                == "p.json: kerntaken[B1-K1].aanvullend[P9]: addition for unknown profiel P9")
        #expect(
            problem { $0.kerntaken[0].aanvullend?[1].profiel = "P1" }
                == "p.json: kerntaken[B1-K1].aanvullend[P1]: a second addition for profiel P1")
        #expect(
            problem { $0.kerntaken[0].aanvullend?[1].vakkennis = ["4"] }
                == "p.json: kerntaken[B1-K1].aanvullend[P2].vakkennis: unknown vakkennis item 4")
        #expect(
            problem { $0.kerntaken[0].aanvullend?[1].vakkennis = ["3", "3"] }
                == "p.json: kerntaken[B1-K1].aanvullend[P2].vakkennis: 3 is listed twice")
        #expect(
            problem { $0.kerntaken[0].aanvullend?[1].vakkennis = [] }
                == "p.json: kerntaken[B1-K1].aanvullend[P2].vakkennis: an empty list (leave the field out)")
        #expect(
            problem { $0.kerntaken[0].aanvullend = [] }
                == "p.json: kerntaken[B1-K1].aanvullend: an empty list of additions (leave the field out)")
        #expect(
            problem { $0.kerntaken[0].aanvullend?[0] = KerntaakAanvulling(profiel: "P1") }
                == "p.json: kerntaken[B1-K1].aanvullend[P1]: an addition that adds nothing")
        #expect(
            problem { $0.kerntaken[0].aanvullend?[0].complexiteit = " " }
                == "p.json: kerntaken[B1-K1].aanvullend[P1].complexiteit: an empty text (leave the field out)"
        )
        #expect(
            problem { $0.kerntaken[0].werkprocessen[0].aanvullend?[0].competenties = ["Z"] }
                == "p.json: kerntaken[B1-K1].werkprocessen[B1-K1-W1].aanvullend[P2].competenties: unknown competentie Z"
        )
        #expect(
            problem { $0.kerntaken[0].werkprocessen[0].aanvullend?[0].gedragAanhef = "De twee:" }
                == "p.json: kerntaken[B1-K1].werkprocessen[B1-K1-W1].aanvullend[P2].gedrag: a gedrag lead line without gedrag items"
        )
        #expect(
            problem { $0.kerntaken[1].aanvullend = [KerntaakAanvulling(profiel: "P2", complexiteit: "x")] }
                == "p.json: kerntaken[P2-K1].aanvullend: profieldeel kerntaak P2-K1 has additions; only the basisdeel has them"
        )
        #expect(
            problem {
                $0.kerntaken[1].werkprocessen[0].aanvullend = [
                    WerkprocesAanvulling(profiel: "P2", resultaat: "x")
                ]
            }
                == "p.json: kerntaken[P2-K1].werkprocessen[P2-K1-W1].aanvullend: profieldeel kerntaak P2-K1 has additions; only the basisdeel has them"
        )
        // An addition that repeats a basis competentie is the source's text and stays valid.
        #expect(problem { $0.kerntaken[0].werkprocessen[0].aanvullend?[0].competenties = ["C"] } == nil)
    }

    @Test("the JSON leaves out what is absent, so the additions round-trip and old files stay valid")
    func json() throws {
        let dossier = Self.dossier()
        let data = DossierJSON.encode(dossier)
        #expect(try DossierJSON.decode(data, file: "p.json") == dossier)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.components(separatedBy: "\"aanvullend\"").count - 1 == 2)
        #expect(!text.contains("\"gedragAanhef\" : null"))
        // The shipped dossiers without additions carry no "aanvullend" key at all.
        for crebo in ["23189", "23292"] {
            #expect(!String(decoding: try Fixture.shipped(crebo), as: UTF8.self).contains("\"aanvullend\" :"))
        }
    }
}
