import Dossier
import Foundation
import HTTPServer
import HTTPTestSupport

@testable import DossierAPI

/// The real API over the real embedded data, the repository's `openapi.yaml` and `Public/`,
/// built once for all tests of this target.
enum APIFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let catalog: Catalog = try! Catalog.loadEmbedded()

    static let openAPIText: String = try! String(
        contentsOf: repository.appendingPathComponent("openapi.yaml"), encoding: .utf8)

    static let service: APIService = try! APIService(
        catalog: catalog, openAPIDocument: Array(openAPIText.utf8),
        publicFiles: StaticFiles(directory: repository.appendingPathComponent("Public").path))

    /// The server configuration `dossier-server` runs the service with: its words for the
    /// server's problems and the fields on every response.
    static let configuration = ServerConfiguration(
        problems: APIService.problemVocabulary, responseHeaders: APIService.responseHeaders)

    /// The service behind the server's parser, pipeline and serialiser, without a socket.
    static let client = InProcessClient(responder: service, configuration: configuration)

    /// Sends a request through the in-process client: the response as a client reads it.
    static func get(_ target: String, method: HTTPMethod = .get, headers: HTTPFields = [:]) -> HTTPResponse {
        let response = client.request(method, target, headers: headers.map { ($0.name, $0.value) })
        return HTTPResponse(
            status: HTTPStatus(code: response.status, reasonPhrase: ""),
            headers: HTTPFields(response.fields.map { HTTPFields.Field(name: $0.name, value: $0.value) }),
            body: response.body)
    }

    /// The body of a response parsed as JSON.
    static func json(_ response: HTTPResponse) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(response.body.bytes))
    }
}
