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

    private let dossierIndex: [String: Int]
    private let kwalificatieIndex: [String: KwalificatieVerwijzing]
    private let werkprocessenPerCompetentie: [String: [WerkprocesVerwijzing]]
    private let kerntakenPerVakkennis: [String: [String: [String]]]

    /// Builds a catalog from dossiers that each passed ``DossierValidator``; validates them
    /// again and checks what only the whole set can show (a dossier or kwalificatie crebo used
    /// twice).
    ///
    /// - Parameter dossiers: The dossiers, each with the name of the file it was loaded from.
    public init(dossiers: [(file: String, dossier: Kwalificatiedossier)]) throws {
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
        self.init(validated: dossiers.map(\.dossier))
    }

    private init(validated: [Kwalificatiedossier]) {
        let sorted = validated.sorted { $0.crebo < $1.crebo }
        dossiers = sorted
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
    /// - Parameters:
    ///   - directory: The `--data` directory, or `nil` for the embedded data only.
    ///   - includingEmbedded: Whether the shipped dossiers are part of the catalog.
    /// - Throws: ``ImportError`` for the first invalid file, or a dossier crebo found twice.
    public static func load(dataDirectory directory: URL?, includingEmbedded: Bool = true) throws -> Catalog {
        var files = includingEmbedded ? try embeddedFiles() : []
        if let directory { files += try dataFiles(in: directory) }
        return try load(files: files)
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

/// Where a kwalificatie is: its dossier and profiel code.
struct KwalificatieVerwijzing: Sendable, Hashable {
    let dossierCrebo: String
    let kwalificatieCode: String
}
