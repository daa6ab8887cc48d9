import Dossier
import Testing

@testable import DossierAPI

/// The Canvas export of every embedded kwalificatie, parsed back and held to the rules of
/// Canvas's outcomes importer (see ``CanvasOutcomesCSV``).
@Suite struct CanvasOutcomesCSVTests {
    @Test func everyExportFollowsTheImportersRules() throws {
        var everyGUID: Set<String> = []
        for (dossier, kwalificatie) in ExportFixture.all {
            let name = "\(dossier.crebo)-\(kwalificatie.kwalificatie.code)"
            let (header, rows) = try ExportFixture.rows(
                CanvasOutcomesCSV.bytes(kwalificatie, dossier: dossier))
            #expect(
                Array(header.prefix(11)) == CanvasOutcomesCSV.headers
                    && header.dropFirst(11).allSatisfy(\.isEmpty))
            var groups: Set<String> = []
            for row in rows {
                #expect(row.count == header.count)
                let guid = row[0]
                #expect(!guid.isEmpty && !guid.contains(" ") && guid.hasPrefix(name), "\(name): \(guid)")
                #expect(everyGUID.insert(guid).inserted, "\(guid) in two places")
                #expect(!row[2].isEmpty && row[2].unicodeScalars.count <= 255)
                #expect(row[9] == "active")
                let parents = row[8].split(separator: " ").map(String.init)
                #expect(parents.allSatisfy(groups.contains), "\(name): parents of \(guid)")
                if row[1] == "group" {
                    #expect(
                        parents.count <= 1 && row[5...7].allSatisfy(\.isEmpty)
                            && row[10...].allSatisfy(\.isEmpty))
                    groups.insert(guid)
                } else {
                    #expect(row[1] == "outcome" && !parents.isEmpty)
                    let points = stride(from: 10, to: row.count, by: 2).map { Int(row[$0])! }
                    #expect(points == [4, 3, 2, 1, 0] && row[7] == "3")
                }
            }
        }
    }

    @Test func everyWerkprocesOnceInItsKerntaaksGroup() throws {
        for (dossier, kwalificatie) in ExportFixture.all {
            let rows = try ExportFixture.rows(CanvasOutcomesCSV.bytes(kwalificatie, dossier: dossier)).rows
            let key = "\(dossier.crebo)-\(kwalificatie.kwalificatie.code)"
            for kerntaak in kwalificatie.kerntaken {
                #expect(
                    rows.filter { $0[0] == "\(key)-\(kerntaak.code)" && $0[1] == "group" && $0[8] == key }
                        .count == 1)
                for werkproces in kerntaak.werkprocessen {
                    let matches = rows.filter { $0[0] == "\(key)-\(werkproces.code)" }
                    #expect(matches.count == 1 && matches.first?[8] == "\(key)-\(kerntaak.code)")
                    let tekst = SamengesteldeTekst(
                        werkproces: werkproces, kwalificatie: kwalificatie.kwalificatie)
                    #expect(
                        matches.first?[3].hasSuffix(tekst.html) == true
                            && matches.first?[4] == werkproces.code)
                }
            }
        }
    }

    @Test func aVakkennisItemUnderTwoKerntakenIsOneOutcomeInBothGroups() throws {
        let (dossier, p1) = ExportFixture.kwalificatie("23292", "P1")
        let rows = try ExportFixture.rows(CanvasOutcomesCSV.bytes(p1, dossier: dossier)).rows
        let items = rows.filter { $0[0] == "23292-P1-vakkennis-vk2" }
        #expect(items.count == 1 && items.first?[8] == "23292-P1-B1-K1 23292-P1-B1-K2")
    }

    @Test func theRatingsAreConfiguration() throws {
        let ratings = try #require(
            CanvasRatings(
                ratings: [
                    .init(points: 2, description: "Beheerst"), .init(points: 0, description: "Nog niet"),
                ],
                masteryPoints: 2, calculationMethod: "latest"))
        let (dossier, p1) = ExportFixture.kwalificatie("23292", "P1")
        let (header, rows) = try ExportFixture.rows(
            CanvasOutcomesCSV.bytes(p1, dossier: dossier, ratings: ratings))
        #expect(header.count == 14)
        let outcome = rows.first { $0[1] == "outcome" }!
        #expect(
            Array(outcome[5...]) == [
                "latest", "", "2", "23292-P1-B1-K1", "active", "2", "Beheerst", "0", "Nog niet",
            ])
        #expect(
            CanvasRatings(
                ratings: [.init(points: 1, description: "a"), .init(points: 2, description: "b")],
                masteryPoints: 1) == nil)
        #expect(CanvasRatings(ratings: [.init(points: 1, description: "a")], masteryPoints: 3) == nil)
        #expect(CanvasRatings(ratings: [], masteryPoints: 0) == nil)
    }
}
