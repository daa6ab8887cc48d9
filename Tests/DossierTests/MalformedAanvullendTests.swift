import Foundation
import Testing

@testable import Dossier

/// Broken per-profiel additions in copies of the real 4156 export: each is an ``ImportError``
/// with the file and the line, and no dossier is half-loaded.
@Suite("Malformed per-profiel additions")
struct MalformedAanvullendTests {
    private func importError(_ target: String, _ replacement: String) -> ImportError? {
        #expect(throws: ImportError.self) {
            try Fixture.importZorg(replacingFirst: target, with: replacement)
        }
    }

    private let eersteComplexiteit = #"<complexiteitperprofiel><aanvullend><profiel referentie="1216553" />"#
    private let p3Gedrag = #"<werkprocesgedragperprofiel><aanvullend><profiel referentie="1216566" />"#
    private let p3Competenties = """
        <aanvullend>
                                <profiel referentie="1216566" />
                                <omschrijving>
                                  <competentie referentie="3086" />
        """

    @Test("an aanvullend whose profiel referentie is no profiel of the dossier, even an empty one")
    func unknownProfiel() {
        let empty = importError(
            eersteComplexiteit, #"<complexiteitperprofiel><aanvullend><profiel referentie="999" />"#)
        #expect(
            empty?.description
                == "\(Fixture.zorgName):261: <aanvullend> in <complexiteitperprofiel> refers to unknown profiel 999"
        )
        let filled = importError(
            #"<aanvullend><profiel referentie="1216566" /><complexiteit>"#,
            #"<aanvullend><profiel referentie="1216554" /><complexiteit>"#)
        // 1216554 is a kerntaak's nr, not a profiel's.
        #expect(
            filled?.message == "<aanvullend> in <complexiteitperprofiel> refers to unknown profiel 1216554")
        #expect(filled?.location == .line(261))
        let missing = importError(eersteComplexiteit, "<complexiteitperprofiel><aanvullend>")
        #expect(
            missing?.description
                == "\(Fixture.zorgName):261: <aanvullend> in <complexiteitperprofiel> names no <profiel>")
    }

    @Test("an element the importer does not know, in an aanvullend, a …perprofiel or an addition's list")
    func unknownElements() {
        let inAanvullend = importError(
            #"<profiel referentie="1216566" /><complexiteit>"#,
            #"<profiel referentie="1216566" /><toelichting>zie boven</toelichting><complexiteit>"#)
        #expect(
            inAanvullend?.description
                == "\(Fixture.zorgName):261: unexpected element <toelichting> in <aanvullend> of <complexiteitperprofiel>"
        )
        let inPerProfiel = importError(
            "<vakkennisenvaardighedenperprofiel>", "<vakkennisenvaardighedenperprofiel><opmerking />")
        #expect(
            inPerProfiel?.description
                == "\(Fixture.zorgName):311: unexpected element <opmerking> in <vakkennisenvaardighedenperprofiel>"
        )
        let inList = importError(
            #"<competentie referentie="3086" />"# + "\n                        </omschrijving>",
            #"<competentie referentie="3086" /><kerntaak />"# + "\n                        </omschrijving>")
        #expect(inList?.message == "unexpected element <kerntaak> in <omschrijving> of an addition")
        #expect(inList?.location == .line(453))
        let unknownKind = importError(
            "<werkprocescompetentiesperprofiel>",
            "<werkprocesvoorbeeldperprofiel /><werkprocescompetentiesperprofiel>")
        #expect(unknownKind?.location == .line(449))
        #expect(
            unknownKind?.message.hasPrefix("unknown per-profiel element <werkprocesvoorbeeldperprofiel>")
                == true)
        let misplaced = importError(
            "]]><werkprocesresultaatperprofiel>",
            "]]><werkprocesgedragperprofiel /><werkprocesresultaatperprofiel>")
        #expect(
            misplaced?.message
                == "unexpected element <werkprocesgedragperprofiel> inside <werkprocesresultaat>")
    }

    @Test("text where the format has only elements, and references that resolve to nothing")
    func textAndReferences() {
        let text = importError(
            p3Competenties,
            p3Competenties.replacingOccurrences(of: "<omschrijving>", with: "<omschrijving>Begeleiden"))
        #expect(text?.description == "\(Fixture.zorgName):452: unexpected text inside <omschrijving>")
        let competentie = importError(
            p3Competenties, p3Competenties.replacingOccurrences(of: "3086", with: "3999"))
        #expect(
            competentie?.description
                == "\(Fixture.zorgName):453: the addition for P3 to werkproces 1216607 refers to unknown competentie 3999"
        )
        let vakkennis = importError(
            #"<vakkennisenvaardigheden referentie="1216450" />"#,
            #"<vakkennisenvaardigheden referentie="1" />"#)
        #expect(
            vakkennis?.description
                == "\(Fixture.zorgName):315: the addition for P1 to B1-K1 refers to unknown kennisofvaardigheid 1"
        )
    }

    @Test(
        "a gedrag addition without bullets, a second entry for one profiel, an addition to a profieldeel kerntaak"
    )
    func wrongShapes() {
        let bullets =
            p3Gedrag + "<omschrijving><![CDATA[De persoonlijk begeleider gehandicaptenzorg:\n- daagt, indien "
            + "mogelijk, de cliënt uit om zelf met oplossingen te komen of (gedrags)alternatieven uit te proberen;\n- motiveert"
        let gedrag = importError(bullets, bullets.replacingOccurrences(of: "\n- ", with: "\n"))
        #expect(
            gedrag?.description
                == "\(Fixture.zorgName):435: the gedrag of werkproces 1216607 for P3 has no '-' bullets")
        let twice = importError(
            #"<aanvullend><profiel referentie="1216577" /><complexiteit>"#,
            #"<aanvullend><profiel referentie="1216566" /><complexiteit>"#)
        #expect(twice?.location == .line(262))
        #expect(
            twice?.message
                == "a second <aanvullend> for profiel P3 (1216566) in <complexiteitperprofiel>; the first is on line 261"
        )
        let profieldeel = importError(
            "stand-alone situaties. ]]></complexiteit>",
            #"stand-alone situaties. ]]><complexiteitperprofiel><aanvullend><profiel referentie="1216553" /><complexiteit><![CDATA[Extra.]]></complexiteit></aanvullend></complexiteitperprofiel></complexiteit>"#
        )
        #expect(
            profieldeel?.description
                == "\(Fixture.zorgName):835: an addition to profieldeel item P1-K1; only the basisdeel has per-profiel additions"
        )
        // An empty entry on a profieldeel kerntaak is no addition, as anywhere else.
        #expect(
            (try? Fixture.importZorg(
                replacingFirst: "stand-alone situaties. ]]></complexiteit>",
                with:
                    #"stand-alone situaties. ]]><complexiteitperprofiel><aanvullend><profiel referentie="1216553" /><complexiteit><![CDATA[ ]]></complexiteit></aanvullend></complexiteitperprofiel></complexiteit>"#
            ))?.first?.kerntaak("P1-K1")?.aanvullend == nil)
    }

    @Test("the export cut anywhere, also inside every aanvullend, is an ImportError with a line")
    func truncated() throws {
        let data = try Fixture.data(Fixture.zorgURL)
        var cuts = Array(stride(from: 1, to: data.count, by: 3_001))
        let marker = Array("<aanvullend>".utf8)
        let bytes = Array(data)
        for index in 0..<(bytes.count - marker.count)
        where bytes[index..<(index + marker.count)].elementsEqual(marker) {
            cuts += [index + 3, index + marker.count + 20]
        }
        #expect(cuts.count > 300)
        for cut in cuts {
            let error = #expect(throws: ImportError.self) {
                try SBBXMLImporter.importDossiers(from: data.prefix(cut), file: Fixture.zorgName)
            }
            #expect(error?.file == Fixture.zorgName)
            if case .line(let line) = error?.location {
                #expect(line >= 1 && line <= 2_101)
            } else {
                Issue.record("no line for a cut at \(cut): \(String(describing: error))")
            }
        }
    }

    @Test("nothing half-loads: one broken addition stops the whole load, the good files with it")
    func nothingHalfLoads() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: Fixture.xmlURL, to: directory.appendingPathComponent("a.xml"))
        let broken = try Fixture.zorgText().replacingOccurrences(
            of: #"<profiel referentie="1216596" />"#, with: #"<profiel referentie="42" />"#)
        try Data(broken.utf8).write(to: directory.appendingPathComponent("b.xml"))
        let error = #expect(throws: ImportError.self) {
            try Catalog.load(dataDirectory: directory, includingEmbedded: false)
        }
        #expect(error?.file == "b.xml")
        #expect(error?.message.hasSuffix("refers to unknown profiel 42") == true)
        let direct = #expect(throws: ImportError.self) {
            try DossierImporter.importData(Data(broken.utf8), format: .sbbXML, file: "b.xml")
        }
        #expect(direct == error)
    }
}
