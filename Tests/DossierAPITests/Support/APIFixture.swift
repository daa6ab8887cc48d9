import Dossier
import Foundation
import HTTPServer

@testable import DossierAPI

/// The real application over the real embedded data, the repository's `openapi.yaml` and
/// `Public/`, built once for all tests of this target by the factory `dossier-server` uses.
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

    /// Sends a request straight to the service (no socket).
    static func get(_ target: String, method: HTTPMethod = .get, headers: HTTPFields = [:]) -> HTTPResponse {
        var fields: HTTPFields = ["Host": "localhost"]
        for field in headers { fields.append(field) }
        return service.respond(to: HTTPRequest(method: method, target: target, headers: fields))
    }

    /// The body of a response parsed as JSON.
    static func json(_ response: HTTPResponse) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(response.body.bytes))
    }
}
