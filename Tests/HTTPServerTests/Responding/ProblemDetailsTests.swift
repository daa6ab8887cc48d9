import Testing

@testable import HTTPServer

@Suite("Problem details and fields")
struct ProblemDetailsTests {
    @Test("a problem renders RFC 9457 JSON in a fixed key order, escaped")
    func json() {
        let problem = ProblemDetails(
            type: "https://example.org/problems/missing", title: "Missing", status: .notFound,
            detail: "No \"x\"\n\\ here\u{1}", instance: "/a")
        #expect(
            String(decoding: problem.json, as: UTF8.self)
                == "{\"type\":\"https://example.org/problems/missing\",\"title\":\"Missing\",\"status\":404,"
                + "\"detail\":\"No \\\"x\\\"\\n\\\\ here\\u0001\",\"instance\":\"/a\"}\n")
        let response = problem.response(headers: ["Allow": "GET"])
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["Allow"] == "GET")
        // Without detail and instance the keys are left out, not null.
        let bare = ProblemDetails(type: "about:blank", title: "Not Found", status: .notFound)
        #expect(
            String(decoding: bare.json, as: UTF8.self)
                == "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}\n")
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
