import Foundation
import Testing

@testable import DossierAPI

/// werkproces ↔ competentie and vakkennis ↔ kerntaak, checked in both directions against the
/// dossier tree itself.
@Suite("Mappings")
struct MappingTests {
    /// (dossier, werkproces, competentie) triples as the dossier trees list them.
    private func triplesFromTrees() throws -> Set<[String]> {
        var triples = Set<[String]>()
        for crebo in ["23181", "23189", "23292"] {
            let werkprocessen = try #require(
                try APIFixture.object("/api/v1/dossiers/\(crebo)/werkprocessen")["items"] as? [[String: Any]])
            for werkproces in werkprocessen {
                let code = try #require(werkproces["code"] as? String)
                // null: the source does not give this werkproces's competenties (P2 in 23292).
                if werkproces["competenties"] is NSNull { continue }
                for competentie in try #require(werkproces["competenties"] as? [[String: Any]]) {
                    triples.insert([crebo, code, try #require(competentie["code"] as? String)])
                }
            }
        }
        return triples
    }

    @Test("the 23292 matrix has the competences the seed lists for each werkproces")
    func matrix23292() throws {
        let matrix = try APIFixture.object("/api/v1/dossiers/23292/competenties")
        let rows = try #require(matrix["werkprocessen"] as? [[String: Any]])
        var byCode: [String: [String]] = [:]
        var unknown: [String] = []
        for row in rows {
            if row["competenties"] is NSNull { unknown.append(row["code"] as! String) }
            byCode[row["code"] as! String] = row["competenties"] as? [String]
        }
        // Read from the seed's "De onderliggende competenties zijn: ..." lines by hand.
        #expect(byCode["B1-K1-W1"] == ["G", "I", "R", "T"])
        #expect(byCode["B1-K1-W2"] == ["D", "J", "T"])
        #expect(byCode["B1-K2-W1"] == ["E", "G", "K", "R"])
        #expect(byCode["B1-K2-W2"] == ["E", "L", "S", "T"])
        #expect(byCode["B1-K2-W3"] == ["H", "K", "R"])
        #expect(byCode["B1-K2-W4"] == ["J", "K"])
        #expect(byCode["B1-K3-W1"] == ["K", "L", "Q", "T"])
        #expect(byCode["B1-K3-W2"] == ["J", "K", "T", "U"])
        // The seed is P1's extract: P2's werkprocessen are named, their competences are not
        // given, so the matrix says null (unknown), not [] (none).
        #expect(unknown == ["P2-K1-W1", "P2-K1-W2", "P2-K2-W1", "P2-K2-W2"])
        let p2 = try APIFixture.object("/api/v1/dossiers/23292/werkprocessen/P2-K1-W1")
        #expect(p2["gedrag"] is NSNull && p2["competenties"] is NSNull && p2["omschrijving"] is NSNull)
        #expect(try APIFixture.object("/api/v1/dossiers/23292/kerntaken/P2-K1")["vakkennis"] is NSNull)
        // Where the source does give the lists, an empty one would still be [].
        #expect(
            (try APIFixture.object("/api/v1/dossiers/23292/kerntaken/B1-K1")["vakkennis"] as? [Any])?.count
                == 35)
        let columns = try #require(matrix["competenties"] as? [[String: Any]])
        #expect(columns.count == 25)
        for column in columns {
            let code = column["code"] as! String
            let listed = Set(column["werkprocessen"] as! [String])
            let expected = Set(byCode.filter { $0.value.contains(code) }.keys)
            #expect(listed == expected, "column \(code)")
        }
    }

    @Test("competentie → werkprocessen across dossiers is the exact reverse of the trees")
    func competentieReverse() throws {
        let fromTrees = try triplesFromTrees()
        var fromCompetenties = Set<[String]>()
        let list = try #require(try APIFixture.object("/api/v1/competenties")["items"] as? [[String: Any]])
        #expect(list.count == 25)
        for item in list {
            let code = try #require(item["code"] as? String)
            let detail = try APIFixture.object("/api/v1/competenties/\(code)")
            let werkprocessen = try #require(detail["werkprocessen"] as? [[String: Any]])
            #expect(item["aantalWerkprocessen"] as? Int == werkprocessen.count)
            for werkproces in werkprocessen {
                let dossier = try #require(werkproces["dossier"] as? [String: Any])
                fromCompetenties.insert([dossier["crebo"] as! String, werkproces["code"] as! String, code])
            }
        }
        #expect(fromCompetenties == fromTrees)
        #expect(fromTrees.count == 28 + 64 + 167)
    }

    @Test("vakkennis → kerntaken is the exact reverse of each kerntaak's list")
    func vakkennisReverse() throws {
        for crebo in ["23181", "23189", "23292"] {
            var fromKerntaken = Set<[String]>()
            let kerntaken = try #require(
                try APIFixture.object("/api/v1/dossiers/\(crebo)/kerntaken")["items"] as? [[String: Any]])
            for kerntaak in kerntaken where !(kerntaak["vakkennis"] is NSNull) {
                for item in try #require(kerntaak["vakkennis"] as? [[String: Any]]) {
                    fromKerntaken.insert([item["id"] as! String, kerntaak["code"] as! String])
                }
            }
            var fromItems = Set<[String]>()
            let items = try #require(
                try APIFixture.object("/api/v1/dossiers/\(crebo)/vakkennis")["items"] as? [[String: Any]])
            #expect(Set(items.map { $0["id"] as! String }).count == items.count, "each item once")
            for item in items {
                for kerntaak in try #require(item["kerntaken"] as? [[String: Any]]) {
                    fromItems.insert([item["id"] as! String, kerntaak["code"] as! String])
                }
            }
            #expect(fromItems == fromKerntaken, "dossier \(crebo)")
        }
    }

    @Test("an item the seed lists under all three kerntaken is one item with three kerntaken")
    func sharedVakkennis() throws {
        let items = try #require(
            try APIFixture.object("/api/v1/dossiers/23292/vakkennis")["items"] as? [[String: Any]])
        let item = try #require(
            items.first { $0["tekst"] as? String == "kan relevante (online) informatiebronnen raadplegen" })
        #expect(
            (item["kerntaken"] as? [[String: Any]])?.map { $0["code"] as? String } == [
                "B1-K1", "B1-K2", "B1-K3",
            ])
        let id = try #require(item["id"] as? String)
        let single = try APIFixture.object("/api/v1/dossiers/23292/vakkennis/\(id)")
        #expect(single["tekst"] as? String == item["tekst"] as? String)
    }

    @Test("every link of every resource resolves, and a walk from /api/v1 reaches every resource")
    func linkWalk() throws {
        var seen: Set<String> = []
        var queue = ["/api/v1"]
        while let path = queue.popLast() {
            guard seen.insert(path).inserted else { continue }
            let response = APIFixture.get(path)
            #expect(response.status == 200, "link \(path)")
            guard let json = response.json else { continue }
            collectLinks(json, into: &queue)
        }
        // The CASE records link each other by absolute `uri`s, not `links`: their own walk is in
        // LMSRoutesTests.
        let rendered = Set(APIFixture.service.renderedPaths.filter { !$0.hasPrefix(CASEPath.base + "/") })
        #expect(rendered.subtracting(seen).isEmpty, "unreachable: \(rendered.subtracting(seen).sorted())")
    }

    private func collectLinks(_ value: Any, into queue: inout [String]) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                if key == "links", let links = child as? [String: String] {
                    // The search template and the contract are not resources of the tree.
                    queue += links.values.filter { $0.hasPrefix("/api/") && !$0.contains("{") }
                } else {
                    collectLinks(child, into: &queue)
                }
            }
        } else if let array = value as? [Any] {
            for element in array { collectLinks(element, into: &queue) }
        }
    }
}
