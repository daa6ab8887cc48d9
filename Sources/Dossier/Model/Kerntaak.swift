/// A kerntaak (core task), e.g. `B1-K2` "Verkoopt producten en/of diensten in de
/// mobiliteitsbranche", with its werkprocessen.
public struct Kerntaak: Codable, Sendable, Hashable {
    /// Which part of the dossier a kerntaak belongs to.
    public enum Deel: String, Codable, Sendable, Hashable {
        /// Shared by every kwalificatie of the dossier (`B1-K..`).
        case basisdeel
        /// Specific to one profiel (`P2-K..`).
        case profieldeel
    }

    /// The code exactly as published: `B1-K1`, `P2-K1`, ...
    public var code: String
    /// The title.
    public var titel: String
    /// Basisdeel or profieldeel.
    public var deel: Deel
    /// For a profieldeel kerntaak, the code of its profiel (`P2`); `nil` in the basisdeel.
    public var profiel: String?
    /// The "Complexiteit" text.
    public var complexiteit: String?
    /// The "Verantwoordelijkheid en zelfstandigheid" text.
    public var verantwoordelijkheidEnZelfstandigheid: String?
    /// The lead-in above the vakkennis list, e.g. `De beginnend beroepsbeoefenaar:`.
    public var vakkennisAanhef: String?
    /// The ids of the ``Vakkennis`` items listed under this kerntaak, in published order;
    /// `nil` when the source does not give them (a profiel's kerntaak in another profiel's
    /// extract).
    public var vakkennis: [String]?
    /// The werkprocessen, in published order.
    public var werkprocessen: [Werkproces]
    /// What single profielen add to this kerntaak, one entry per profiel in profiel order;
    /// `nil` when none does. Only a basisdeel kerntaak has additions.
    public var aanvullend: [KerntaakAanvulling]?

    /// Creates a kerntaak.
    public init(
        code: String, titel: String, deel: Deel, profiel: String? = nil,
        complexiteit: String? = nil, verantwoordelijkheidEnZelfstandigheid: String? = nil,
        vakkennisAanhef: String? = nil, vakkennis: [String]? = nil, werkprocessen: [Werkproces] = [],
        aanvullend: [KerntaakAanvulling]? = nil
    ) {
        self.code = code
        self.titel = titel
        self.deel = deel
        self.profiel = profiel
        self.complexiteit = complexiteit
        self.verantwoordelijkheidEnZelfstandigheid = verantwoordelijkheidEnZelfstandigheid
        self.vakkennisAanhef = vakkennisAanhef
        self.vakkennis = vakkennis
        self.werkprocessen = werkprocessen
        self.aanvullend = aanvullend
    }
}
