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
    /// what the application itself needs is set: the Dutch words of the server's own problems
    /// (``ProblemCatalog``) and the fields on every response (``responseHeaders``).
    public var configuration: ServerConfiguration

    /// Builds the application.
    ///
    /// - Parameters:
    ///   - catalog: The loaded, validated dossiers.
    ///   - openAPIDocument: The bytes of `openapi.yaml`, served as they are.
    ///   - publicDirectory: The directory of the browse page (`Public/`).
    ///   - exports: The public base URL of the CASE records and the LMS exports' scales.
    /// - Throws: ``StaticFiles/LoadError`` when the directory cannot be read,
    ///   ``APIService/StartupError`` when the resource table is invalid.
    public init(
        catalog: Catalog, openAPIDocument: [UInt8], publicDirectory: String,
        exports: LMSExportConfiguration = LMSExportConfiguration()
    ) throws {
        let publicFiles = try StaticFiles(directory: publicDirectory, headers: BrowsePageHeaders.fields)
        service = try APIService(
            catalog: catalog, openAPIDocument: openAPIDocument, publicFiles: publicFiles, exports: exports)
        configuration = ServerConfiguration(
            problems: ProblemCatalog.vocabulary, responseHeaders: DossierApplication.responseHeaders)
    }

    /// The fields on every response, the API's and the server's own (a request it cannot
    /// parse, a limit, a timeout, a failed `If-Match`), applied by the server in one place:
    /// CORS's, so that a browser client on another origin can read every answer, errors
    /// included, instead of an opaque network error; and `nosniff`, so that no browser reads
    /// JSON or a problem as anything else.
    public static let responseHeaders: HTTPFields = {
        var fields = CORS.responseHeaders
        fields.append(name: "X-Content-Type-Options", value: "nosniff")
        return fields
    }()
}
