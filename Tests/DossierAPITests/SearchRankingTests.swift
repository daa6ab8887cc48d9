import Foundation
import HTTPServer
import Testing

@testable import DossierAPI

/// Ranking over the real embedded data: an exact code, crebo or title first, then the items
/// whose title (or code) matches, then the items that only mention the words in their text.
/// The expectations come from the catalog itself, not from a list of expected results.
@Suite("Search ranking")
struct SearchRankingTests {
    private struct Hit {
        var soort: String
        var code: String?
        var crebo: String?
        var titel: String
        var score: Double
        var path: String
    }

    private func hits(_ query: String) throws -> [Hit] {
        let response = APIFixture.get("/api/v1/zoeken?" + query)
        #expect(response.status == 200, "\(query)")
        let body = try #require(response.json as? [String: Any])
        let items = try #require(body["items"] as? [[String: Any]])
        return try items.map { item in
            Hit(
                soort: try #require(item["soort"] as? String), code: item["code"] as? String,
                crebo: (item["dossier"] as? [String: Any])?["crebo"] as? String,
                titel: try #require(item["titel"] as? String), score: try #require(item["score"] as? Double),
                path: try #require((item["links"] as? [String: String])?["self"]))
        }
    }

    /// Whether one of the hit's own heading words starts with `word` (folded): a gedrag line
    /// or vakkennis item carries its werkproces's or its own text as `titel`, but has no title of
    /// its own, so it never counts.
    private func titleMatches(_ hit: Hit, _ word: String) -> Bool {
        guard hit.soort != "gedrag", hit.soort != "vakkennis" else { return false }
        let folded = TextFolding.fold(hit.titel + " " + (hit.code ?? ""))
        return folded.split { !$0.isLetter && !$0.isNumber }.contains { $0.hasPrefix(word) }
    }

    @Test(
        "every item whose title matches ranks above every item that matches in its text only",
        arguments: ["klant", "verkoop", "offerte", "klacht", "voert", "werkzaamheden", "planning", "veilig"])
    func titlesFirst(word: String) throws {
        let ranked = try hits("q=\(word)&pageSize=100")
        #expect(!ranked.isEmpty)
        let isTitle = ranked.map { titleMatches($0, word) }
        if let firstText = isTitle.firstIndex(of: false), let lastTitle = isTitle.lastIndex(of: true) {
            #expect(
                lastTitle < firstText,
                "\(word): \(ranked[firstText].soort) \(ranked[firstText].code ?? "") before \(ranked[lastTitle].soort) \(ranked[lastTitle].code ?? "")"
            )
        }
        let scores = ranked.map(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    @Test(
        "the review's examples: the werkproces titled with klant beats the gedrag lines, B1-K2 leads verkoop")
    func reviewExamples() throws {
        let klant = try hits("q=klant&pageSize=100")
        let werkproces = try #require(
            klant.firstIndex { $0.soort == "werkproces" && $0.code == "B1-K2-W1" && $0.crebo == "23292" })
        let firstGedrag = try #require(klant.firstIndex { $0.soort == "gedrag" })
        #expect(werkproces < firstGedrag)
        let verkoop = try hits("q=verkoop")
        #expect(verkoop.first?.soort == "kerntaak" && verkoop.first?.code == "B1-K2")
    }

    @Test("a dossier's whole title ranks it first: Dienstverlening is dossier 23189")
    func exactTitle() throws {
        for dossier in APIFixture.catalog.dossiers {
            let query = PercentEncoding.encode(dossier.titel)
            let first = try #require(try hits("q=\(query)").first)
            #expect(first.soort == "dossier" && first.code == dossier.crebo, "\(dossier.titel)")
        }
    }

    @Test("an exact kerntaak code lists those kerntaken first, then its werkprocessen, then the rest")
    func exactCode() throws {
        let kerntaken = APIFixture.catalog.dossiers.flatMap { dossier in
            dossier.kerntaken.filter { $0.code == "B1-K1" }.map { _ in dossier.crebo }
        }
        #expect(kerntaken.count >= 2)
        let ranked = try hits("q=B1-K1&pageSize=100")
        let top = ranked.prefix(kerntaken.count)
        #expect(top.allSatisfy { $0.soort == "kerntaak" && $0.code == "B1-K1" })
        #expect(Set(top.compactMap(\.crebo)) == Set(kerntaken))
        // Then its werkprocessen, whose codes start with it.
        let rest = ranked.dropFirst(kerntaken.count)
        let isWerkproces = rest.map { $0.soort == "werkproces" && $0.code?.hasPrefix("B1-K1-") == true }
        if let firstOther = isWerkproces.firstIndex(of: false) {
            #expect(!isWerkproces[firstOther...].contains(true))
        }
        #expect(isWerkproces.first == true)
    }

    @Test("a profiel code finds the kwalificaties with that code first")
    func profielCode() throws {
        let profielen = APIFixture.catalog.dossiers.filter { $0.kwalificaties.contains { $0.code == "P1" } }
        #expect(!profielen.isEmpty)
        let ranked = try hits("q=P1&pageSize=100")
        let top = ranked.prefix(profielen.count)
        #expect(top.count == profielen.count)
        #expect(top.allSatisfy { $0.soort == "kwalificatie" && $0.code == "P1" })
        #expect(Set(top.compactMap(\.crebo)) == Set(profielen.map(\.crebo)))
    }

    @Test("a dossier's crebo finds that dossier first")
    func dossierCrebo() throws {
        for dossier in APIFixture.catalog.dossiers {
            let first = try #require(try hits("q=\(dossier.crebo)").first, "\(dossier.crebo)")
            #expect(first.soort == "dossier" && first.code == dossier.crebo)
            #expect(first.path == "/api/v1/dossiers/\(dossier.crebo)")
        }
    }

    @Test("a kwalificatie's own crebo finds that kwalificatie first; a crebo the source lacks is not made up")
    func kwalificatieCrebo() throws {
        var creboCount = 0
        for dossier in APIFixture.catalog.dossiers {
            for kwalificatie in dossier.kwalificaties {
                guard let crebo = kwalificatie.crebo else { continue }
                creboCount += 1
                let ranked = try hits("q=\(crebo)")
                let first = try #require(ranked.first, "\(crebo)")
                #expect(first.soort == "kwalificatie" && first.code == kwalificatie.code)
                #expect(first.crebo == dossier.crebo)
                // Every hit really carries the number.
                for hit in ranked {
                    let body = String(decoding: APIFixture.get(hit.path).body, as: UTF8.self)
                    #expect(body.contains("\"\(crebo)\""), "\(hit.path)")
                }
            }
        }
        #expect(creboCount >= 2)
        // P2 of 23292 has no crebo in its source: no number finds it (its texts have none).
        let p2 = try #require(APIFixture.catalog.dossiers.first { $0.crebo == "23292" }?.kwalificaties.last)
        #expect(p2.code == "P2" && p2.crebo == nil)
        for digit in 0...9 {
            let found = try hits("q=\(digit)&soort=kwalificatie&dossier=23292&pageSize=100")
            #expect(!found.contains { $0.code == "P2" }, "\(digit)")
        }
    }
}
