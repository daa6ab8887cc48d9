import DossierTestSupport
import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@testable import DossierAPI

/// The per-profiel additions of 23181 Maatschappelijke Zorg as the API serves them, checked
/// against the real SBB export they come from (4156), read with `XMLDocument` alone
/// (``ExportScan``), not with the importer.
@Suite("Per-profiel additions over HTTP, against the 4156 export")
struct AanvullendAPITests {
    static let crebo = "23181"
    static let scan: ExportScan = try! ExportScan(
        Data(
            contentsOf: APIFixture.repository.appendingPathComponent(
                "Tests/DossierTests/Fixtures/4156-maatschappelijke-zorg.xml")))

    static let tekstSoorten: [String: String] = [
        "complexiteitperprofiel": "complexiteit",
        "verantwoordelijkheidperprofiel": "verantwoordelijkheidEnZelfstandigheid",
        "werkprocesomschrijvingperprofiel": "omschrijving",
        "werkprocesresultaatperprofiel": "resultaat",
        "werkprocesgedragperprofiel": "gedrag",
    ]

    var scan: ExportScan { Self.scan }

    // MARK: Counts

    @Test(
        "counts per kind in the served dossier equal the scan: 53 text, 18 (22) competentie, 6 (66) vakkennis"
    )
    func countsPerKind() throws {
        let dossier = try APIFixture.object("/api/v1/dossiers/\(Self.crebo)")
        var served: [String: Int] = [:]
        var koppelingen: [String: Int] = [:]
        for kerntaak in try array(dossier["kerntaken"]) {
            for aanvulling in try array(kerntaak["aanvullend"], orNull: true) {
                if aanvulling["complexiteit"] is String { served["complexiteitperprofiel", default: 0] += 1 }
                if aanvulling["verantwoordelijkheidEnZelfstandigheid"] is String {
                    served["verantwoordelijkheidperprofiel", default: 0] += 1
                }
                if let items = aanvulling["vakkennis"] as? [[String: Any]] {
                    served["vakkennisenvaardighedenperprofiel", default: 0] += 1
                    koppelingen["vakkennisenvaardighedenperprofiel", default: 0] += items.count
                }
            }
            for werkproces in try array(kerntaak["werkprocessen"]) {
                for aanvulling in try array(werkproces["aanvullend"], orNull: true) {
                    if aanvulling["omschrijving"] is String {
                        served["werkprocesomschrijvingperprofiel", default: 0] += 1
                    }
                    if aanvulling["resultaat"] is String {
                        served["werkprocesresultaatperprofiel", default: 0] += 1
                    }
                    if aanvulling["gedrag"] is [Any] || aanvulling["gedragAanhef"] is String {
                        served["werkprocesgedragperprofiel", default: 0] += 1
                    }
                    if let items = aanvulling["competenties"] as? [[String: Any]] {
                        served["werkprocescompetentiesperprofiel", default: 0] += 1
                        koppelingen["werkprocescompetentiesperprofiel", default: 0] += items.count
                    }
                }
            }
        }
        let additions = scan.additions
        #expect(served == Dictionary(grouping: additions, by: \.soort).mapValues(\.count))
        #expect(
            koppelingen
                == Dictionary(grouping: additions.filter { !$0.referenties.isEmpty }, by: \.soort)
                .mapValues { $0.reduce(0) { $0 + $1.referenties.count } })
        // The issue's own count of the file, so a scan that misses a kind fails too.
        #expect(additions.count { Self.tekstSoorten[$0.soort] != nil } == 53)
        #expect(
            served["werkprocescompetentiesperprofiel"] == 18
                && koppelingen["werkprocescompetentiesperprofiel"] == 22)
        #expect(
            served["vakkennisenvaardighedenperprofiel"] == 6
                && koppelingen["vakkennisenvaardighedenperprofiel"] == 66)
        #expect(scan.entries.count { $0.isLeeg } == 45 && scan.profielen.count == 6)
    }

    // MARK: The dossier

    @Test("every non-empty addition is in the dossier's kerntaak or werkproces verbatim, with its profiel")
    func verbatimInTheDossier() throws {
        for entry in scan.additions {
            let label = "\(entry.soort) \(entry.code) \(entry.profiel)"
            let item = try APIFixture.object(basisPath(entry.code))
            let aanvulling = try #require(
                try array(item["aanvullend"]).first {
                    (($0["profiel"] as? [String: Any])?["code"] as? String) == entry.profiel
                },
                "\(label)")
            try expect(entry, in: aanvulling, label)
            let profiel = try #require(aanvulling["profiel"] as? [String: Any])
            let expected = try #require(scan.profielen.first { $0.code == entry.profiel })
            #expect(profiel["titel"] as? String == expected.titel, "\(label)")
            #expect(profiel["crebo"] as? String == expected.crebo, "\(label)")
            #expect(
                (profiel["links"] as? [String: Any])?["self"] as? String
                    == "/api/v1/dossiers/\(Self.crebo)/kwalificaties/\(entry.profiel)", "\(label)")
        }
    }

    // MARK: Each kwalificatie

    @Test(
        "each kwalificatie's composed items carry its own additions verbatim and every item it adds by reference"
    )
    func ownAdditionsInTheKwalificatie() throws {
        for profiel in scan.profielen {
            let eigen = scan.additions.filter { $0.profiel == profiel.code }
            #expect(!eigen.isEmpty, "\(profiel.code)")
            let kwalificatie = try APIFixture.object(kwalificatiePath(profiel.code))
            let nested = try array(kwalificatie["kerntaken"])
            for entry in eigen {
                let label = "\(entry.soort) \(entry.code) in \(profiel.code)"
                let composed = try APIFixture.object(composedPath(profiel.code, entry.code))
                #expect(
                    (composed["kwalificatie"] as? [String: Any])?["code"] as? String == profiel.code,
                    "\(label)")
                let aanvulling = try #require(composed["aanvulling"] as? [String: Any], "\(label)")
                #expect(
                    (aanvulling["profiel"] as? [String: Any])?["code"] as? String == profiel.code, "\(label)")
                try expect(entry, in: aanvulling, label)
                // The same addition inside the kwalificatie document, whose item links here.
                let inKwalificatie = try #require(
                    nested.first { $0["code"] as? String == entry.code }
                        ?? nested.flatMap { (($0["werkprocessen"] as? [[String: Any]]) ?? []) }
                        .first { $0["code"] as? String == entry.code }, "\(label)")
                try expect(entry, in: try #require(inKwalificatie["aanvulling"] as? [String: Any]), label)
                let links = try #require(inKwalificatie["links"] as? [String: Any])
                #expect(links["self"] as? String == composedPath(profiel.code, entry.code), "\(label)")
                #expect(links["basis"] as? String == basisPath(entry.code), "\(label)")
            }
            // What applies by reference is exactly the basis plus this profiel's additions.
            for (code, nrs) in scan.basisCompetenties
            where !code.hasPrefix("P") || code.hasPrefix(profiel.code + "-") {
                let composed = try APIFixture.object(composedPath(profiel.code, code))
                let added = eigen.filter { $0.code == code && $0.soort == "werkprocescompetentiesperprofiel" }
                    .flatMap(\.referenties)
                let expected = Set((nrs + added).compactMap { scan.competentieCodes[$0] })
                let served = try array(composed["competenties"]).compactMap { $0["code"] as? String }
                #expect(
                    Set(served) == expected && served.count == expected.count,
                    "competenties \(code) \(profiel.code)")
            }
            for (code, ids) in scan.basisVakkennis
            where !code.hasPrefix("P") || code.hasPrefix(profiel.code + "-") {
                let composed = try APIFixture.object(composedPath(profiel.code, code))
                let added = eigen.filter {
                    $0.code == code && $0.soort == "vakkennisenvaardighedenperprofiel"
                }
                .flatMap(\.referenties)
                let served = try array(composed["vakkennis"]).compactMap { $0["id"] as? String }
                #expect(
                    Set(served) == Set(ids + added) && served.count == Set(ids + added).count,
                    "vakkennis \(code) \(profiel.code)")
            }
        }
    }

    @Test("no kwalificatie carries another profiel's addition: not in its document, lists or composed items")
    func othersAdditionsAbsent() throws {
        for profiel in scan.profielen {
            let eigen = scan.additions.filter { $0.profiel == profiel.code }
            let eigenTeksten = eigen.flatMap(texts(of:))
            var served: [String] = strings(try APIFixture.object(kwalificatiePath(profiel.code)))
            for list in ["kerntaken", "werkprocessen"] {
                let collection = try APIFixture.object(kwalificatiePath(profiel.code) + "/" + list)
                served += strings(collection)
                for item in try array(collection["items"]) {
                    served += strings(try APIFixture.object(try #require(links(item)["self"])))
                }
            }
            // Its own additions are there (so the search below looks in the right place).
            #expect(
                eigenTeksten.allSatisfy { tekst in served.contains { $0.contains(tekst) } }, "\(profiel.code)"
            )
            var checked = 0
            for entry in scan.additions where entry.profiel != profiel.code {
                // Several profielen may add the very same sentence; it is then this one's too.
                for tekst in texts(of: entry) where !eigenTeksten.contains(where: { $0.contains(tekst) }) {
                    checked += 1
                    #expect(
                        !served.contains { $0.contains(tekst) },
                        "\(entry.soort) \(entry.code) of \(entry.profiel) is served for \(profiel.code): \(tekst)"
                    )
                }
            }
            #expect(checked > 30, "\(profiel.code)")
        }
    }

    @Test(
        "composed items have their own URLs: canonical under the dossier, an alias at the kwalificatie's crebo"
    )
    func addresses() throws {
        for profiel in scan.profielen {
            let own = try #require(profiel.crebo)
            for list in ["kerntaken", "werkprocessen"] {
                let canonical = kwalificatiePath(profiel.code) + "/" + list
                let collection = try APIFixture.object(canonical)
                #expect(
                    links(collection)["self"] == canonical
                        && links(collection)["alias"] == "/api/v1/kwalificaties/\(own)/\(list)")
                try expectAlias("/api/v1/kwalificaties/\(own)/\(list)", of: canonical)
                for item in try array(collection["items"]) {
                    let path = try #require(links(item)["self"])
                    let code = try #require(item["code"] as? String)
                    #expect(path == composedPath(profiel.code, code))
                    let document = try APIFixture.object(path)
                    #expect(
                        links(document)["basis"] == basisPath(code)
                            && links(document)["dossier"] == "/api/v1/dossiers/\(Self.crebo)")
                    #expect(links(document)["kwalificatie"] == kwalificatiePath(profiel.code))
                    let alias = "/api/v1/kwalificaties/\(own)/\(list)/\(code)"
                    #expect(links(document)["alias"] == alias)
                    try expectAlias(alias, of: path)
                }
            }
        }
        // A kwalificatie whose source gives no crebo has every composed item too, and no alias.
        let p2 = try APIFixture.object("/api/v1/dossiers/23292/kwalificaties/P2/werkprocessen")
        #expect(try array(p2["items"]).map { $0["code"] as? String }.contains("P2-K1-W1"))
        let item = try APIFixture.object("/api/v1/dossiers/23292/kwalificaties/P2/kerntaken/P2-K1")
        #expect(
            links(item)["alias"] == nil && links(item)["basis"] == "/api/v1/dossiers/23292/kerntaken/P2-K1")
    }

    @Test("a kerntaak or werkproces of another profiel's profieldeel is a 404 that names it")
    func notApplicable() throws {
        for (path, detail) in [
            (
                "/api/v1/dossiers/23181/kwalificaties/P1/kerntaken/P2-K1",
                "Kwalificatie P1 van dossier 23181 heeft geen kerntaak P2-K1."
            ),
            (
                "/api/v1/dossiers/23181/kwalificaties/P1/werkprocessen/P2-K1-W1",
                "Kwalificatie P1 van dossier 23181 heeft geen werkproces P2-K1-W1."
            ),
            ("/api/v1/kwalificaties/25475/kerntaken/P2-K1", "Kwalificatie 25475 heeft geen kerntaak P2-K1."),
            (
                "/api/v1/kwalificaties/25475/werkprocessen/P2-K1-W1",
                "Kwalificatie 25475 heeft geen werkproces P2-K1-W1."
            ),
            (
                "/api/v1/dossiers/23181/kwalificaties/P9/kerntaken",
                "Dossier 23181 heeft geen kwalificatie P9."
            ),
            ("/api/v1/kwalificaties/99999/werkprocessen", "Er is geen kwalificatie met crebo 99999."),
        ] {
            let response = APIFixture.get(path)
            #expect(response.status == 404, "\(path)")
            #expect(response.header("Content-Type") == "application/problem+json", "\(path)")
            let problem = try #require(response.json as? [String: Any])
            #expect(problem["detail"] as? String == detail, "\(path)")
            #expect(problem["instance"] as? String == path)
        }
        #expect(APIFixture.get("/api/v1/dossiers/23181/kwalificaties/P2/kerntaken/P2-K1").status == 200)
    }

    // MARK: Only for some profielen

    @Test(
        "the matrix and /competenties/{code} name each competentie added for some profielen only, with them")
    func competentiesAlleenVoor() throws {
        // (werkproces, competentie) → profielen, from the file: added by reference, not in the basis.
        var expected: [[String]: [String]] = [:]
        for entry in scan.additions where entry.soort == "werkprocescompetentiesperprofiel" {
            let basis = Set(scan.basisCompetenties[entry.code] ?? [])
            for nr in entry.referenties where !basis.contains(nr) {
                expected[[entry.code, try #require(scan.competentieCodes[nr])], default: []].append(
                    entry.profiel)
            }
        }
        #expect(expected[["B1-K1-W5", "K"]] == ["P4", "P5"])
        let matrix = try APIFixture.object("/api/v1/dossiers/\(Self.crebo)/competenties")
        var rows: [[String]: [String]] = [:]
        for row in try array(matrix["werkprocessen"]) {
            for entry in try array(row["alleenVoor"]) {
                rows[[row["code"] as! String, entry["competentie"] as! String]] = try profielCodes(entry)
            }
        }
        #expect(rows == expected)
        var columns: [[String]: [String]] = [:]
        for column in try array(matrix["competenties"]) {
            for entry in try array(column["alleenVoor"]) {
                columns[[entry["werkproces"] as! String, column["code"] as! String]] = try profielCodes(entry)
            }
        }
        #expect(columns == expected)
        var resources: [[String]: [String]] = [:]
        for code in Set(expected.keys.map { $0[1] }) {
            for entry in try array(try APIFixture.object("/api/v1/competenties/\(code)")["alleenVoor"]) {
                #expect((entry["dossier"] as? [String: Any])?["crebo"] as? String == Self.crebo)
                resources[[entry["code"] as! String, code]] = try profielCodes(entry)
            }
        }
        #expect(resources == expected)
    }

    @Test("a vakkennis item added for some profielen only names its kerntaak with those profielen")
    func vakkennisAlleenVoor() throws {
        var expected: [[String]: [String]] = [:]
        for entry in scan.additions where entry.soort == "vakkennisenvaardighedenperprofiel" {
            let basis = Set(scan.basisVakkennis[entry.code] ?? [])
            for id in entry.referenties where !basis.contains(id) {
                expected[[id, entry.code], default: []].append(entry.profiel)
            }
        }
        #expect(!expected.isEmpty)
        var served: [[String]: [String]] = [:]
        for item in try array(try APIFixture.object("/api/v1/dossiers/\(Self.crebo)/vakkennis")["items"]) {
            let id = item["id"] as! String
            for entry in try array(item["alleenVoor"]) {
                served[[id, entry["code"] as! String]] = try profielCodes(entry)
            }
        }
        #expect(served == expected)
        let one = try #require(expected.keys.sorted { $0.joined() < $1.joined() }.first)
        let item = try APIFixture.object("/api/v1/dossiers/\(Self.crebo)/vakkennis/\(one[0])")
        #expect(try array(item["alleenVoor"]).map { $0["code"] as? String }.contains(one[1]))
    }

    // MARK: Search

    @Test("search finds every text addition, and the hit names its profiel and links to its composed item")
    func searchFindsAdditions() throws {
        var searched = 0
        for entry in scan.additions where Self.tekstSoorten[entry.soort] != nil {
            let soort =
                entry.soort == "werkprocesgedragperprofiel"
                ? "gedrag" : entry.code.contains("-W") ? "werkproces" : "kerntaak"
            let teksten =
                entry.soort == "werkprocesgedragperprofiel"
                ? ExportText.gedrag(ExportText.normalized(entry.tekst)).items
                : [ExportText.normalized(entry.tekst)]
            for tekst in teksten {
                let words = tekst.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(8)
                let q = words.joined(separator: " ")
                let hit = try #require(
                    try findHit(q: q, soort: soort) { hit in
                        (hit["profiel"] as? [String: Any])?["code"] as? String == entry.profiel
                            && links(hit)["self"] == composedPath(entry.profiel, entry.code)
                    }, "\(entry.soort) \(entry.code) \(entry.profiel): \(q)")
                searched += 1
                let profiel = try #require(hit["profiel"] as? [String: Any])
                let expected = try #require(scan.profielen.first { $0.code == entry.profiel })
                #expect(
                    profiel["titel"] as? String == expected.titel
                        && profiel["crebo"] as? String == expected.crebo)
                #expect(links(profiel)["self"] == kwalificatiePath(entry.profiel))
                #expect(links(hit)["basis"] == basisPath(entry.code))
                #expect(hit["code"] as? String == entry.code)
            }
        }
        #expect(searched > 53)
        // A hit on a basis text names no profiel.
        let basis = try #require(
            try findHit(q: "bepaalt zorgvuldig de relevantie van gegevens", soort: "gedrag") {
                links($0)["self"] == basisPath("B1-K1-W1")
            })
        #expect(basis["profiel"] is NSNull && links(basis)["basis"] == nil)
    }

    // MARK: Helpers

    private func findHit(q: String, soort: String, where matches: ([String: Any]) -> Bool) throws -> [String:
        Any]?
    {
        var page = 1
        while true {
            let query =
                "q=\(PercentEncoding.encode(q))&soort=\(soort)&dossier=\(Self.crebo)&pageSize=100&pageNumber=\(page)"
            let result = try APIFixture.object("/api/v1/zoeken?" + query)
            if let hit = try array(result["items"]).first(where: matches) { return hit }
            guard result["hasNextPage"] as? Bool == true else { return nil }
            page += 1
        }
    }

    private func kwalificatiePath(_ profiel: String) -> String {
        "/api/v1/dossiers/\(Self.crebo)/kwalificaties/\(profiel)"
    }

    private func basisPath(_ code: String) -> String {
        "/api/v1/dossiers/\(Self.crebo)/\(code.contains("-W") ? "werkprocessen" : "kerntaken")/\(code)"
    }

    private func composedPath(_ profiel: String, _ code: String) -> String {
        kwalificatiePath(profiel) + "/\(code.contains("-W") ? "werkprocessen" : "kerntaken")/\(code)"
    }

    /// `alias` answers the very bytes of `canonical`, naming it in `Content-Location`.
    private func expectAlias(_ alias: String, of canonical: String) throws {
        let response = APIFixture.get(alias)
        #expect(response.status == 200, "\(alias)")
        #expect(response.header("Content-Location") == canonical, "\(alias)")
        #expect(response.body == APIFixture.get(canonical).body, "\(alias)")
        #expect(APIFixture.get(canonical).header("Content-Location") == nil, "\(canonical)")
    }

    /// The served form of one entry's text, field by field.
    private func expect(_ entry: ExportScan.Entry, in aanvulling: [String: Any], _ label: String) throws {
        let tekst = ExportText.normalized(entry.tekst)
        switch entry.soort {
        case "werkprocesgedragperprofiel":
            let gedrag = ExportText.gedrag(tekst)
            #expect(aanvulling["gedragAanhef"] as? String == gedrag.aanhef, "\(label)")
            #expect(aanvulling["gedrag"] as? [String] == gedrag.items, "\(label)")
        case "werkprocescompetentiesperprofiel":
            let codes = try entry.referenties.map { try #require(scan.competentieCodes[$0]) }
            #expect(try array(aanvulling["competenties"]).map { $0["code"] as? String } == codes, "\(label)")
        case "vakkennisenvaardighedenperprofiel":
            #expect(
                try array(aanvulling["vakkennis"]).map { $0["id"] as? String } == entry.referenties,
                "\(label)")
        default:
            let field = try #require(Self.tekstSoorten[entry.soort], "\(label)")
            #expect(aanvulling[field] as? String == tekst, "\(label)")
        }
    }

    /// What of an entry's text must not leak: the text itself, or each gedrag line and its lead line.
    private func texts(of entry: ExportScan.Entry) -> [String] {
        let tekst = ExportText.normalized(entry.tekst)
        guard !tekst.isEmpty else { return [] }
        guard entry.soort == "werkprocesgedragperprofiel" else { return [tekst] }
        let gedrag = ExportText.gedrag(tekst)
        return gedrag.items + (gedrag.aanhef.map { [$0] } ?? [])
    }

    private func array(_ value: Any?, orNull: Bool = false) throws -> [[String: Any]] {
        if orNull, value is NSNull { return [] }
        return try #require(value as? [[String: Any]])
    }

    private func links(_ object: [String: Any]) -> [String: String] {
        (object["links"] as? [String: String]) ?? [:]
    }

    private func profielCodes(_ entry: [String: Any]) throws -> [String] {
        try array(entry["profielen"]).map { try #require($0["code"] as? String) }
    }

    /// Every string in a JSON value.
    private func strings(_ value: Any) -> [String] {
        if let string = value as? String { return [string] }
        if let array = value as? [Any] { return array.flatMap(strings) }
        if let object = value as? [String: Any] { return object.values.flatMap(strings) }
        return []
    }
}
