import Dossier
import Foundation

/// Where `serve` gets its dossiers: the embedded ones (unless `--no-embedded`) and the
/// `--data` directory, by the rules of `Catalog.load(dataDirectory:includingEmbedded:)`. A
/// data file that replaces an embedded dossier is said on standard error, naming both, so
/// nobody wonders which copy is live.
enum DataSources {
    static func loadCatalog(options: ServeOptions) throws -> Catalog {
        let catalog = try Catalog.load(
            dataDirectory: options.dataDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) },
            includingEmbedded: options.includesEmbedded)
        for replacement in catalog.replacedEmbedded {
            DossierServerCommand.printError(
                "dossier-server: dossier \(replacement.crebo): serving \(replacement.file) "
                    + "instead of the embedded \(replacement.embeddedFile)")
        }
        return catalog
    }
}
