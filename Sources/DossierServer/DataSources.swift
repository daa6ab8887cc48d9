import Dossier
import Foundation

/// Where `serve` gets its dossiers: the embedded ones (unless `--no-embedded`) and the
/// `--data` directory, by the rules of `Catalog.load(dataDirectory:includingEmbedded:)`. A
/// data file that replaces an embedded dossier is said on standard error, naming both, so
/// nobody wonders which copy is live.
enum DataSources {
    /// The validated dossiers and the version of the files they were read from.
    struct Loaded {
        let catalog: Catalog
        /// ``DataVersion`` of the sources.
        let version: String
    }

    /// How often the sources may change under a load before it gives up.
    static let attempts = 3

    /// Loads the catalog and its version.
    ///
    /// The files are listed and stamped (size, inode, times) before they are hashed and
    /// loaded, and again after: when anything differs, a file changed meanwhile (an editor or
    /// `cp` still writing, during a reload), so neither the version nor the catalog can be
    /// trusted to name the other, and the load starts over. Stamps rather than a second read
    /// of every byte: start-up with hundreds of dossiers stays as short as it was.
    ///
    /// - Throws: ``ImportError`` for an invalid or unreadable file, or when the files kept
    ///   changing.
    static func load(options: ServeOptions) throws -> Loaded {
        for _ in 0..<attempts {
            let sources = try DataVersion.sources(options: options)
            let stamps = DataVersion.stamps(of: sources)
            let version = try DataVersion.digest(of: sources)
            let catalog = try loadCatalog(options: options)
            let after = try DataVersion.sources(options: options)
            if after == sources, DataVersion.stamps(of: after) == stamps {
                return Loaded(catalog: catalog, version: version)
            }
        }
        throw ImportError(
            file: options.dataDirectory.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "dossiers",
            location: .file,
            message:
                "the files changed while they were read, \(attempts) times over; try again once they are complete"
        )
    }

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
