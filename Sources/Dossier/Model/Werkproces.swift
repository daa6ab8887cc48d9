/// A werkproces (work process) of a kerntaak, e.g. `B1-K2-W3`.
public struct Werkproces: Codable, Sendable, Hashable {
    /// The code exactly as published: `B1-K1-W1`, `P2-K1-W2`, ...
    public var code: String
    /// The title.
    public var titel: String
    /// The "Omschrijving" text; paragraphs separated by a blank line.
    public var omschrijving: String?
    /// The "Resultaat" text.
    public var resultaat: String?
    /// The lead-in above the gedrag list, e.g. `De beginnend beroepsbeoefenaar:`.
    public var gedragAanhef: String?
    /// The "Gedrag" items, one string per bullet, verbatim (trailing `;` included); `nil` when
    /// the source does not give them (a profiel's werkproces in another profiel's extract),
    /// which is not the same as a werkproces without gedrag.
    public var gedrag: [String]?
    /// Codes (`A`...`Y`) of the underlying SBB competenties, in published order; `nil` when
    /// the source does not give them.
    public var competenties: [String]?
    /// What single profielen add to this werkproces, one entry per profiel in profiel order;
    /// `nil` when none does. Only a werkproces of a basisdeel kerntaak has additions.
    public var aanvullend: [WerkprocesAanvulling]?

    /// Creates a werkproces.
    public init(
        code: String, titel: String, omschrijving: String? = nil, resultaat: String? = nil,
        gedragAanhef: String? = nil, gedrag: [String]? = nil, competenties: [String]? = nil,
        aanvullend: [WerkprocesAanvulling]? = nil
    ) {
        self.code = code
        self.titel = titel
        self.omschrijving = omschrijving
        self.resultaat = resultaat
        self.gedragAanhef = gedragAanhef
        self.gedrag = gedrag
        self.competenties = competenties
        self.aanvullend = aanvullend
    }
}
