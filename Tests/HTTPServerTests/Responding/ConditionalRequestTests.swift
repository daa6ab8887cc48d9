import Testing

@testable import HTTPServer

@Suite("Entity tags and conditional requests")
struct ConditionalRequestTests {
    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).leftPadded() }.joined() }
        #expect(
            hex(SHA256.digest(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hex(SHA256.digest([UInt8]()))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            hex(SHA256.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test(
        "SHA-256 is right at every padding boundary and across many blocks",
        arguments: [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
            (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
            (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
            (1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ])
    func sha256Boundaries(length: Int, expected: String) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(SHA256.digest(message).map { String($0, radix: 16).leftPadded() }.joined() == expected)
        // A collection without contiguous storage takes the copying path and agrees.
        #expect(SHA256.digest(message.lazy.map { $0 }) == SHA256.digest(message))
    }

    @Test("strong tags are quoted hex derived from the bytes alone")
    func strongTags() {
        #expect(EntityTag.strong(for: Array("abc".utf8)) == "\"ba7816bf8f01cfea414140de5dae2223\"")
        #expect(EntityTag.strong(for: Array("abc".utf8)) == EntityTag.strong(for: Array("abc".utf8)))
        #expect(EntityTag.strong(for: Array("abd".utf8)) != EntityTag.strong(for: Array("abc".utf8)))
    }

    @Test(
        "If-None-Match uses the weak comparison, lists and *",
        arguments: [
            ("\"x\"", true), ("W/\"x\"", true), ("\"a\", \"x\"", true), ("\"a\",W/\"x\"", true), ("*", true),
            ("\"y\"", false), ("x", false), ("", false), ("\"a\", garbage", false), ("\"x", false),
        ])
    func ifNoneMatch(value: String, matches: Bool) {
        #expect(EntityTag.ifNoneMatch(value, matches: "\"x\"") == matches)
        #expect(EntityTag.ifNoneMatch(value, matches: "W/\"x\"") == matches)
    }

    @Test(
        "If-Match uses the strong comparison: weak tags never match; * matches any representation",
        arguments: [
            ("\"x\"", true), ("\"a\", \"x\"", true), ("\"a\",\"x\"", true), ("*", true), (" \"x\" ", true),
            ("W/\"x\"", false), ("\"a\", W/\"x\"", false), ("\"y\"", false), ("\"nope\"", false),
            ("x", false),
            ("", false), ("\"x", false), ("garbage, \"x\"", false),
        ])
    func ifMatch(value: String, matches: Bool) {
        #expect(EntityTag.ifMatch(value, matches: "\"x\"") == matches)
        // A weak current tag matches nothing but *, whatever is listed.
        #expect(EntityTag.ifMatch(value, matches: "W/\"x\"") == (value == "*"))
        // Without a current tag, only * holds.
        #expect(EntityTag.ifMatch(value, matches: nil) == (value == "*"))
    }

    @Test("If-Match is evaluated first and fails with 412; If-None-Match then gives 304")
    func preconditionOrder() {
        let ok = HTTPResponse(status: .ok, headers: ["ETag": "\"v1\""])
        func request(_ method: HTTPMethod, _ fields: [(String, String)]) -> HTTPRequest {
            var headers: HTTPFields = ["Host": "a"]
            for (name, value) in fields { headers.append(name: name, value: value) }
            return HTTPRequest(method: method, target: "/", headers: headers)
        }
        func outcome(
            _ fields: [(String, String)], method: HTTPMethod = .get, response: HTTPResponse = ok
        ) -> ConditionalRequests.Outcome {
            ConditionalRequests.evaluate(request: request(method, fields), response: response)
        }
        #expect(outcome([("If-Match", "\"v1\"")]) == .unchanged)
        #expect(outcome([("if-match", "\"v2\"")]) == .preconditionFailed)
        #expect(outcome([("If-Match", "\"v2\"")], method: .head) == .preconditionFailed)
        #expect(outcome([("If-Match", "W/\"v1\"")]) == .preconditionFailed)
        // RFC 9110 §13.2.2: a false If-Match wins over a matching If-None-Match.
        #expect(outcome([("If-None-Match", "\"v1\""), ("If-Match", "\"v2\"")]) == .preconditionFailed)
        #expect(outcome([("If-Match", "\"v1\""), ("If-None-Match", "\"v1\"")]) == .notModified)
        #expect(outcome([("If-Match", "*"), ("If-None-Match", "\"v0\"")]) == .unchanged)
        // Several field lines are one list.
        #expect(outcome([("If-Match", "\"v0\""), ("If-Match", "\"v1\"")]) == .unchanged)
        // No ETag on the response: only * holds.
        let untagged = HTTPResponse(status: .ok)
        #expect(outcome([("If-Match", "*")], response: untagged) == .unchanged)
        #expect(outcome([("If-Match", "\"v1\"")], response: untagged) == .preconditionFailed)
        // Not a 2xx, or not GET/HEAD: preconditions are ignored (RFC 9110 §13.2.1).
        let missing = HTTPResponse(status: .notFound, headers: ["ETag": "\"v1\""])
        #expect(outcome([("If-Match", "\"v2\"")], response: missing) == .unchanged)
        #expect(outcome([("If-Match", "\"v2\"")], method: .post) == .unchanged)
        // A prepared response is compared by its precomputed tag.
        let prepared = HTTPResponse(prepared: PreparedResponse(body: Array("abc".utf8)))
        let tag = EntityTag.strong(for: Array("abc".utf8))
        #expect(outcome([("If-Match", tag)], response: prepared) == .unchanged)
        #expect(outcome([("If-Match", "\"nope\"")], response: prepared) == .preconditionFailed)
    }

    @Test("only a successful GET or HEAD with a matching tag becomes 304")
    func notModifiedRules() {
        let ok = HTTPResponse(status: .ok, headers: ["ETag": "\"v1\""])
        func request(_ method: HTTPMethod, _ tag: String?) -> HTTPRequest {
            var headers: HTTPFields = ["Host": "a"]
            if let tag { headers.append(name: "If-None-Match", value: tag) }
            return HTTPRequest(method: method, target: "/", headers: headers)
        }
        #expect(ConditionalRequests.isNotModified(request: request(.get, "\"v1\""), response: ok))
        #expect(ConditionalRequests.isNotModified(request: request(.head, "W/\"v1\""), response: ok))
        #expect(!ConditionalRequests.isNotModified(request: request(.get, "\"v2\""), response: ok))
        #expect(!ConditionalRequests.isNotModified(request: request(.get, nil), response: ok))
        #expect(!ConditionalRequests.isNotModified(request: request(.post, "\"v1\""), response: ok))
        let missing = HTTPResponse(status: .notFound, headers: ["ETag": "\"v1\""])
        #expect(!ConditionalRequests.isNotModified(request: request(.get, "\"v1\""), response: missing))
        #expect(
            !ConditionalRequests.isNotModified(
                request: request(.get, "*"), response: HTTPResponse(status: .ok)))
    }
}

extension String {
    fileprivate func leftPadded() -> String { count == 1 ? "0" + self : self }
}
