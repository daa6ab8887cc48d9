import Dossier
import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@testable import DossierAPI

/// The real application over the real embedded data, the repository's `openapi.yaml` and
/// `Public/`, built once for all tests of this target by the factory `dossier-server` uses,
/// and spoken to through the in-process client: the server's parser, response pipeline and
/// serialiser without a socket, so every answer is what a client reads on the wire.
enum APIFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let catalog: Catalog = try! Catalog.loadEmbedded()

    static let openAPIText: String = try! String(
        contentsOf: repository.appendingPathComponent("openapi.yaml"), encoding: .utf8)

    static let application: DossierApplication = try! DossierApplication(
        catalog: catalog, openAPIDocument: Array(openAPIText.utf8),
        publicDirectory: repository.appendingPathComponent("Public").path)

    static var service: APIService { application.service }

    /// The application as `dossier-server` configures the server for it.
    static var configuration: ServerConfiguration { application.configuration }

    static let client = InProcessClient(responder: service, configuration: configuration)

    /// `method target` with `headers` (and `Host: localhost`), as a client reads the answer.
    static func get(
        _ target: String, method: HTTPMethod = .get, headers: [(String, String)] = []
    ) -> TestClient.Response {
        client.request(method, target, headers: headers)
    }

    /// The JSON object at `target`, which must answer 200.
    static func object(_ target: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [String: Any]
    {
        let response = get(target)
        #expect(response.status == 200, "\(target)", sourceLocation: sourceLocation)
        return try #require(response.json as? [String: Any], "\(target)", sourceLocation: sourceLocation)
    }

    /// Runs `body` with one connection to the application served by a real server on an
    /// ephemeral port, configured as `dossier-server` configures it: the live tests' ring.
    static func withLiveConnection(_ body: (TestClient) throws -> Void) throws {
        try withLiveServer(responder: service, configuration: configuration) { _, port in
            try body(try TestClient(port: port))
        }
    }

    /// A raw HTTP/1.1 GET of `target` with `extra` field lines, for the live tests.
    static func rawGet(_ target: String, extra: String = "") -> String {
        "GET \(target) HTTP/1.1\r\nHost: localhost\r\n\(extra)\r\n"
    }
}

/// Answers through the router alone, never the path-only lookup: what the equivalence test
/// compares the lookup with.
struct RouterOnly: HTTPResponder {
    let router: Router

    func respond(to request: HTTPRequest) -> HTTPResponse {
        router.respond(to: request)
    }
}

/// Answers from the path-only lookup alone (404 for anything it lacks).
struct LookupOnly: HTTPResponder {
    let rendered: RenderedResources

    func respond(to request: HTTPRequest) -> HTTPResponse {
        rendered[request.path].map(HTTPResponse.init(prepared:)) ?? HTTPResponse(status: .notFound)
    }
}
