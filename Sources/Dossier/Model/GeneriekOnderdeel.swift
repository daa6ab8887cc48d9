/// A generiek onderdeel (generic component set by the government), e.g. "Nederlandse taal".
public struct GeneriekOnderdeel: Codable, Sendable, Hashable {
    /// The name, e.g. `Nederlandse taal`, `Engels`.
    public var naam: String
    /// The mbo-niveaus it applies to; `nil` means every niveau (Engels: `[4]`).
    public var niveaus: [Int]?
    /// The text, verbatim.
    public var omschrijving: String?
    /// The legal source it points to, as written (e.g. `https://wetten.overheid.nl/BWBR0027879`).
    public var bron: String?

    /// Creates a generiek onderdeel.
    public init(naam: String, niveaus: [Int]? = nil, omschrijving: String? = nil, bron: String? = nil) {
        self.naam = naam
        self.niveaus = niveaus
        self.omschrijving = omschrijving
        self.bron = bron
    }
}
