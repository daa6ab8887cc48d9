/// One of the 25 SBB competenties (codes `A`...`Y`), shared by every dossier, e.g.
/// `K` "Vakdeskundigheid toepassen".
public struct Competentie: Codable, Sendable, Hashable {
    /// The letter code, `A`...`Y`.
    public var code: String
    /// The exact name as SBB publishes it.
    public var titel: String

    /// Creates a competentie.
    public init(code: String, titel: String) {
        self.code = code
        self.titel = titel
    }
}
