import HTTPTestSupport
import Testing

@testable import HTTPServer

@Suite("Static files")
struct StaticFilesTests {
    func get(_ files: StaticFiles, _ target: String, method: HTTPMethod = .get) -> HTTPResponse {
        files.respond(to: HTTPRequest(method: method, target: target, headers: ["Host": "a"]))
    }

    @Test("the allow-list holds regular files only: no dot-files, no links")
    func allowList() throws {
        let files = try StaticFiles(directory: PublicDirectory.path)
        #expect(
            files.paths == [
                "", "big.bin", "docs/", "docs/guide.txt", "docs/index.html", "index.html", "style.css",
                "with space.txt",
            ])
    }

    @Test("files are served with their type, a strong ETag and revalidation caching; / is index.html")
    func serves() throws {
        let files = try StaticFiles(directory: PublicDirectory.path)
        let index = get(files, "/")
        #expect(index.status == .ok)
        #expect(index.body.bytes == Array(PublicDirectory.index.utf8))
        #expect(index.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(index.headers["ETag"] == EntityTag.strong(for: Array(PublicDirectory.index.utf8)))
        #expect(index.headers["Cache-Control"] == "no-cache")
        #expect(index.prepared != nil)
        #expect(get(files, "/index.html").etag == index.etag)
        #expect(get(files, "/style.css").headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(get(files, "/docs/").body.bytes == Array("<p>docs</p>\n".utf8))
        #expect(get(files, "/with%20space.txt").status == .ok)
        #expect(get(files, "/big.bin").body.bytes == PublicDirectory.bigFile)
        #expect(get(files, "/big.bin").headers["Content-Type"] == "application/octet-stream")
    }

    @Test(
        "traversal attempts, hidden files and links are all 404", arguments: PublicDirectory.traversalAttempts
    )
    func traversal(path: String) throws {
        let files = try StaticFiles(directory: PublicDirectory.path)
        let response = get(files, path)
        #expect(response.problem == .notFound)
        #expect(response.body.isEmpty)
    }

    @Test("other methods are the router's: OPTIONS lists them, any other is 405 with Allow")
    func methods() throws {
        let files = try StaticFiles(directory: PublicDirectory.path)
        for path in ["/style.css", "/", "/docs/", "/with%20space.txt"] {
            let options = get(files, path, method: .options)
            #expect(options.status == .noContent, "\(path)")
            #expect(options.headers["Allow"] == "GET, HEAD, OPTIONS", "\(path)")
            let delete = get(files, path, method: .delete)
            #expect(delete.problem == .methodNotAllowed, "\(path)")
            #expect(delete.headers["Allow"] == "GET, HEAD, OPTIONS", "\(path)")
        }
        #expect(get(files, "/missing", method: .post).problem == .notFound)
    }

    @Test("as a client sees it: OPTIONS /index.html 204 with Allow, DELETE 405 problem+json with Allow")
    func methodsOnTheWire() throws {
        let client = InProcessClient(
            responder: try StaticFiles(directory: PublicDirectory.path),
            configuration: TestVocabulary.configuration())
        let options = client.request(.options, "/index.html")
        #expect(options.status == 204)
        #expect(options.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(options.body.isEmpty)
        let delete = client.request(.delete, "/index.html")
        #expect(delete.status == 405)
        #expect(delete.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(delete.header("Content-Type") == "application/problem+json")
        let problem = try #require(delete.json as? [String: Any])
        #expect(problem["type"] as? String == TestVocabulary.typeBase + "method-not-allowed")
        #expect(problem["instance"] as? String == "/index.html")
        let missing = client.request(.get, "/missing.html")
        #expect(missing.status == 404)
        #expect((missing.json as? [String: Any])?["instance"] as? String == "/missing.html")
    }

    @Test("headers given at load are on every file response, after the cache fields")
    func extraHeaders() throws {
        let files = try StaticFiles(
            directory: PublicDirectory.path, headers: ["Content-Security-Policy": "default-src 'self'"])
        for path in ["/", "/style.css", "/big.bin"] {
            let response = get(files, path)
            #expect(
                response.headers.map(\.name) == [
                    "Content-Type", "Cache-Control", "Content-Security-Policy", "ETag",
                ])
            #expect(response.headers["Content-Security-Policy"] == "default-src 'self'")
        }
    }

    @Test("a missing directory is an error at start-up")
    func missingDirectory() {
        #expect(throws: StaticFiles.LoadError.self) { try StaticFiles(directory: "/nonexistent/public") }
    }

    @Test("content types follow the extension, case-insensitively")
    func mediaTypes() {
        #expect(MediaType.forFileName("a.JSON") == "application/json")
        #expect(MediaType.forFileName("openapi.yaml") == "application/yaml")
        #expect(MediaType.forFileName("app.js") == "text/javascript; charset=utf-8")
        #expect(MediaType.forFileName("README") == "application/octet-stream")
        #expect(MediaType.forFileName(".bashrc") == "application/octet-stream")
    }
}
