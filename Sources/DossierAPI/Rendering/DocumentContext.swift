import Dossier

/// What the document builders of ``ResourceTable`` read: the catalog, a ``Representation`` per
/// dossier, and the indexes several builders share, made once per start.
struct DocumentContext: Sendable {
    /// The loaded dossiers and competenties.
    let catalog: Catalog
    /// One representation per dossier, in catalog order.
    let dossiers: [Representation]
    /// The same, by crebo.
    let byCrebo: [String: Representation]
    /// Per dossier crebo and competentie code, the codes of the dossier's werkprocessen that
    /// call on it: grouped once, here, because filtering the callers of every column for every
    /// dossier's matrix would be quadratic in the number of dossiers.
    let callersByDossier: [String: [String: [String]]]
    /// Per dossier crebo and competentie code, the dossier's werkprocessen that call on it for
    /// some profielen only (``AlleenVoor``), in published order.
    let alleenVoorByDossier: [String: [String: [AlleenVoor]]]
    /// The Moodle scale, Canvas ratings and public base URL of the exports.
    let exports: LMSExportConfiguration
    /// The version of the data (the entry point's `dataVersie`).
    let dataVersion: String
    /// Every CASE 1.1 record, with URIs on the public base URL: made when first asked for
    /// (after the socket opens, by the warm-up thread or the first CASE request), as with 500
    /// dossiers it is a quarter of the start-up's work.
    let caseRecords: OnceValue<CASEProvider>
    /// The same, made now if no one has yet.
    var caseProvider: CASEProvider { caseRecords.value }

    init(
        catalog: Catalog, exports: LMSExportConfiguration = LMSExportConfiguration(), dataVersion: String = ""
    ) {
        self.catalog = catalog
        self.dataVersion = dataVersion
        self.exports = exports
        caseRecords = OnceValue { CASEProvider(catalog: catalog, publicBaseURL: exports.publicBaseURL) }
        dossiers = catalog.dossiers.map { Representation(dossier: $0, catalog: catalog) }
        byCrebo = Dictionary(dossiers.map { ($0.dossier.crebo, $0) }, uniquingKeysWith: { first, _ in first })
        var callers: [String: [String: [String]]] = [:]
        for competentie in catalog.competenties {
            for verwijzing in catalog.werkprocessen(competentie: competentie.code) {
                callers[verwijzing.dossierCrebo, default: [:]][competentie.code, default: []]
                    .append(verwijzing.werkprocesCode)
            }
        }
        callersByDossier = callers
        var alleenVoor: [String: [String: [AlleenVoor]]] = [:]
        for dossier in catalog.dossiers {
            for werkproces in dossier.kerntaken.flatMap(\.werkprocessen) {
                for entry in AlleenVoor.competenties(of: werkproces) {
                    alleenVoor[dossier.crebo, default: [:]][entry.item, default: []].append(
                        AlleenVoor(item: werkproces.code, profielen: entry.profielen))
                }
            }
        }
        alleenVoorByDossier = alleenVoor
    }
}
