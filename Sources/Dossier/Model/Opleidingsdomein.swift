/// The opleidingsdomein (field of education) a dossier belongs to, e.g. "Mobiliteit en
/// voertuigen" with crebo `79060`.
public struct Opleidingsdomein: Codable, Sendable, Hashable {
    /// The domain's title as published.
    public var titel: String
    /// The domain's own crebo, where the source gives one.
    public var crebo: String?

    /// Creates a domain.
    public init(titel: String, crebo: String? = nil) {
        self.titel = titel
        self.crebo = crebo
    }
}
