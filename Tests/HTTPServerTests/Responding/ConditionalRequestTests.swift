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
