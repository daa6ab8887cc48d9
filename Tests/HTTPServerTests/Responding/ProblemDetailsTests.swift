import Testing

@testable import HTTPServer

@Suite("Problem details and fields")
struct ProblemDetailsTests {
    @Test("a problem renders RFC 9457 JSON in a fixed key order, escaped")
    func json() {
        let problem = ProblemDetails(
            slug: ProblemDetails.Slug.notFound, status: .notFound, detail: "No \"x\"\n\\ here\u{1}",
            instance: "/a")
        #expect(
            String(decoding: problem.json, as: UTF8.self)
                == "{\"type\":\"https://dossiers.example/problems/not-found\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"No \\\"x\\\"\\n\\\\ here\\u0001\",\"instance\":\"/a\"}\n")
        let response = problem.response(headers: ["Allow": "GET"])
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["Allow"] == "GET")
    }

    @Test("every parse error maps to a problem with the matching status")
    func parseErrorProblems() {
        for kind in ParseError.Kind.allCases {
            let error = ParseError(kind)
            let prepared = ServerProblems().response(for: error)
            #expect(prepared.status == error.status)
            #expect(prepared.headers["Content-Type"] == "application/problem+json")
            #expect(prepared.etag == nil)
            let text = String(decoding: prepared.body.bytes, as: UTF8.self)
            #expect(text.contains("\"status\":\(error.status.code)"))
            #expect(text.hasPrefix("{\"type\":\"https://dossiers.example/problems/"))
        }
    }

    @Test("fields are ordered, looked up case-insensitively, and replaced by assignment")
    func fields() {
        var fields: HTTPFields = ["Accept": "a", "X-Two": "1", "x-two": "2"]
        #expect(fields["x-TWO"] == "1")
        #expect(fields.values(for: "X-Two") == ["1", "2"])
        fields["X-Two"] = "3"
        #expect(fields.values(for: "x-two") == ["3"])
        fields["Accept"] = nil
        #expect(!fields.contains("accept"))
        fields.append(name: "Connection", value: "Upgrade , close")
        #expect(fields.containsToken("CLOSE", inField: "connection"))
        #expect(!fields.containsToken("clos", inField: "connection"))
        #expect(fields.map(\.name) == ["X-Two", "Connection"])
    }

    @Test("percent-decoding refuses malformed escapes")
    func percentDecoding() {
        #expect(PercentDecoding.decodeString("a%20b%2F") == "a b/")
        #expect(PercentDecoding.decodeString("%zz") == nil)
        #expect(PercentDecoding.decodeString("%2") == nil)
        #expect(PercentDecoding.decodeString("%FF") == nil)
        #expect(PercentDecoding.decode("%00".utf8) == [0])
    }
}
