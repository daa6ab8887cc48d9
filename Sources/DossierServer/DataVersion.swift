import Dossier
import Foundation
import HTTPServer

/// The version of the dossier data a server serves: SHA-256, in hex, over its dossier sources
/// (the embedded files unless `--no-embedded`, and every `*.json` and `*.xml` of `--data`),
/// sorted by name.
///
/// Only the dossier sources count, not `Public/` or `openapi.yaml`: the version says which
/// legal text is live, and a new browse page is not new data (those files have ETags of their
/// own). A source is named `embedded/23292.json` or `data/23189.xml`, so moving a file between
/// the two, renaming it or turning the embedded ones off is a new version too. Each source
/// adds its name, a NUL and the SHA-256 of its bytes to the hashed text, so that no two sets
/// of sources run together into the same text.
///
/// From the bytes, not from the loaded model: every replica and every restart with the same
/// files reports the same version, and `sha256sum` on the files is enough to predict it.
enum DataVersion {
    /// One source file.
    struct Source: Equatable {
        /// `embedded/…` or `data/…`.
        let name: String
        let path: String
    }

    /// What changes when a file is written or replaced, read without reading the file: its
    /// size, inode, and modification and change times (nanoseconds).
    struct Stamp: Equatable {
        let size: Int
        let inode: UInt
        let modified: Int
        let changed: Int
    }

    /// The sources `options` names, sorted by name.
    ///
    /// - Throws: ``ImportError`` when the data directory cannot be listed.
    static func sources(options: ServeOptions) throws -> [Source] {
        var sources: [Source] = []
        if options.includesEmbedded {
            sources += try Catalog.embeddedFiles().map {
                Source(name: "embedded/" + $0.lastPathComponent, path: $0.path)
            }
        }
        if let directory = options.dataDirectory {
            let files = try Catalog.dataFiles(in: URL(fileURLWithPath: directory, isDirectory: true))
            sources += files.map { Source(name: "data/" + $0.lastPathComponent, path: $0.path) }
        }
        return sources.sorted { $0.name < $1.name }
    }

    /// The stamps of `sources` now (`nil` for a file that cannot be looked at).
    static func stamps(of sources: [Source]) -> [Stamp?] {
        sources.map { source in
            var status = stat()
            guard stat(source.path, &status) == 0 else { return nil }
            return Stamp(
                size: Int(status.st_size), inode: UInt(status.st_ino),
                modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec),
                changed: Int(status.st_ctim.tv_sec) * 1_000_000_000 + Int(status.st_ctim.tv_nsec))
        }
    }

    /// The version of `sources`, read now.
    ///
    /// - Throws: ``ImportError`` naming a source that cannot be read.
    static func digest(of sources: [Source]) throws -> String {
        var text: [UInt8] = []
        for source in sources {
            let bytes: Data
            do {
                bytes = try Data(contentsOf: URL(fileURLWithPath: source.path))
            } catch {
                throw ImportError(
                    file: URL(fileURLWithPath: source.path).lastPathComponent, location: .file,
                    message: "cannot read it")
            }
            text += Array(source.name.utf8)
            text.append(0)
            text += SHA256.digest(bytes)
        }
        return Hex.encode(SHA256.digest(text))
    }
}
