import Dossier
import HTTPServer

/// The builders of the LMS rows: the Moodle and Canvas exports of every kwalificatie and the
/// pre-rendered CASE records.
extension Documents {
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
