import Dossier
import Testing

@testable import DossierAPI

/// The one composition rule every export writes, on a constructed dossier.
@Suite struct SamengesteldeTekstTests {
    static let dossier = Kwalificatiedossier(
        crebo: "10000", titel: "Proef",
        kwalificaties: [
            Kwalificatie(code: "P1", titel: "Eerste <beroep>", kerntaken: ["B1-K1"]),
            Kwalificatie(code: "P2", titel: "Tweede", kerntaken: ["B1-K1"]),
        ],
        kerntaken: [
            Kerntaak(
                code: "B1-K1", titel: "Taak", deel: .basisdeel,
                complexiteit: "Basis & meer.\n\nTweede alinea.",
                werkprocessen: [
                    Werkproces(
                        code: "B1-K1-W1", titel: "Proces", omschrijving: "Doet iets.",
                        gedragAanhef: "De medewerker:",
                        gedrag: ["luistert;"], competenties: ["K"],
                        aanvullend: [
                            WerkprocesAanvulling(
                                profiel: "P1", resultaat: "Extra resultaat.", competenties: ["K", "A"]),
                            WerkprocesAanvulling(profiel: "P2", omschrijving: "Alleen voor twee."),
                        ])
                ],
                aanvullend: [
                    KerntaakAanvulling(profiel: "P1", verantwoordelijkheidEnZelfstandigheid: "Alleen P1.")
                ])
        ], bron: Bron(soort: .json, bestand: "proef.json"))

    @Test func basisThenTheProfielsAdditionUnderThePublishedLabel() throws {
        let p1 = try #require(Self.dossier.samengesteld(voor: "P1"))
        let werkproces = SamengesteldeTekst(
            werkproces: p1.kerntaken[0].werkprocessen[0], kwalificatie: p1.kwalificatie)
        #expect(
            werkproces.platteTekst == """
                Proces

                Omschrijving
                Doet iets.

                Resultaat
                Voor Eerste <beroep> geldt aanvullend:
                Extra resultaat.

                Gedrag
                De medewerker:
                - luistert;

                De onderliggende competenties zijn: Vakdeskundigheid toepassen

                Voor Eerste <beroep> geldt aanvullend:
                De onderliggende competenties zijn: Beslissen en activiteiten initiëren
                """)
        #expect(!werkproces.platteTekst.contains("Alleen voor twee."))
        let kerntaak = SamengesteldeTekst(kerntaak: p1.kerntaken[0], kwalificatie: p1.kwalificatie)
        #expect(
            kerntaak.html
                == "<p><strong>Complexiteit</strong></p><p>Basis &amp; meer.</p><p>Tweede alinea.</p>"
                + "<p><strong>Verantwoordelijkheid en zelfstandigheid</strong></p>"
                + "<p><em>Voor Eerste &lt;beroep&gt; geldt aanvullend:</em></p><p>Alleen P1.</p>")
        let p2 = try #require(Self.dossier.samengesteld(voor: "P2"))
        let other = SamengesteldeTekst(kerntaak: p2.kerntaken[0], kwalificatie: p2.kwalificatie)
        #expect(!other.html.contains("Alleen P1.") && !other.html.contains("Verantwoordelijkheid"))
    }
}
