import Foundation

/// The loaded, validated, immutable set of dossiers the server serves, with the lookups the
/// API needs precomputed: by dossier crebo, by kwalificatie crebo, competentie → werkprocessen
/// across every dossier, and vakkennis item → the kerntaken that list it.
///
/// A catalog only exists fully validated: every initializer and loader either returns the
/// whole set or throws the first ``ImportError``; there is no half-loaded state.
public struct Catalog: Sendable {
    /// Every dossier, sorted by crebo.
    public let dossiers: [Kwalificatiedossier]
    /// The 25 SBB competenties, `A`...`Y` (``Competentie/alle``).
    public let competenties: [Competentie]

    /// The embedded dossiers that a `--data` file replaced (same dossier crebo), by crebo;
    /// empty unless the catalog came from ``load(dataDirectory:includingEmbedded:)``.
    public let replacedEmbedded: [EmbeddedReplacement]

    private let dossierIndex: [String: Int]
    private let kwalificatieIndex: [String: KwalificatieVerwijzing]
    private let werkprocessenPerCompetentie: [String: [WerkprocesVerwijzing]]
    private let kerntakenPerVakkennis: [String: [String: [String]]]

    /// Builds a catalog from dossiers that each passed ``DossierValidator``; validates them
    /// again and checks what only the whole set can show (a dossier or kwalificatie crebo used
    /// twice).
    ///
    /// - Parameter dossiers: The dossiers, each with the name of the file it was loaded from.
    ///   - replacedEmbedded: The embedded dossiers left out because a data file replaced them.
    public init(
        dossiers: [(file: String, dossier: Kwalificatiedossier)], replacedEmbedded: [EmbeddedReplacement] = []
    ) throws {
        var seen: [String: String] = [:]
        var kwalificatieCrebos: [String: String] = [:]
        for (file, dossier) in dossiers {
            try DossierValidator.validate(dossier, file: file)
            if let other = seen[dossier.crebo] {
                throw ImportError(
                    file: file, location: .file,
                    message: "dossier crebo \(dossier.crebo) is already loaded from \(other)")
            }
            seen[dossier.crebo] = file
            for kwalificatie in dossier.kwalificaties {
                guard let crebo = kwalificatie.crebo else { continue }
                if let other = kwalificatieCrebos[crebo] ?? seen.first(where: { $0.key == crebo })?.value {
                    throw ImportError(
                        file: file, location: .path("kwalificaties[\(kwalificatie.code)].crebo"),
                        message: "crebo \(crebo) is already used in \(other)")
                }
                kwalificatieCrebos[crebo] = file
            }
        }
        for (file, dossier) in dossiers where kwalificatieCrebos[dossier.crebo] != nil {
            throw ImportError(
                file: file, location: .path("crebo"),
                message:
                    "dossier crebo \(dossier.crebo) is a kwalificatie crebo in \(kwalificatieCrebos[dossier.crebo]!)"
            )
        }
        self.init(validated: dossiers.map(\.dossier), replacedEmbedded: replacedEmbedded)
    }

    private init(validated: [Kwalificatiedossier], replacedEmbedded: [EmbeddedReplacement]) {
        let sorted = validated.sorted { $0.crebo < $1.crebo }
        dossiers = sorted
        self.replacedEmbedded = replacedEmbedded.sorted { $0.crebo < $1.crebo }
        competenties = Competentie.alle
        var dossierIndex: [String: Int] = [:]
        var kwalificatieIndex: [String: KwalificatieVerwijzing] = [:]
        var perCompetentie: [String: [WerkprocesVerwijzing]] = [:]
        var perVakkennis: [String: [String: [String]]] = [:]
        for (index, dossier) in sorted.enumerated() {
            dossierIndex[dossier.crebo] = index
            for kwalificatie in dossier.kwalificaties {
                if let crebo = kwalificatie.crebo {
                    kwalificatieIndex[crebo] = KwalificatieVerwijzing(
                        dossierCrebo: dossier.crebo, kwalificatieCode: kwalificatie.code)
                }
            }
            var vakkennis: [String: [String]] = [:]
            for kerntaak in dossier.kerntaken {
                for id in kerntaak.vakkennis ?? [] { vakkennis[id, default: []].append(kerntaak.code) }
                for werkproces in kerntaak.werkprocessen {
                    let verwijzing = WerkprocesVerwijzing(
                        dossierCrebo: dossier.crebo, kerntaakCode: kerntaak.code,
                        werkprocesCode: werkproces.code)
                    for code in werkproces.competenties ?? [] {
                        perCompetentie[code, default: []].append(verwijzing)
                    }
                }
            }
            perVakkennis[dossier.crebo] = vakkennis
        }
        self.dossierIndex = dossierIndex
        self.kwalificatieIndex = kwalificatieIndex
        self.werkprocessenPerCompetentie = perCompetentie
        self.kerntakenPerVakkennis = perVakkennis
    }

    // MARK: Lookups

    /// The dossier with this crebo (`23292`).
    public func dossier(crebo: String) -> Kwalificatiedossier? {
        dossierIndex[crebo].map { dossiers[$0] }
    }

    /// The kwalificatie with this crebo (`25712`), with the dossier it belongs to.
    public func kwalificatie(crebo: String) -> (dossier: Kwalificatiedossier, kwalificatie: Kwalificatie)? {
        guard let verwijzing = kwalificatieIndex[crebo],
            let dossier = dossier(crebo: verwijzing.dossierCrebo),
            let kwalificatie = dossier.kwalificaties.first(where: { $0.code == verwijzing.kwalificatieCode })
        else { return nil }
        return (dossier, kwalificatie)
    }

    /// The composed requirements of a kwalificatie by its dossier and profiel code (`23181`,
    /// `P3`): see ``Kwalificatiedossier/samengesteld(voor:)``. Works for a kwalificatie whose
    /// source gives no crebo too.
    public func samengesteld(dossier crebo: String, kwalificatie code: String) -> SamengesteldeKwalificatie? {
        dossier(crebo: crebo)?.samengesteld(voor: code)
    }

    /// The composed requirements of the kwalificatie with this crebo (`25477`).
    public func samengesteld(kwalificatie crebo: String) -> SamengesteldeKwalificatie? {
        guard let found = kwalificatie(crebo: crebo) else { return nil }
        return found.dossier.samengesteld(voor: found.kwalificatie.code)
    }

    /// The competentie with this code (`A`...`Y`).
    public func competentie(code: String) -> Competentie? {
        Competentie.met(code: code)
    }

    /// Every werkproces, in every dossier, that calls on this competentie: dossiers by crebo,
    /// within a dossier in published order. Empty for an unknown code.
    public func werkprocessen(competentie code: String) -> [WerkprocesVerwijzing] {
        werkprocessenPerCompetentie[code] ?? []
    }

    /// The codes of the kerntaken of a dossier that list this vakkennis item, in published order.
    public func kerntaken(vakkennis id: String, dossier crebo: String) -> [String] {
        kerntakenPerVakkennis[crebo]?[id] ?? []
    }

    /// The kerntaak with this code in a dossier.
    public func kerntaak(code: String, dossier crebo: String) -> Kerntaak? {
        dossier(crebo: crebo)?.kerntaken.first { $0.code == code }
    }

    /// The werkproces with this code in a dossier, with its kerntaak.
    public func werkproces(code: String, dossier crebo: String) -> (
        kerntaak: Kerntaak, werkproces: Werkproces
    )? {
        guard let dossier = dossier(crebo: crebo) else { return nil }
        for kerntaak in dossier.kerntaken {
            if let werkproces = kerntaak.werkprocessen.first(where: { $0.code == code }) {
                return (kerntaak, werkproces)
            }
        }
        return nil
    }

    // MARK: Loading

    /// The dossiers shipped inside the `Dossier` module (every JSON file of its `dossiers`
    /// resource: 23181, 23189 and 23292), validated.
    public static func loadEmbedded() throws -> Catalog {
        try load(files: embeddedFiles())
    }

    /// The embedded dossiers plus every `*.json` (project format) and `*.xml` (SBB export) file
    /// directly in `directory`, all validated before the catalog exists.
    ///
    /// The rules between the two sources:
    /// - a data file's dossier whose crebo is embedded **replaces** the embedded copy (a newer
    ///   SBB version is served without a rebuild); ``replacedEmbedded`` lists each one, so the
    ///   server can say so;
    /// - two data files with one dossier crebo are an error naming both: neither is newer;
    /// - every other clash (a kwalificatie crebo used twice, also between a data file and an
    ///   embedded dossier it does not replace) is an error, the embedded file named as
    ///   `23292.json (embedded)`;
    /// - without the embedded dossiers, a directory without any dossier is an error too: a
    ///   server with nothing to serve is a mistake, not a state.
    ///
    /// - Parameters:
    ///   - directory: The `--data` directory, or `nil` for the embedded data only.
    ///   - includingEmbedded: Whether the shipped dossiers are part of the catalog.
    /// - Throws: ``ImportError`` for the first invalid file, or a clash between files.
    public static func load(dataDirectory directory: URL?, includingEmbedded: Bool = true) throws -> Catalog {
        var data: [(file: String, dossier: Kwalificatiedossier)] = []
        var dataPaths: [String: String] = [:]  // dossier crebo → the data file's path as given
        for url in try directory.map(dataFiles(in:)) ?? [] {
            for dossier in try DossierImporter.importFile(at: url) {
                if let other = data.first(where: { $0.dossier.crebo == dossier.crebo }) {
                    throw ImportError(
                        file: url.lastPathComponent, location: .file,
                        message:
                            "dossier crebo \(dossier.crebo) is also in \(other.file); keep one of the two")
                }
                data.append((url.lastPathComponent, dossier))
                dataPaths[dossier.crebo] = url.relativePath
            }
        }
        var embedded: [(file: String, dossier: Kwalificatiedossier)] = []
        var replaced: [EmbeddedReplacement] = []
        for url in includingEmbedded ? try embeddedFiles() : [] {
            for dossier in try DossierImporter.importFile(at: url) {
                if let path = dataPaths[dossier.crebo] {
                    replaced.append(
                        EmbeddedReplacement(
                            crebo: dossier.crebo, file: path, embeddedFile: url.lastPathComponent))
                } else {
                    embedded.append(("\(url.lastPathComponent) (embedded)", dossier))
                }
            }
        }
        if let directory, !includingEmbedded, data.isEmpty {
            throw ImportError(
                file: directory.lastPathComponent, location: .file,
                message:
                    "no dossier in \(directory.relativePath) (*.json or SBB *.xml), and the embedded ones are off"
            )
        }
        return try Catalog(dossiers: embedded + data, replacedEmbedded: replaced)
    }

    /// Loads exactly these files (JSON, SBB XML or published text), validated.
    public static func load(files: [URL]) throws -> Catalog {
        var loaded: [(file: String, dossier: Kwalificatiedossier)] = []
        for url in files {
            for dossier in try DossierImporter.importFile(at: url) {
                loaded.append((url.lastPathComponent, dossier))
            }
        }
        return try Catalog(dossiers: loaded)
    }

    /// The JSON files of the embedded data, sorted by name.
    public static func embeddedFiles() throws -> [URL] {
        guard let directory = Bundle.module.url(forResource: "dossiers", withExtension: nil) else {
            throw ImportError(
                file: "dossiers", location: .file, message: "the embedded data is missing from the bundle")
        }
        return try list(directory, extensions: ["json"])
    }

    /// The `*.json` and `*.xml` files directly in a directory, sorted by name.
    public static func dataFiles(in directory: URL) throws -> [URL] {
        try list(directory, extensions: ["json", "xml"])
    }

    private static func list(_ directory: URL, extensions: Set<String>) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ImportError(
                file: directory.lastPathComponent, location: .file,
                message: "cannot read the directory \(directory.path)")
        }
        return names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
            .map { directory.appendingPathComponent($0) }
    }
}

/// Where a werkproces is: its dossier, kerntaak and own code.
public struct WerkprocesVerwijzing: Sendable, Hashable, Codable {
    /// The dossier's crebo.
    public let dossierCrebo: String
    /// The kerntaak's code (`B1-K2`).
    public let kerntaakCode: String
    /// The werkproces's code (`B1-K2-W3`).
    public let werkprocesCode: String

    /// Creates a reference.
    public init(dossierCrebo: String, kerntaakCode: String, werkprocesCode: String) {
        self.dossierCrebo = dossierCrebo
        self.kerntaakCode = kerntaakCode
        self.werkprocesCode = werkprocesCode
    }
}

/// An embedded dossier left out of a catalog because a data file holds the same dossier crebo.
public struct EmbeddedReplacement: Sendable, Hashable {
    /// The dossier crebo both hold.
    public let crebo: String
    /// The data file served instead, as its path was given (`data/23189.json`).
    public let file: String
    /// The embedded file left out (`23189.json`).
    public let embeddedFile: String

    /// Creates a replacement record.
    public init(crebo: String, file: String, embeddedFile: String) {
        self.crebo = crebo
        self.file = file
        self.embeddedFile = embeddedFile
    }
}

/// Where a kwalificatie is: its dossier and profiel code.
struct KwalificatieVerwijzing: Sendable, Hashable {
    let dossierCrebo: String
    let kwalificatieCode: String
}
