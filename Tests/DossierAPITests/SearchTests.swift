import Foundation
import HTTPServer
import Testing

@testable import DossierAPI

@Suite("Search")
struct SearchTests {
    private func search(_ query: String) throws -> [String: Any] {
        let response = APIFixture.get("/api/v1/zoeken?" + query)
        #expect(response.status == 200, "\(query)")
        return try #require(response.json as? [String: Any])
    }

    private func hits(_ query: String) throws -> [[String: Any]] {
        try #require(try search(query)["items"] as? [[String: Any]])
    }

    @Test("a search for offerte lists B1-K2-W3, with the match marked")
    func offerte() throws {
        let items = try hits("q=offerte")
        #expect(
            items.contains { $0["code"] as? String == "B1-K2-W3" && $0["soort"] as? String == "werkproces" })
        for item in items {
            #expect((item["snippet"] as? String)?.contains("<mark>offerte</mark>") == true)
            #expect(
                (item["links"] as? [String: String])?["self"]
                    == "/api/v1/dossiers/23292/werkprocessen/B1-K2-W3")
        }
    }

    @Test("is diacritic- and case-insensitive: beinvloeden finds beïnvloeden")
    func diacritics() throws {
        let items = try hits("q=BEINVLOEDEN")
        let competentie = try #require(items.first { $0["soort"] as? String == "competentie" })
        #expect(competentie["code"] as? String == "H")
        #expect(competentie["snippet"] as? String == "Overtuigen en <mark>beïnvloeden</mark>")
    }

    @Test("the last term matches as a prefix, for type-ahead; earlier terms do not")
    func prefix() throws {
        #expect(try hits("q=offer").contains { $0["code"] as? String == "B1-K2-W3" })
        #expect(try hits("q=offer+klant").isEmpty)
    }

    @Test("matches Dutch inflections through the stem: klant finds klanten")
    func stemming() throws {
        let items = try hits("q=klant&pageSize=100")
        let snippets = items.compactMap { $0["snippet"] as? String }
        #expect(snippets.contains { $0.contains("<mark>klanten</mark>") })
    }

    @Test("collega's searches for collega, not for every word starting with s")
    func apostropheS() throws {
        let items = try hits("q=collega%27s&pageSize=100")
        #expect(!items.isEmpty)
        for item in items {
            let snippet = item["snippet"] as? String ?? ""
            #expect(snippet.contains("<mark>collega</mark>") || snippet.contains("<mark>collega's</mark>"))
            #expect(!snippet.contains("<mark>s"), "\(snippet)")
        }
    }

    @Test("every term must match")
    func allTerms() throws {
        let items = try hits("q=onvoorziene+werkplaatscapaciteit&pageSize=100")
        #expect(items.map { $0["code"] as? String } == ["B1-K3-W1", "B1-K3-W2"])
        for item in items {
            let snippet = item["snippet"] as? String ?? ""
            #expect(
                snippet.contains("<mark>onvoorziene</mark>")
                    && snippet.contains("<mark>werkplaatscapaciteit</mark>"))
        }
        // "planning" appears in many texts, "werkplaatscapaciteit" in some: none has both.
        #expect(try hits("q=planning+werkplaatscapaciteit").isEmpty)
    }

    @Test("ranks by relevance: a title match comes before a passing mention")
    func ranking() throws {
        let items = try hits("q=behandelt+klachten&pageSize=50")
        #expect(items.first?["code"] as? String == "B1-K1-W2")
        let scores = items.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
    }

    @Test("filters by soort and by dossier")
    func filters() throws {
        let werkprocessen = try hits("q=klant&soort=werkproces&pageSize=100")
        #expect(!werkprocessen.isEmpty)
        #expect(werkprocessen.allSatisfy { $0["soort"] as? String == "werkproces" })
        let dienstverlening = try hits("q=klant&dossier=23189&pageSize=100")
        #expect(!dienstverlening.isEmpty)
        #expect(
            dienstverlening.allSatisfy { ($0["dossier"] as? [String: Any])?["crebo"] as? String == "23189" })
        #expect(try hits("q=klant&dossier=99999").isEmpty)
    }

    @Test("pages with pageSize, pageNumber and hasNextPage")
    func paging() throws {
        let all = try search("q=klant&pageSize=100")
        let total = try #require(all["aantal"] as? Int)
        #expect(total > 4)
        let first = try search("q=klant&pageSize=2&pageNumber=1")
        let second = try search("q=klant&pageSize=2&pageNumber=2")
        #expect(first["hasNextPage"] as? Bool == true)
        #expect(first["aantal"] as? Int == total)
        let firstCodes = (first["items"] as! [[String: Any]]).map {
            "\($0["soort"]!)\($0["code"]!)\($0["snippet"]!)"
        }
        let secondCodes = (second["items"] as! [[String: Any]]).map {
            "\($0["soort"]!)\($0["code"]!)\($0["snippet"]!)"
        }
        #expect(firstCodes.count == 2 && secondCodes.count == 2)
        #expect(Set(firstCodes).isDisjoint(with: secondCodes))
        #expect(
            (first["links"] as? [String: String])?["next"] == "/api/v1/zoeken?q=klant&pageSize=2&pageNumber=2"
        )
        let lastPage = (total + 1) / 2
        let last = try search("q=klant&pageSize=2&pageNumber=\(lastPage)")
        #expect(last["hasNextPage"] as? Bool == false)
        #expect(try hits("q=klant&pageSize=2&pageNumber=\(lastPage + 1)").isEmpty)
    }

    @Test(
        "bad queries are 400 problems",
        arguments: [
            "", "q=", "q=%20%20", "q=" + String(repeating: "a", count: 201), "q=...", "q=klant&soort=boek",
            "q=klant&dossier=2329", "q=klant&pageSize=0", "q=klant&pageSize=101", "q=klant&pageNumber=-1",
            "q=klant&pageNumber=abc", "q=klant&q=offerte", "q=%ZZ", "q=%CC%81",
            "q=klant&pageSize=5&pageSize=5",
            "q=klant&soort=gedrag&soort=gedrag", "_=1&q=klant&_=2&q=klant", "q=klant&dossier=%ZZ",
        ])
    func badQueries(query: String) throws {
        let response = APIFixture.get("/api/v1/zoeken?" + query)
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        let problem = try #require(response.json as? [String: Any])
        #expect(problem["type"] as? String == "https://dossiers.example/problems/invalid-query")
        #expect((problem["detail"] as? String)?.isEmpty == false)
    }

    @Test(
        "unknown parameters are ignored, repeated or malformed: cache busters and tracking links work",
        arguments: [
            "q=klant&utm_source=x", "q=klant&utm_source=x&utm_source=y", "_=1700000000000&q=klant",
            "q=klant&_=1&_=2", "q=klant&_=%ZZ", "q=klant&%ZZ=1", "q=klant&Q=offerte&PageSize=x",
        ])
    func unknownParameters(query: String) throws {
        let plain = try search("q=klant")
        let extra = try search(query)
        #expect(extra["aantal"] as? Int == plain["aantal"] as? Int)
        #expect(extra["q"] as? String == "klant")
        let codes = { (result: [String: Any]) in
            (result["items"] as? [[String: Any]] ?? []).map { "\($0["soort"]!) \($0["code"]!)" }
        }
        #expect(codes(extra) == codes(plain))
    }

    @Test(
        "every other resource ignores unknown parameters too",
        arguments: [
            "/api/v1", "/api/v1/dossiers", "/api/v1/dossiers/23292",
            "/api/v1/dossiers/23292/werkprocessen/B1-K2-W3",
            "/api/v1/kwalificaties/25712", "/api/v1/competenties/K", "/openapi.yaml", "/healthz", "/",
        ])
    func otherResourcesIgnoreParameters(path: String) {
        let plain = APIFixture.get(path)
        #expect(plain.status == 200)
        for query in ["_=1&_=2", "utm_source=x&utm_source=y", "x=%ZZ", "q=klant&q=offerte"] {
            let response = APIFixture.get(path + "?" + query)
            #expect(response.status == 200, "\(path)?\(query)")
            #expect(response.body == plain.body, "\(path)?\(query)")
        }
    }

    @Test("snippets escape every HTML-special character, the apostrophe included; only the marks are markup")
    func snippetEscaping() throws {
        var sawApostrophe = false
        for query in ["collega%27s", "klant", "after", "klanten+collega"] {
            for item in try hits("q=\(query)&pageSize=100") {
                let snippet = try #require(item["snippet"] as? String)
                let text = snippet.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(
                    of: "</mark>", with: "")
                #expect(!text.contains { "<>\"'".contains($0) }, "\(snippet)")
                sawApostrophe = sawApostrophe || text.contains("&#39;")
            }
        }
        // The data has collega's: its apostrophe must have been escaped, not dropped.
        #expect(sawApostrophe)
        let first = try #require(
            try hits("q=collega%27s&pageSize=100").first {
                ($0["snippet"] as? String)?.contains("&#39;") == true
            })
        #expect((first["snippet"] as? String)?.contains("<mark>collega</mark>&#39;s") == true)
    }

    @Test("paging past the end: prev leads to the last page with hits, or is absent when nothing matches")
    func pagingPastTheEnd() throws {
        let total = try #require(try search("q=offerte")["aantal"] as? Int)
        #expect(total > 0)
        for pageSize in [1, 10] {
            let lastPage = (total + pageSize - 1) / pageSize
            for pageNumber in [lastPage + 1, lastPage + 2, 100_000] {
                let result = try search("q=offerte&pageSize=\(pageSize)&pageNumber=\(pageNumber)")
                #expect((result["items"] as? [Any])?.isEmpty == true)
                #expect(result["hasNextPage"] as? Bool == false)
                let links = try #require(result["links"] as? [String: String])
                let prev = try #require(links["prev"])
                #expect(prev == "/api/v1/zoeken?q=offerte&pageSize=\(pageSize)&pageNumber=\(lastPage)")
                // And that page has hits.
                let previous = try search(String(prev.split(separator: "?")[1]))
                #expect((previous["items"] as? [Any])?.isEmpty == false)
            }
            if lastPage > 1 {
                let last = try search("q=offerte&pageSize=\(pageSize)&pageNumber=\(lastPage)")
                #expect(
                    (last["links"] as? [String: String])?["prev"]
                        == "/api/v1/zoeken?q=offerte&pageSize=\(pageSize)&pageNumber=\(lastPage - 1)")
            }
        }
        for pageNumber in [1, 2, 100_000] {
            let none = try search("q=xqzjvw&pageNumber=\(pageNumber)")
            #expect(none["aantal"] as? Int == 0)
            #expect((none["links"] as? [String: String])?["prev"] == nil)
        }
    }
}
