/// A kwalificatie (profiel) of a dossier, e.g. P1 "Adviseur mobiliteitsbranche", crebo `25712`.
///
/// A student is trained for one kwalificatie: the dossier's basisdeel plus the profieldeel of
/// this profiel; ``kerntaken`` lists the codes of exactly those kerntaken.
public struct Kwalificatie: Codable, Sendable, Hashable {
    /// The profiel code within the dossier: `P1`, `P2`, ...
    public var code: String
    /// The kwalificatie's own crebo; `nil` where the source does not give it.
    public var crebo: String?
    /// The title, e.g. `Adviseur mobiliteitsbranche`.
    public var titel: String
    /// The mbo-niveau (1...4), where given.
    public var mboNiveau: Int?
    /// The EQF-niveau, only where the source states it.
    public var eqfNiveau: Int?
    /// Whether legal professional requirements apply ("Beroepsvereisten": Ja/Nee).
    public var beroepsvereisten: Bool?
    /// Explanation of those requirements, where given.
    public var toelichtingBeroepsvereisten: String?
    /// The legal source of those requirements, as written (SBB XML:
    /// `bronwettelijkeberoepsvereisten`), where given.
    public var bronBeroepsvereisten: String?
    /// The certificates that come with the kwalificatie, as written (SBB XML: `certificaten`),
    /// where given.
    public var certificaten: String?
    /// Kind of programme, e.g. `vakopleiding` or `basisberoepsopleiding`.
    public var soortOpleiding: String?
    /// The beroepsgroep, where given (SBB XML).
    public var beroepsgroep: String?
    /// The "Typering van het beroep" text, where given.
    public var typeringVanHetBeroep: String?
    /// Study load in hours (studiebelastingsuren), where given.
    public var sbu: Int?
    /// First valid day (ISO 8601), where given.
    public var geldigVanaf: String?
    /// Last enrolment day (ISO 8601), where given.
    public var datumEindeInstroom: String?
    /// Last day of the programme (ISO 8601), where given.
    public var datumEindeOpleiding: String?
    /// Codes of every kerntaak that applies: the basisdeel's, then this profiel's own.
    public var kerntaken: [String]

    /// Creates a kwalificatie; every optional defaults to "not said by the source".
    public init(
        code: String, crebo: String? = nil, titel: String, mboNiveau: Int? = nil,
        eqfNiveau: Int? = nil, beroepsvereisten: Bool? = nil,
        toelichtingBeroepsvereisten: String? = nil, soortOpleiding: String? = nil,
        beroepsgroep: String? = nil, typeringVanHetBeroep: String? = nil, sbu: Int? = nil,
        geldigVanaf: String? = nil, datumEindeInstroom: String? = nil,
        datumEindeOpleiding: String? = nil, bronBeroepsvereisten: String? = nil,
        certificaten: String? = nil, kerntaken: [String] = []
    ) {
        self.code = code
        self.crebo = crebo
        self.titel = titel
        self.mboNiveau = mboNiveau
        self.eqfNiveau = eqfNiveau
        self.beroepsvereisten = beroepsvereisten
        self.toelichtingBeroepsvereisten = toelichtingBeroepsvereisten
        self.soortOpleiding = soortOpleiding
        self.beroepsgroep = beroepsgroep
        self.typeringVanHetBeroep = typeringVanHetBeroep
        self.sbu = sbu
        self.geldigVanaf = geldigVanaf
        self.datumEindeInstroom = datumEindeInstroom
        self.datumEindeOpleiding = datumEindeOpleiding
        self.bronBeroepsvereisten = bronBeroepsvereisten
        self.certificaten = certificaten
        self.kerntaken = kerntaken
    }
}
