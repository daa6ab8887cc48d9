import Dispatch
import HTTPTestSupport
import Synchronization
import Testing

@testable import HTTPServer

/// Content negotiation as a client sees it, through the pipeline, the serialiser and the
/// parser (in process): which representation, `Vary`, `Content-Encoding`, each
/// representation's tag in `If-None-Match` and `If-Match`, HEAD's length, 406, and per-request
/// compression of dynamic answers. The same over sockets is in ``CompressionLiveTests``.
@Suite("Content negotiation, in process")
struct NegotiationPipelineTests {
    /// 8 kB of JSON-like text: large enough for a prepared and a dynamic gzip representation.
    static let large = GzipTests.text(8000)

    static let prepared = PreparedResponse(
        headers: ["Content-Type": "application/json", "Cache-Control": "public, max-age=300"], body: large)
    static let small = PreparedResponse(
        headers: ["Content-Type": "application/json"],
        body: GzipTests.text(PreparedResponse.gzipThreshold - 1))
    static let image = PreparedResponse(headers: ["Content-Type": "image/png"], body: GzipTests.noise(8000))
    static let noise = PreparedResponse(
        headers: ["Content-Type": "application/json"], body: GzipTests.noise(8000))

    static func makeClient(tuning: ServerTuning = ServerTuning()) throws -> InProcessClient {
        var routes = RouterBuilder()
        routes.add(.get, "/prepared") { _, _ in HTTPResponse(prepared: prepared) }
        routes.add(.get, "/small") { _, _ in HTTPResponse(prepared: small) }
        routes.add(.get, "/image") { _, _ in HTTPResponse(prepared: image) }
        routes.add(.get, "/noise") { _, _ in HTTPResponse(prepared: noise) }
        routes.add(.get, "/dynamic/{size}") { _, parameters in
            let body = GzipTests.text(Int(parameters["size"] ?? "") ?? 0)
            return HTTPResponse(
                status: .ok,
                headers: ["Content-Type": "application/json", "ETag": EntityTag.strong(for: body)], body: body
            )
        }
        routes.add(.get, "/untagged") { _, _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: large)
        }
        routes.add(.get, "/encoded") { _, _ in
            HTTPResponse(
                status: .ok, headers: ["Content-Type": "text/plain", "Content-Encoding": "br"], body: large)
        }
        routes.add(.get, "/varied") { _, _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain", "Vary": "Origin"], body: large)
        }
        routes.add(.get, "/missing") { _, _ in
            HTTPResponse(status: .notFound, headers: ["Content-Type": "application/json"], body: large)
        }
        var configuration = TestVocabulary.configuration()
        configuration.tuning = tuning
        return InProcessClient(responder: try routes.build(), configuration: configuration)
    }

    static var identityTag: String { prepared.etag ?? "" }
    static var gzipTag: String { prepared.gzipped?.etag ?? "" }

    @Test("a prepared response gets its gzip representation made once, with its own tag")
    func preparedVariant() throws {
        let gzipped = try #require(Self.prepared.gzipped)
        #expect(gzipped.gzipped == nil)
        #expect(Gunzip.decode(gzipped.body.bytes) == Self.large)
        #expect(gzipped.etag == EntityTag.coded(Self.identityTag, coding: "gzip"))
        #expect(Self.identityTag == EntityTag.strong(for: Self.large))
        #expect(Self.prepared.headers["Vary"] == "Accept-Encoding")
        #expect(gzipped.headers["Vary"] == "Accept-Encoding")
        #expect(gzipped.headers["Content-Encoding"] == "gzip")
        #expect(Self.prepared.headers["Content-Encoding"] == nil)
        // The same content prepared again: the same bytes and tags (every replica agrees).
        let again = PreparedResponse(headers: Self.prepared.headers, body: Self.large)
        #expect(again.gzipped?.body == gzipped.body)
        #expect(again.gzipped?.etag == gzipped.etag)
    }

    @Test("no representation below the threshold, for incompressible types and content, or when asked")
    func noVariant() throws {
        #expect(Self.small.gzipped == nil)
        #expect(Self.small.headers["Vary"] == nil)
        #expect(Self.image.gzipped == nil)
        #expect(!Self.image.isNegotiable)
        // JSON that does not compress: negotiable by its type and size, but gzip would not save
        // an eighth, so identity is always chosen (Vary stays: true, if never used).
        #expect(Self.noise.isNegotiable)
        #expect(Self.noise.gzipped == nil)
        let noise = try Self.makeClient().request(.get, "/noise", headers: [("Accept-Encoding", "gzip")])
        #expect(noise.header("Content-Encoding") == nil)
        #expect(noise.header("Vary") == "Accept-Encoding")
        #expect(noise.body == Self.noise.body.bytes)
        let refused = try Self.makeClient().request(
            .get, "/noise", headers: [("Accept-Encoding", "identity;q=0")])
        #expect(refused.status == 406)
        #expect(
            PreparedResponse(headers: ["Content-Type": "text/plain"], body: Self.large, compression: .never)
                .gzipped == nil)
        #expect(
            PreparedResponse(status: .noContent, headers: ["Content-Type": "text/plain"], body: []).gzipped
                == nil)
        #expect(
            PreparedResponse(
                headers: ["Content-Type": "text/plain"], body: GzipTests.text(PreparedResponse.gzipThreshold)
            ).gzipped != nil)
    }

    @Test("deferred: identity with Vary until prepareGzip() makes the representation, once")
    func deferred() throws {
        let response = PreparedResponse(
            headers: ["Content-Type": "application/json"], body: Self.large, compression: .deferred)
        #expect(response.isNegotiable)
        #expect(response.gzipped == nil)
        var routes = RouterBuilder()
        routes.add(.get, "/deferred") { _, _ in HTTPResponse(prepared: response) }
        let client = InProcessClient(
            responder: try routes.build(), configuration: TestVocabulary.configuration())
        let before = client.request(.get, "/deferred", headers: [("Accept-Encoding", "gzip")])
        #expect(before.header("Content-Encoding") == nil)
        #expect(before.header("Vary") == "Accept-Encoding")
        #expect(before.header("ETag") == response.etag)
        let made = try #require(response.prepareGzip())
        #expect(response.prepareGzip() === made)
        #expect(response.gzipped === made)
        let after = client.request(.get, "/deferred", headers: [("Accept-Encoding", "gzip")])
        #expect(after.header("Content-Encoding") == "gzip")
        #expect(after.header("ETag") == made.etag)
        #expect(after.decodedBody == Self.large)
        // Compressing on two threads at once stores one representation; both get it.
        let racing = PreparedResponse(
            headers: ["Content-Type": "application/json"], body: Self.large, compression: .deferred)
        let results = Mutex<[ObjectIdentifier]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            if let made = racing.prepareGzip() { results.withLock { $0.append(ObjectIdentifier(made)) } }
        }
        #expect(results.withLock { Set($0).count == 1 && $0.count == 4 })
    }

    @Test(
        "which representation a prepared response goes out as",
        arguments: [
            ("gzip", 200, true),
            ("gzip, deflate, br, zstd", 200, true),
            ("br", 200, false),
            ("identity;q=0, gzip;q=0.1", 200, true),
            ("gzip;q=0", 200, false),
            ("gzip;q=0.4, identity", 200, false),
            ("*", 200, true),
            ("identity;q=0", 406, false),
            ("*;q=0", 406, false),
            ("gzip;q=0, identity;q=0", 406, false),
        ] as [(String, Int, Bool)])
    func preparedChoice(acceptEncoding: String, status: Int, gzip: Bool) throws {
        let response = try Self.makeClient().request(
            .get, "/prepared", headers: [("Accept-Encoding", acceptEncoding)])
        #expect(response.status == status)
        #expect(response.header("Vary") == "Accept-Encoding")
        if status == 406 {
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.header("ETag") == nil)
            let problem = try #require(response.json as? [String: Any])
            #expect(problem["type"] as? String == TestVocabulary.typeBase + "not-acceptable")
            #expect(problem["instance"] as? String == "/prepared")
            return
        }
        #expect(response.header("Content-Encoding") == (gzip ? "gzip" : nil))
        #expect(response.header("ETag") == (gzip ? Self.gzipTag : Self.identityTag))
        #expect(response.decodedBody == Self.large)
        if gzip { #expect(response.body.count < Self.large.count / 3) }
    }

    @Test("without Accept-Encoding: identity, with Vary (a cache must not give it to a gzip client)")
    func noField() throws {
        let response = try Self.makeClient().request(.get, "/prepared")
        #expect(response.status == 200)
        #expect(response.header("Content-Encoding") == nil)
        #expect(response.header("Vary") == "Accept-Encoding")
        #expect(response.body == Self.large)
    }

    @Test("a response without a gzip representation ignores Accept-Encoding: no Vary, never 406")
    func notNegotiable() throws {
        let client = try Self.makeClient()
        for path in ["/small", "/image", "/dynamic/100", "/encoded", "/missing"] {
            for value in ["gzip", "identity;q=0", "*;q=0"] {
                let response = client.request(.get, path, headers: [("Accept-Encoding", value)])
                #expect(response.status == (path == "/missing" ? 404 : 200), "\(path) \(value)")
                #expect(response.header("Vary") == nil, "\(path) \(value)")
                #expect(response.header("Content-Encoding") == (path == "/encoded" ? "br" : nil))
            }
        }
    }

    @Test(
        "If-None-Match: each representation's tag revalidates that representation only, with Vary on the 304")
    func ifNoneMatch() throws {
        let client = try Self.makeClient()
        let gzip = [("Accept-Encoding", "gzip")]
        let cases: [([(String, String)], Int, String?)] = [
            (gzip + [("If-None-Match", Self.gzipTag)], 304, "gzip"),
            (gzip + [("If-None-Match", "W/" + Self.gzipTag)], 304, "gzip"),
            (gzip + [("If-None-Match", Self.identityTag)], 200, "gzip"),
            ([("If-None-Match", Self.identityTag)], 304, nil),
            ([("If-None-Match", Self.gzipTag)], 200, nil),
            ([("Accept-Encoding", "br"), ("If-None-Match", Self.gzipTag)], 200, nil),
            (gzip + [("If-None-Match", Self.identityTag + ", " + Self.gzipTag)], 304, "gzip"),
            (gzip + [("If-None-Match", "*")], 304, "gzip"),
        ]
        for (fields, status, coding) in cases {
            let response = client.request(.get, "/prepared", headers: fields)
            #expect(response.status == status, "\(fields)")
            #expect(response.header("Vary") == "Accept-Encoding", "\(fields)")
            #expect(response.header("ETag") == (coding == nil ? Self.identityTag : Self.gzipTag), "\(fields)")
            if status == 304 {
                // RFC 9110 §15.4.5: representation metadata such as Content-Encoding is not sent.
                #expect(response.header("Content-Encoding") == nil)
                #expect(response.header("Cache-Control") == "public, max-age=300")
                #expect(response.body.isEmpty)
            } else {
                #expect(response.header("Content-Encoding") == coding)
                #expect(response.decodedBody == Self.large)
            }
        }
    }

    @Test("If-Match compares the chosen representation's tag, strongly; a 412 carries Vary")
    func ifMatch() throws {
        let client = try Self.makeClient()
        let gzip = [("Accept-Encoding", "gzip")]
        let cases: [([(String, String)], Int)] = [
            (gzip + [("If-Match", Self.gzipTag)], 200),
            (gzip + [("If-Match", Self.identityTag)], 412),
            (gzip + [("If-Match", "W/" + Self.gzipTag)], 412),
            (gzip + [("If-Match", Self.identityTag + ", " + Self.gzipTag)], 200),
            (gzip + [("If-Match", "*")], 200),
            ([("If-Match", Self.identityTag)], 200),
            ([("If-Match", Self.gzipTag)], 412),
        ]
        for (fields, status) in cases {
            let response = client.request(.get, "/prepared", headers: fields)
            #expect(response.status == status, "\(fields)")
            #expect(response.header("Vary") == "Accept-Encoding", "\(fields)")
            if status == 412 {
                #expect(response.header("Content-Type") == "application/problem+json")
            }
        }
    }

    @Test("HEAD gives the chosen representation's Content-Length and tag, and no content")
    func head() throws {
        let client = try Self.makeClient()
        for path in ["/prepared", "/dynamic/8000"] {
            let gzipGet = client.request(.get, path, headers: [("Accept-Encoding", "gzip")])
            let gzipHead = client.request(.head, path, headers: [("Accept-Encoding", "gzip")])
            let identityHead = client.request(.head, path)
            #expect(gzipHead.status == 200)
            #expect(gzipHead.body.isEmpty)
            #expect(gzipHead.header("Content-Encoding") == "gzip")
            #expect(gzipHead.header("Content-Length") == String(gzipGet.body.count))
            #expect(gzipHead.header("ETag") == gzipGet.header("ETag"))
            #expect(identityHead.header("Content-Length") == String(Self.large.count))
            #expect(identityHead.header("Vary") == "Accept-Encoding")
        }
    }

    @Test("a dynamic answer of at least the threshold is gzipped per request, with a derived tag")
    func dynamic() throws {
        let client = try Self.makeClient()
        let threshold = ServerTuning().dynamicCompressionThreshold
        for size in [threshold, 20_000] {
            let identityTag = EntityTag.strong(for: GzipTests.text(size))
            let gzip = client.request(.get, "/dynamic/\(size)", headers: [("Accept-Encoding", "gzip")])
            #expect(gzip.status == 200)
            #expect(gzip.header("Content-Encoding") == "gzip")
            #expect(gzip.header("Vary") == "Accept-Encoding")
            #expect(gzip.header("ETag") == EntityTag.coded(identityTag, coding: "gzip"))
            #expect(gzip.decodedBody == GzipTests.text(size))
            #expect(Array(gzip.body.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 3])
            let identity = client.request(.get, "/dynamic/\(size)")
            #expect(identity.header("Content-Encoding") == nil)
            #expect(identity.header("Vary") == "Accept-Encoding")
            #expect(identity.header("ETag") == identityTag)
            #expect(identity.body == GzipTests.text(size))
            let revalidated = client.request(
                .get, "/dynamic/\(size)",
                headers: [("Accept-Encoding", "gzip"), ("If-None-Match", gzip.header("ETag") ?? "")])
            #expect(revalidated.status == 304)
            #expect(revalidated.header("Vary") == "Accept-Encoding")
            let refused = client.request(
                .get, "/dynamic/\(size)", headers: [("Accept-Encoding", "gzip, identity;q=0")])
            #expect(refused.status == 200)
            #expect(refused.header("Content-Encoding") == "gzip")
            for nothing in ["identity;q=0", "*;q=0"] {
                let none = client.request(.get, "/dynamic/\(size)", headers: [("Accept-Encoding", nothing)])
                #expect(none.status == 406)
                #expect(none.header("Vary") == "Accept-Encoding")
            }
        }
        let below = client.request(.get, "/dynamic/\(threshold - 1)", headers: [("Accept-Encoding", "gzip")])
        #expect(below.header("Content-Encoding") == nil)
        #expect(below.header("Vary") == nil)
    }

    @Test("a dynamic answer without a tag is compressed without one; an existing Vary is extended")
    func dynamicFields() throws {
        let client = try Self.makeClient()
        let untagged = client.request(.get, "/untagged", headers: [("Accept-Encoding", "gzip")])
        #expect(untagged.header("Content-Encoding") == "gzip")
        #expect(untagged.header("ETag") == nil)
        #expect(untagged.decodedBody == Self.large)
        let varied = client.request(.get, "/varied", headers: [("Accept-Encoding", "gzip")])
        #expect(varied.fields.filter { $0.name == "Vary" }.map(\.value) == ["Origin", "Accept-Encoding"])
        #expect(varied.decodedBody == Self.large)
    }

    @Test("the threshold is tunable: Int.max turns per-request compression off")
    func dynamicOff() throws {
        var tuning = ServerTuning()
        tuning.dynamicCompressionThreshold = .max
        let client = try Self.makeClient(tuning: tuning)
        let response = client.request(.get, "/dynamic/20000", headers: [("Accept-Encoding", "gzip")])
        #expect(response.header("Content-Encoding") == nil)
        #expect(response.header("Vary") == nil)
        // Prepared representations are made when prepared and stay.
        #expect(
            client.request(.get, "/prepared", headers: [("Accept-Encoding", "gzip")]).header(
                "Content-Encoding") == "gzip")
    }
}
