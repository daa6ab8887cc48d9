import Dossier
import HTTPServer

/// The builders of the LMS rows: the Moodle and Canvas exports of every kwalificatie and the
/// pre-rendered CASE records.
extension Documents {
    /// The operationIds of the rows the warm-up leaves to the first request: the Moodle and
    /// Canvas exports, every CASE record, and every kwalificatie's composed kerntaken and
    /// werkprocessen (each basis item once more per kwalificatie: rendered ahead they doubled
    /// the warm-up's resources, its time and its memory, for what links of one requirement
    /// of one kwalificatie ask for now and then).
    ///
    /// With 500 dossiers these rows are nine in ten of all resources and most of their bytes
    /// (every kwalificatie's items, associations and package, each text again per kwalificatie,
    /// URIs spelled out), so rendering them ahead took seconds of CPU and gigabytes for what an
    /// LMS fetches a few times a day. Rendered on first use they cost nothing until then; the
    /// largest package renders in milliseconds on its event loop, and its gzip representation
    /// follows off the loops (``RenderedResources/compression``).
    static let renderedOnFirstUse: Set<String> = Set(
        ([ResourceTable.getMoodleExport, ResourceTable.getCanvasExport] + ResourceTable.caseRows
            + ResourceTable.samengesteldRows).map(
                \.operationID))

    /// The operationIds of the rows whose instances are found from the CASE records: after the
    /// socket opens, with the records (``DocumentContext/caseRecords``).
    static let foundWithCASERecords: Set<String> = Set(ResourceTable.caseRows.map(\.operationID))

    // MARK: Moodle and Canvas

    static func moodleExport(_ context: DocumentContext) -> [Document] {
        exports(context, kind: "moodle") { k, dossier in
            MoodleFrameworkCSV.bytes(k, dossier: dossier, scale: context.exports.moodleScale)
        }
    }

    static func canvasExport(_ context: DocumentContext) -> [Document] {
        exports(context, kind: "canvas") { k, dossier in
            CanvasOutcomesCSV.bytes(k, dossier: dossier, ratings: context.exports.canvasRatings)
        }
    }

    /// One export per kwalificatie, under its canonical path (so one without a crebo has it too),
    /// downloaded as `‹dossier›-‹profiel›-‹kind›.csv`.
    private static func exports(
        _ context: DocumentContext, kind: String,
        _ bytes: @escaping @Sendable (SamengesteldeKwalificatie, Kwalificatiedossier) -> [UInt8]
    ) -> [Document] {
        context.dossiers.flatMap { r in
            r.dossier.kwalificaties.compactMap { k -> Document? in
                guard let composed = r.dossier.samengesteld(voor: k.code) else { return nil }
                let dossier = r.dossier
                let headers: HTTPFields = [
                    "Content-Disposition": "attachment; filename=\"\(dossier.crebo)-\(k.code)-\(kind).csv\""
                ]
                return Document([r.crebo, k.code], headers: headers) { bytes(composed, dossier) }
            }
        }
    }

    // MARK: CASE

    /// The pre-rendered records of one CASE operation, by sourcedId.
    static func caseRecords(_ operation: CASEOperation) -> @Sendable (DocumentContext) -> [Document] {
        { context in
            context.caseProvider.records(operation).map { record in
                Document([record.sourcedId], json: record.build)
            }
        }
    }
}
