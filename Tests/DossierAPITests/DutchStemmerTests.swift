import Testing

@testable import DossierAPI

@Suite("Dutch stemmer")
struct DutchStemmerTests {
    /// Pairs from the Snowball project's Dutch reference output (snowballstem/snowball-data,
    /// dutch/), chosen to exercise every step of the algorithm.
    static let reference: [(String, String)] = [
        ("aachen", "aach"), ("aalders", "aalder"), ("aalmoezen", "aalmoez"),
        ("aalscholvers", "aalscholver"), ("aalsmeer", "aalsmer"), ("aalsmeerbaan", "aalsmeerban"),
        ("aalsmeerse", "aalsmer"), ("aalten", "aalt"), ("aaltenaar", "aaltenar"),
        ("aaltjes", "aaltjes"), ("aanbelde", "aanbeld"), ("aanbellen", "aanbell"),
        ("aanbesteden", "aanbested"), ("aanbesteding", "aanbested"),
        ("aanbestedingsprocedure", "aanbestedingsprocedur"), ("aanbevelingen", "aanbevel"),
        ("aanbevolen", "aanbevol"), ("aanbiddelijk", "aanbid"), ("aanbiddelijke", "aanbid"),
        ("aanbidden", "aanbid"), ("aanbiddend", "aanbid"), ("aanbieders", "aanbieder"),
        ("aanbiedplaatsen", "aanbiedplaats"), ("aanbood", "aanbod"), ("aanbiedt", "aanbiedt"),
        ("aandachtig", "aandacht"), ("aandachtige", "aandacht"), ("aandachtiger", "aandachtiger"),
        ("aandachtspunten", "aandachtspunt"), ("aandachtstoffen", "aandachtstoff"),
        ("aandeden", "aanded"), ("aandeel", "aandel"),
        ("aandeelhoudersvergadering", "aandeelhoudersvergader"), ("aandelenfonds", "aandelenfond"),
        ("aandelenkapitaal", "aandelenkapital"), ("aandoende", "aandoend"), ("aandoening", "aandoen"),
        ("aandoenlijke", "aandoen"), ("aandreigende", "aandreig"), ("aandrijven", "aandrijv"),
        ("aaneen", "aanen"), ("aangaande", "aangaand"), ("aangelegenheden", "aangeleg"),
        ("aangelegenheid", "aangeleg"), ("aangenaamste", "aangenaamst"), ("aangenamer", "aangenamer"),
        ("aangetekend", "aangetek"), ("aangewend", "aangew"), ("aangifteplichtige", "aangifteplicht"),
        ("aanhankelijkheden", "aanhank"), ("aankondiging", "aankond"), ("aanlokkelijke", "aanlok"),
        ("aanmatigend", "aanmat"), ("aannames", "aannames"), ("aanpasbaarheid", "aanpas"),
        ("aansprakelijkheidsverzekering", "aansprakelijkheidsverzeker"), ("aanstaande", "aanstaand"),
        ("aansteken", "aanstek"), ("aanstellerige", "aansteller"),
    ]

    @Test("matches the Snowball reference output", arguments: reference)
    func matchesReference(word: String, stem: String) {
        #expect(DutchStemmer.stem(word) == stem)
    }

    @Test("gives plural and singular the same stem")
    func pluralsShareAStem() {
        #expect(DutchStemmer.stem("klanten") == DutchStemmer.stem("klant"))
        #expect(DutchStemmer.stem("werkzaamheden") == DutchStemmer.stem("werkzaamheid"))
    }

    @Test("leaves non-ASCII and very short tokens alone")
    func leavesOthersAlone() {
        #expect(DutchStemmer.stem("straße") == "straße")
        #expect(DutchStemmer.stem("en") == "en")
    }
}
