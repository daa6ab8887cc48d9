import Dossier
import HTTPServer

/// The dossier API as one application: the responder and the server configuration it needs,
/// built from inputs that are already loaded.
///
/// The one factory `dossier-server` and the tests share, so the tests run the very
/// application the binary serves: the same routes, problem texts and fields on every response.
/// Reading files and flags stays with the caller, which says what went wrong in its own terms.
public struct DossierApplication: Sendable {
    /// The responder.
    public let service: APIService
    /// How the server is to run it: set `host`, `port`, `accessLog` and the like as needed;
    /// what the application itself needs (the fields on the server's own responses) is set.
    public var configuration: ServerConfiguration

    /// Builds the application.
    ///
    /// - Parameters:
    ///   - catalog: The loaded, validated dossiers.
    ///   - openAPIDocument: The bytes of `openapi.yaml`, served as they are.
    ///   - publicDirectory: The directory of the browse page (`Public/`).
    /// - Throws: ``StaticFiles/LoadError`` when the directory cannot be read,
    ///   ``APIService/StartupError`` when the resource table is invalid.
    public init(catalog: Catalog, openAPIDocument: [UInt8], publicDirectory: String) throws {
        let publicFiles = try StaticFiles(directory: publicDirectory)
        service = try APIService(catalog: catalog, openAPIDocument: openAPIDocument, publicFiles: publicFiles)
        configuration = ServerConfiguration(ownResponseHeaders: CORS.responseHeaders)
    }
}
