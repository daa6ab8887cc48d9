import Foundation
import HTTPServer
import Testing

@testable import DossierAPI

/// One catalog of problems: every problem the HTTP layer can make has Dutch words from it, every
/// type has one title and status, and `openapi.yaml` documents exactly these types and titles.
@Suite("Problem catalog")
struct ProblemCatalogTests {
    @Test("every server problem, every parse error included, has a type of the catalog and Dutch words")
    func everyServerProblem() throws {
        #expect(ServerProblem.allCases.count == 8 + ParseError.Kind.allCases.count)
        for problem in ServerProblem.allCases {
            let text = ProblemCatalog.vocabulary.text(problem)
            let type = try #require(ProblemType(rawValue: text.slug), "\(problem)")
            #expect(type.status == problem.status, "\(problem)")
            #expect(text.title == type.title, "\(problem)")
            #expect(!text.detail.isEmpty, "\(problem)")
            // Not the HTTP layer's English fallback.
            #expect(text.detail != ProblemVocabulary.reasonPhrases.text(problem).detail, "\(problem)")
            let details = ProblemCatalog.vocabulary.details(problem, instance: "/x")
            #expect(details.type == "https://dossiers.example/problems/" + text.slug)
            #expect(details.instance == "/x")
        }
    }

    @Test("each parse error has a detail of its own")
    func distinctParseErrorDetails() {
        let details = ParseError.Kind.allCases.map { ProblemCatalog.detail(for: $0) }
        #expect(Set(details).count == details.count)
    }

    @Test("openapi.yaml lists exactly the catalog's types")
    func documentedTypes() throws {
        let text = APIFixture.openAPIText
        let start = try #require(text.range(of: "Vaste URI per soort fout"))
        let end = try #require(text.range(of: "Elke fout,", range: start.upperBound..<text.endIndex))
        let listed = text[start.upperBound..<end.lowerBound]
            .split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            .filter { !$0.contains("/") }
        #expect(Set(listed) == Set(ProblemType.allCases.map(\.rawValue)))
        #expect(listed.count == ProblemType.allCases.count)
    }

    @Test("every problem example in openapi.yaml has the catalog's title and status for its type")
    func documentedExamples() throws {
        let lines = APIFixture.openAPIText.split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var examples = 0
        for (index, line) in lines.enumerated()
        where line.hasPrefix("type: https://dossiers.example/problems/") {
            let slug = String(line.dropFirst("type: https://dossiers.example/problems/".count))
            let type = try #require(ProblemType(rawValue: slug), "\(slug)")
            #expect(lines[index + 1] == "title: \(type.title)", "\(slug)")
            #expect(lines[index + 2] == "status: \(type.status.code)", "\(slug)")
            examples += 1
        }
        #expect(examples >= 3)
    }
}
