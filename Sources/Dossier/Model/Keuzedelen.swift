/// The keuzedelen (electives) of a dossier: the official overview the dossier points to and
/// the keuzedelen a source actually lists. Nothing here is ever inferred.
public struct Keuzedelen: Codable, Sendable, Hashable {
    /// The overview link the dossier names, e.g. `https://kwalificatie-mijn.s-bb.nl`.
    public var overzicht: String?
    /// The keuzedelen a source lists; empty when it lists none.
    public var items: [Keuzedeel]

    /// Creates the keuzedelen section.
    public init(overzicht: String? = nil, items: [Keuzedeel] = []) {
        self.overzicht = overzicht
        self.items = items
    }
}

/// One keuzedeel listed by a source.
public struct Keuzedeel: Codable, Sendable, Hashable {
    /// The keuzedeel code (e.g. `K0021`), only as a source gives it.
    public var code: String?
    /// The title.
    public var titel: String
    /// Study load in hours, where given.
    public var sbu: Int?
    /// The official page, where given.
    public var url: String?

    /// Creates a keuzedeel.
    public init(code: String? = nil, titel: String, sbu: Int? = nil, url: String? = nil) {
        self.code = code
        self.titel = titel
        self.sbu = sbu
        self.url = url
    }
}
