import Dossier
import Foundation
import Testing

@testable import DossierAPI

/// The Moodle export of every embedded kwalificatie, parsed back and held to the rules of
/// `tool_lpimportcsv` (see ``MoodleFrameworkCSV``).
@Suite struct MoodleFrameworkCSVTests {
    @Test func everyExportFollowsTheImportersRules() throws {
        var frameworkIDs: Set<String> = []
        for (dossier, kwalificatie) in ExportFixture.all {
            let name = "\(dossier.crebo)-\(kwalificatie.kwalificatie.code)"
            let (header, rows) = try ExportFixture.rows(
                MoodleFrameworkCSV.bytes(kwalificatie, dossier: dossier))
            #expect(header == MoodleFrameworkCSV.headers, "\(name)")
            #expect(rows.allSatisfy { $0.count == 14 }, "\(name): a row without 14 columns")
            let frameworks = rows.filter { $0[12] == "1" }
            #expect(frameworks.count == 1 && rows.first?[12] == "1", "\(name): one framework row, first")
            #expect(rows[0][1] == name && frameworkIDs.insert(rows[0][1]).inserted)
            #expect(rows[0][5] == "Not yet competent,Competent")
            #expect(
                rows[0][6]
                    == #"[{"scaleid":"2"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":1}]"#
            )
            #expect(rows[0][13] == "domain,competency")
            var seen: Set<String> = []
            for row in rows {
                #expect(
                    !row[1].isEmpty && row[1].unicodeScalars.count <= 100 && !row[1].contains(","),
                    "\(name): \(row[1])")
                #expect(!row[2].isEmpty && row[2].unicodeScalars.count <= 100, "\(name): \(row[2])")
                #expect(!row[1].contains("<") && !row[2].contains("<"))
                #expect(row[4] == "1")
                #expect(
                    row[0].isEmpty || (seen.contains(row[0]) && row[0] != rows[0][1]),
                    "\(name): parent of \(row[1])")
                for reference in row[10].split(separator: ",") { #expect(seen.contains(String(reference))) }
                #expect(seen.insert(row[1]).inserted, "\(name): \(row[1]) twice")
                if row[12] != "1" { #expect(row[5].isEmpty && row[6].isEmpty) }
            }
        }
    }

    @Test func everyWerkprocesOnceUnderItsKerntaakWithItsComposedTexts() throws {
        for (dossier, kwalificatie) in ExportFixture.all {
            let (_, rows) = try ExportFixture.rows(MoodleFrameworkCSV.bytes(kwalificatie, dossier: dossier))
            let key = "\(dossier.crebo)-\(kwalificatie.kwalificatie.code)"
            for kerntaak in kwalificatie.kerntaken {
                #expect(rows.filter { $0[1] == "\(key)-\(kerntaak.code)" && $0[0].isEmpty }.count == 1)
                for werkproces in kerntaak.werkprocessen {
                    let matches = rows.filter { $0[1] == "\(key)-\(werkproces.code)" }
                    #expect(
                        matches.count == 1 && matches.first?[0] == "\(key)-\(kerntaak.code)",
                        "\(key) \(werkproces.code)")
                    let tekst = SamengesteldeTekst(
                        werkproces: werkproces, kwalificatie: kwalificatie.kwalificatie)
                    #expect(matches.first?[3].hasSuffix(tekst.html) == true)
                }
            }
        }
    }

    @Test func anAdditionIsUnderThePublishedLabelAndOnlyInItsOwnKwalificatie() throws {
        let (dossier, p3) = ExportFixture.kwalificatie("23181", "P3")
        let (_, p1) = ExportFixture.kwalificatie("23181", "P1")
        let added =
            "daagt, indien mogelijk, de cliënt uit om zelf met oplossingen te komen of (gedrags)alternatieven uit te proberen;"
        let own = try ExportFixture.rows(MoodleFrameworkCSV.bytes(p3, dossier: dossier)).rows.first {
            $0[1] == "23181-P3-B1-K1-W2"
        }!
        #expect(
            own[3].contains("<p><em>Voor Persoonlijk begeleider gehandicaptenzorg geldt aanvullend:</em></p>")
        )
        #expect(own[3].contains("<li>" + HTML.escape(added) + "</li>"))
        let label = own[3].range(of: "geldt aanvullend")!
        #expect(own[3].range(of: HTML.escape(added))!.lowerBound > label.lowerBound)
        let other = try ExportFixture.rows(MoodleFrameworkCSV.bytes(p1, dossier: dossier)).rows.first {
            $0[1] == "23181-P1-B1-K1-W2"
        }!
        #expect(!other[3].contains(HTML.escape(added)))
        #expect(!other[3].contains("Persoonlijk begeleider gehandicaptenzorg"))
    }

    @Test func aVakkennisItemUnderTwoKerntakenIsTwoRowsThatCrossReference() throws {
        let (dossier, p1) = ExportFixture.kwalificatie("23292", "P1")
        let rows = try ExportFixture.rows(MoodleFrameworkCSV.bytes(p1, dossier: dossier)).rows
        let copies = rows.filter { $0[1].hasSuffix("-vakkennis-vk2") }
        #expect(copies.map { $0[1] } == ["23292-P1-B1-K1-vakkennis-vk2", "23292-P1-B1-K2-vakkennis-vk2"])
        #expect(copies.map { $0[0] } == ["23292-P1-B1-K1", "23292-P1-B1-K2"])
        #expect(copies.map { $0[10] } == ["", "23292-P1-B1-K1-vakkennis-vk2"])
        #expect(copies[0][2] == dossier.vakkennis.first { $0.id == "vk2" }!.tekst)
    }

    @Test func aKwalificatieWithoutCreboHasItsExportToo() throws {
        let (dossier, p2) = ExportFixture.kwalificatie("23292", "P2")
        let rows = try ExportFixture.rows(MoodleFrameworkCSV.bytes(p2, dossier: dossier)).rows
        #expect(rows[0][1] == "23292-P2" && rows[0][2] == "Manager mobiliteitsbranche")
        #expect(!rows[0][3].contains("Crebo"))
        #expect(rows.contains { $0[1] == "23292-P2-P2-K1" && $0[0].isEmpty })
    }

    @Test func aLongNameIsCutAndKeptWholeInTheDescription() throws {
        let (dossier, p1) = ExportFixture.kwalificatie("23292", "P1")
        let rows = try ExportFixture.rows(MoodleFrameworkCSV.bytes(p1, dossier: dossier)).rows
        let werkproces =
            "B1-K2-W3 Begeleidt en adviseert klanten bij aankoop/gebruik van producten en/of diensten en handelt transacties af"
        let row = rows.first { $0[1] == "23292-P1-B1-K2-W3" }!
        #expect(werkproces.count > 100 && row[2].hasSuffix("…") && row[2].count <= 100)
        #expect(row[3].hasPrefix("<p><strong>" + werkproces + "</strong></p>"))
    }

    @Test func theScaleIsConfiguration() throws {
        let scale = try #require(
            MoodleScale(
                values: ["Nog niet competent", "Competent", "Excellent"], defaultItem: 1,
                proficientItems: [2, 3]))
        let (dossier, p1) = ExportFixture.kwalificatie("23292", "P1")
        let row = try ExportFixture.rows(MoodleFrameworkCSV.bytes(p1, dossier: dossier, scale: scale)).rows[0]
        #expect(row[5] == "Nog niet competent,Competent,Excellent")
        #expect(
            row[6]
                == #"[{"scaleid":"2"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":1},{"id":3,"scaledefault":0,"proficient":1}]"#
        )
        #expect(MoodleScale(values: ["a,b", "c"], defaultItem: 1, proficientItems: [2]) == nil)
        #expect(MoodleScale(values: ["a", "b"], defaultItem: 3, proficientItems: [2]) == nil)
        #expect(MoodleScale(values: ["a", "b"], defaultItem: 1, proficientItems: []) == nil)
    }
}
