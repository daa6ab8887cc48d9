import Dossier
import Foundation

/// The data subcommands of `dossier-server`: thin wrappers around the `Dossier` target that
/// print and return an exit status (0 ok, 2 invalid data or wrong usage).
enum DataCommands {
    /// `dossier-server import FILE... --out DIR`: imports published texts, SBB XML exports or
    /// project JSON, validates them together and writes one `{crebo}.json` per dossier.
    static func runImport(_ arguments: [String]) -> Int32 {
        var files: [String] = []
        var output: String?
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--out", index + 1 < arguments.count {
                output = arguments[index + 1]
                index += 2
            } else {
                files.append(arguments[index])
                index += 1
            }
        }
        guard let output, !files.isEmpty else {
            printError("usage: dossier-server import FILE... --out DIR")
            return 2
        }
        do {
            let catalog = try Catalog.load(files: files.map { URL(fileURLWithPath: $0) })
            let directory = URL(fileURLWithPath: output, isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for dossier in catalog.dossiers {
                let target = directory.appendingPathComponent("\(dossier.crebo).json")
                try DossierJSON.encode(dossier).write(to: target, options: .atomic)
                print("\(target.path): \(summary(dossier))")
            }
            return 0
        } catch let error as ImportError {
            printError(error.description)
            return 2
        } catch {
            printError("dossier-server import: \(error)")
            return 2
        }
    }

    /// `dossier-server validate FILE...`: one summary line per dossier, or the first error.
    static func runValidate(_ arguments: [String]) -> Int32 {
        guard !arguments.isEmpty else {
            printError("usage: dossier-server validate FILE...")
            return 2
        }
        do {
            var loaded: [(file: String, dossier: Kwalificatiedossier)] = []
            for path in arguments {
                let url = URL(fileURLWithPath: path)
                for dossier in try DossierImporter.importFile(at: url) {
                    loaded.append((url.lastPathComponent, dossier))
                }
            }
            _ = try Catalog(dossiers: loaded)  // what only the whole set shows: duplicate crebos
            for (file, dossier) in loaded { print("\(file): \(summary(dossier))") }
            return 0
        } catch {
            printError("\(error)")
            return 2
        }
    }

    static func summary(_ dossier: Kwalificatiedossier) -> String {
        let telling = dossier.telling
        return "crebo \(dossier.crebo) \"\(dossier.titel)\": \(telling.kwalificaties) kwalificaties, "
            + "\(telling.kerntaken) kerntaken, \(telling.werkprocessen) werkprocessen, "
            + "\(telling.vakkennis) vakkennis items (\(telling.vakkennisKoppelingen) links), "
            + "\(telling.competentieKoppelingen) competentie links"
    }

    static func printError(_ message: String) {
        DossierServerCommand.printError(message)
    }
}
