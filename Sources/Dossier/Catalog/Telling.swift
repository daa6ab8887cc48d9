/// How much a dossier holds; used by `dossier-server validate` and in reports.
public struct Telling: Sendable, Hashable, Codable {
    /// Kwalificaties (profielen).
    public var kwalificaties: Int
    /// Kerntaken, basisdeel and profieldeel.
    public var kerntaken: Int
    /// Werkprocessen of every kerntaak.
    public var werkprocessen: Int
    /// Distinct vakkennis-en-vaardigheden items.
    public var vakkennis: Int
    /// Kerntaak → vakkennis references.
    public var vakkennisKoppelingen: Int
    /// Werkproces → competentie references.
    public var competentieKoppelingen: Int
}

extension Kwalificatiedossier {
    /// The counts of this dossier's parts.
    public var telling: Telling {
        let werkprocessen = kerntaken.flatMap(\.werkprocessen)
        return Telling(
            kwalificaties: kwalificaties.count, kerntaken: kerntaken.count,
            werkprocessen: werkprocessen.count,
            vakkennis: vakkennis.count,
            vakkennisKoppelingen: kerntaken.reduce(0) { $0 + ($1.vakkennis?.count ?? 0) },
            competentieKoppelingen: werkprocessen.reduce(0) { $0 + ($1.competenties?.count ?? 0) })
    }
}
