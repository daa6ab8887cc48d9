import Foundation
import HTTPServer
import Testing

@testable import DossierAPI

/// The route table and `openapi.yaml` describe the same API: a route the spec lacks, or a
/// path/method/operationId the server does not have, fails here.
@Suite("Contract")
struct ContractTests {
    /// (template, method, operationId, media type of the 200) from the spec's `paths`, read
    /// line by line: the file is ours and keeps to `  /path:`, `    get:`,
    /// `      operationId: x`, `        '200':` ... `          content:` + one media type line
    /// (no YAML parser in Foundation).
    static func specOperations() -> Set<[String]> {
        var operations = Set<[String]>()
        var inPaths = false
        var path: String?
        var method: String?
        var operationID: String?
        var inOK = false
        var inContent = false
        for line in APIFixture.openAPIText.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" {
                inPaths = true
                continue
            }
            if inPaths, let first = line.first, first != " " { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                method = String(line.dropFirst(4).dropLast()).uppercased()
            } else if line.hasPrefix("      operationId: ") {
                operationID = String(line.dropFirst("      operationId: ".count))
            } else if line.hasPrefix("        '") {
                inOK = line == "        '200':"
                inContent = false
            } else if inOK, line == "          content:" {
                inContent = true
            } else if inContent, let path, let method, let operationID, line.hasPrefix("            "),
                !line.hasPrefix("             "), line.hasSuffix(":")
            {
                operations.insert([path, method, operationID, String(line.dropFirst(12).dropLast())])
                inContent = false
            }
        }
        return operations
    }

    @Test("every row is in openapi.yaml with its media type, and every operation there is a row")
    func routesMatchSpec() {
        let routes = Set(ResourceTable.all.map { [$0.template, "GET", $0.operationID, $0.mediaType] })
        let spec = Self.specOperations()
        #expect(spec.count > 15)
        #expect(routes.subtracting(spec).isEmpty, "routes missing from the spec: \(routes.subtracting(spec))")
        #expect(
            spec.subtracting(routes).isEmpty, "spec operations without a route: \(spec.subtracting(routes))")
    }

    /// Per path template, each path parameter's `pattern`, inline or from
    /// `components/parameters` (read line by line, as above).
    static func specParameterPatterns() -> [String: [String: String]] {
        func pattern(_ line: Substring) -> String? {
            guard let start = line.range(of: "pattern: '") else { return nil }
            return String(line[start.upperBound...].prefix { $0 != "'" })
        }
        let lines = APIFixture.openAPIText.split(separator: "\n", omittingEmptySubsequences: false)
        var components: [String: (name: String, pattern: String)] = [:]
        if let start = lines.firstIndex(of: "components:"),
            let parameters = lines[start...].firstIndex(of: "  parameters:")
        {
            var current: String?
            var name: String?
            for line in lines[(parameters + 1)...] {
                if !line.hasPrefix("    ") { break }
                if line.hasPrefix("    "), !line.hasPrefix("     ") {
                    current = String(line.dropFirst(4).dropLast())
                } else if line.hasPrefix("      name: ") {
                    name = String(line.dropFirst("      name: ".count))
                } else if let current, let name, let found = pattern(line) {
                    components[current] = (name, found)
                }
            }
        }
        var patterns: [String: [String: String]] = [:]
        var path: String?
        var name: String?
        for line in lines.prefix(while: { $0 != "components:" }) {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("      - $ref: '#/components/parameters/") {
                let reference = String(
                    line.dropFirst("      - $ref: '#/components/parameters/".count).dropLast())
                if let component = components[reference] {
                    patterns[path, default: [:]][component.name] = component.pattern
                }
            } else if line.hasPrefix("      - name: ") {
                name = String(line.dropFirst("      - name: ".count))
            } else if line.hasPrefix("        in: "), line != "        in: path" {
                name = nil
            } else if let path, let name, let found = pattern(line) {
                patterns[path, default: [:]][name] = found
            }
        }
        return patterns
    }

    @Test("every path parameter's kind accepts exactly what its pattern in openapi.yaml accepts")
    func parameterKindsMatchPatterns() throws {
        let patterns = Self.specParameterPatterns()
        let context = DocumentContext(catalog: APIFixture.catalog)
        let malformed = [
            "", "2329", "232922", "2329x", "٢٣٢٩٢", "P", "P123", "p1", "B1-K", "b1-k1", "B1-K1-W", "B1-K123",
            "X1-K1", "B1-K1-W1-", "vk", "VK3", "vk-3", String(repeating: "a", count: 17), "Z", "AA", "a",
            "K ",
        ]
        for row in ResourceTable.all where !row.parameters.isEmpty {
            var samples = malformed
            if case .rendered(let build) = row.answer { samples += build(context).flatMap(\.values) }
            for (name, kind) in zip(row.parameterNames, row.parameters) {
                let pattern = try #require(patterns[row.template]?[name], "\(row.template) {\(name)}")
                let regex = try NSRegularExpression(pattern: pattern)
                for sample in samples {
                    let range = NSRange(sample.startIndex..., in: sample)
                    let specAccepts = regex.firstMatch(in: sample, range: range) != nil
                    #expect(kind.matches(sample) == specAccepts, "\(row.template) {\(name)} '\(sample)'")
                }
            }
        }
    }

    @Test("operationIds are unique")
    func uniqueOperationIDs() {
        let ids = ResourceTable.all.map(\.operationID)
        #expect(Set(ids).count == ids.count)
    }

    @Test("the SearchResult example in openapi.yaml is the server's real answer to q=offerte")
    func searchResultExample() throws {
        // The example is written as JSON (YAML's flow style), so it is read here without a
        // YAML parser: the lines under `example:` within the SearchResult schema.
        let lines = APIFixture.openAPIText.split(separator: "\n", omittingEmptySubsequences: false)
        let schema = try #require(lines.firstIndex(of: "    SearchResult:"))
        let schemaEnd =
            lines[(schema + 1)...].firstIndex { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }
            ?? lines.endIndex
        let example = try #require(lines[schema..<schemaEnd].firstIndex(of: "      example:"))
        let json = lines[(example + 1)..<schemaEnd].prefix { $0.hasPrefix("        ") }.joined(
            separator: "\n")
        let documented = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary, "\(json)")
        let response = APIFixture.get("/api/v1/zoeken?q=offerte")
        #expect(response.status == 200)
        let real = try #require(response.json as? NSDictionary)
        #expect(documented == real)
    }
}
