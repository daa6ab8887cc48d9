import Dossier

@testable import DossierAPI

/// The embedded dossiers' composed kwalificaties, for the export tests.
enum ExportFixture {
    static let catalog = APIFixture.catalog

    /// Every kwalificatie of every embedded dossier, composed.
    static var all: [(dossier: Kwalificatiedossier, kwalificatie: SamengesteldeKwalificatie)] {
        catalog.dossiers.flatMap { dossier in
            dossier.kwalificaties.compactMap { k in dossier.samengesteld(voor: k.code).map { (dossier, $0) } }
        }
    }

    static func kwalificatie(_ dossier: String, _ profiel: String) -> (
        Kwalificatiedossier, SamengesteldeKwalificatie
    ) {
        let found = catalog.dossier(crebo: dossier)!
        return (found, found.samengesteld(voor: profiel)!)
    }

    /// The records of a CSV as dictionaries keyed by the header.
    static func rows(_ bytes: [UInt8]) throws -> (header: [String], rows: [[String]]) {
        let records = try CSVReader.records(bytes)
        return (records[0], Array(records.dropFirst()))
    }
}
