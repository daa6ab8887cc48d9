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
    /// Per-profiel text additions: each added complexiteit, verantwoordelijkheid en
    /// zelfstandigheid, omschrijving, resultaat and gedrag (lead line and items) counts once,
    /// as one `aanvullend` entry of an SBB export holds one of them.
    public var tekstAanvullingen: Int
    /// Per-profiel additions of competenties to a werkproces.
    public var competentieAanvullingen: Int
    /// The competentie references those additions hold.
    public var competentieAanvullingKoppelingen: Int
    /// Per-profiel additions of vakkennis items to a kerntaak.
    public var vakkennisAanvullingen: Int
    /// The vakkennis references those additions hold.
    public var vakkennisAanvullingKoppelingen: Int
}

extension Kwalificatiedossier {
    /// The counts of this dossier's parts.
    public var telling: Telling {
        let werkprocessen = kerntaken.flatMap(\.werkprocessen)
        let kerntaakAanvullingen = kerntaken.flatMap { $0.aanvullend ?? [] }
        let werkprocesAanvullingen = werkprocessen.flatMap { $0.aanvullend ?? [] }
        let teksten =
            kerntaakAanvullingen.reduce(0) {
                $0 + [$1.complexiteit, $1.verantwoordelijkheidEnZelfstandigheid].count { $0 != nil }
            }
            + werkprocesAanvullingen.reduce(0) {
                $0 + [$1.omschrijving, $1.resultaat].count { $0 != nil } + ($1.gedrag == nil ? 0 : 1)
            }
        let competenties = werkprocesAanvullingen.compactMap(\.competenties)
        let vakkennis = kerntaakAanvullingen.compactMap(\.vakkennis)
        return Telling(
            kwalificaties: kwalificaties.count, kerntaken: kerntaken.count,
            werkprocessen: werkprocessen.count,
            vakkennis: self.vakkennis.count,
            vakkennisKoppelingen: kerntaken.reduce(0) { $0 + ($1.vakkennis?.count ?? 0) },
            competentieKoppelingen: werkprocessen.reduce(0) { $0 + ($1.competenties?.count ?? 0) },
            tekstAanvullingen: teksten, competentieAanvullingen: competenties.count,
            competentieAanvullingKoppelingen: competenties.reduce(0) { $0 + $1.count },
            vakkennisAanvullingen: vakkennis.count,
            vakkennisAanvullingKoppelingen: vakkennis.reduce(0) { $0 + $1.count })
    }
}
