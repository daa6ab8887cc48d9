import HTTPTestSupport
import Testing

@testable import HTTPServer

/// Where the HTTP layer's words come from: the configured vocabulary, for every problem it
/// answers with itself, always with the request path as `instance` when there is one.
@Suite("Problem vocabulary")
struct ProblemVocabularyTests {
    @Test("every server problem has the status its kind says; every parse error kind is one")
    func statuses() {
        let all = ServerProblem.allCases
        #expect(Set(all).count == all.count)
        #expect(all.count == 8 + ParseError.Kind.allCases.count)
        for kind in ParseError.Kind.allCases {
            #expect(ServerProblem.malformedRequest(kind).status == ParseError(kind).status)
        }
        #expect(ServerProblem.methodNotAllowed.status == .methodNotAllowed)
        #expect(ServerProblem.methodNotImplemented.status == .notImplemented)
        #expect(ServerProblem.serviceUnavailable.status == .serviceUnavailable)
        #expect(ServerProblem.notAcceptable.status == .notAcceptable)
    }

    @Test("the default is about:blank with the reason phrase as title and an English detail")
    func reasonPhrases() throws {
        for problem in ServerProblem.allCases {
            let details = ProblemVocabulary.reasonPhrases.details(problem, instance: "/x")
            #expect(details.type == "about:blank")
            #expect(details.title == problem.status.reasonPhrase)
            #expect(details.status == problem.status)
            #expect(details.detail?.isEmpty == false)
            #expect(details.instance == "/x")
        }
    }

    @Test("a vocabulary's type base and slug make the type; an empty detail is left out")
    func configuredWords() {
        let vocabulary = ProblemVocabulary(typeBase: "https://example.org/p/") { problem in
            ProblemText(slug: "s\(problem.status.code)", title: "T", detail: problem == .notFound ? "" : "D")
        }
        let missing = vocabulary.details(.notFound, instance: nil)
        #expect(missing.type == "https://example.org/p/s404")
        #expect(missing.detail == nil)
        #expect(missing.instance == nil)
        #expect(
            vocabulary.details(.malformedRequest(.targetTooLong), instance: "/a").type
                == "https://example.org/p/s414")
    }

    /// A request for each problem the pipeline and the router make, with its status.
    static let routedProblems: [(String, Int)] = [
        ("GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n", 404),
        ("DELETE /hello HTTP/1.1\r\nHost: a\r\n\r\n", 405),
        ("GET /bad%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("BREW /hello HTTP/1.1\r\nHost: a\r\n\r\n", 501),
        ("GET /hello HTTP/1.1\r\nHost: a\r\nIf-Match: \"x\"\r\n\r\n", 412),
        ("POST /style.css HTTP/1.1\r\nHost: a\r\n\r\n", 405),
        ("GET /missing.css HTTP/1.1\r\nHost: a\r\n\r\n", 404),
    ]

    @Test(
        "the router's, the static files' and the pipeline's problems are in the configured words, with instance"
    )
    func routedProblemsUseTheVocabulary() throws {
        let client = try TestResponder.client()
        for (raw, status) in Self.routedProblems {
            let response = client.send(raw)
            #expect(response.status == status, "\(raw)")
            #expect(response.header("Content-Type") == "application/problem+json")
            let problem = try #require(response.json as? [String: Any], "\(raw)")
            let path = String(raw.split(separator: " ")[1])
            #expect(problem["instance"] as? String == path, "\(raw)")
            #expect((problem["type"] as? String)?.hasPrefix(TestVocabulary.typeBase) == true, "\(raw)")
            #expect((problem["detail"] as? String)?.hasPrefix("test: ") == true, "\(raw)")
        }
    }

    @Test("a parse error names the path when its request line was read, and nothing before that")
    func parseErrorInstance() throws {
        let client = try TestResponder.client()
        let badHost = client.send("GET /items/1?q HTTP/1.1\r\nHost: [::1\r\n\r\n")
        #expect(badHost.status == 400)
        let named = try #require(badHost.json as? [String: Any])
        #expect(named["instance"] as? String == "/items/1")
        #expect((named["detail"] as? String)?.hasPrefix("test: malformedRequest") == true)
        #expect(badHost.header("Connection") == "close")
        let badLine = client.send("GET  / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(badLine.status == 400)
        let unnamed = try #require(badLine.json as? [String: Any])
        #expect(unnamed["instance"] == nil)
        // A request that never completes gets the 408 the server sends when it stops waiting.
        let unfinished = client.send("GET /hello HTTP/1.1\r\nHost: a\r\n")
        #expect(unfinished.status == 408)
        #expect((unfinished.json as? [String: Any])?["instance"] as? String == "/hello")
    }
}
