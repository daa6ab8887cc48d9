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
    /// What `/metrics` shows (also ``configuration``'s): a reload records itself here with
    /// ``ServerMetrics/recordReload(succeeded:)`` and ``ServerMetrics/setDataVersion(_:)``.
    public let metrics: ServerMetrics
    /// The version of the data, as `/api/v1` and `/healthz` say it (`dataVersie`).
    public let dataVersion: String
    /// The dossiers served.
    public let catalog: Catalog

    /// Builds the application.
    ///
    /// - Parameters:
    ///   - catalog: The loaded, validated dossiers.
    ///   - openAPIDocument: The bytes of `openapi.yaml`, served as they are.
    ///   - publicDirectory: The directory of the browse page (`Public/`).
    ///   - exports: The public base URL of the CASE records and the LMS exports' scales.
    ///   - dataVersion: The version of the sources `catalog` was read from (the server's is a
    ///     hash of the files); `nil` derives one from the loaded dossiers, for callers that did
    ///     not read files.
    ///   - metrics: The metrics to count in: a reload passes the running application's, so
    ///     the counters carry on (its data version is the reloader's to set once the new
    ///     application is live); `nil` makes new ones at this data version.
    /// - Throws: ``StaticFiles/LoadError`` when the directory cannot be read,
    ///   ``APIService/StartupError`` when the resource table is invalid.
    public init(
        catalog: Catalog, openAPIDocument: [UInt8], publicDirectory: String,
        exports: LMSExportConfiguration = LMSExportConfiguration(), dataVersion: String? = nil,
        metrics: ServerMetrics? = nil
    ) throws {
        let publicFiles = try StaticFiles(directory: publicDirectory, headers: BrowsePageHeaders.fields)
        let dataVersion = dataVersion ?? DossierApplication.dataVersion(of: catalog)
        let metrics = metrics ?? APIService.makeMetrics(dataVersion: dataVersion)
        service = try APIService(
            catalog: catalog, openAPIDocument: openAPIDocument, publicFiles: publicFiles, exports: exports,
            metrics: metrics, dataVersion: dataVersion)
        configuration = ServerConfiguration(
            problems: ProblemCatalog.vocabulary, responseHeaders: DossierApplication.responseHeaders)
        configuration.metrics = metrics
        self.metrics = metrics
        self.dataVersion = dataVersion
        self.catalog = catalog
    }

    /// A version of the data for callers that did not read it from files: SHA-256, in hex,
    /// over the loaded dossiers, every field of each (the same shape as the server's version
    /// of the files).
    static func dataVersion(of catalog: Catalog) -> String {
        var text = ""
        for dossier in catalog.dossiers { text += "\(dossier)\n" }
        return Hex.encode(SHA256.digest(Array(text.utf8)))
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
