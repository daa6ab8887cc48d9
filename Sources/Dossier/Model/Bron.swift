/// Where a dossier's data came from, so every text can be traced to its source.
public struct Bron: Codable, Sendable, Hashable {
    /// The kinds of source the importers read.
    public enum Soort: String, Codable, Sendable, Hashable {
        /// Text extracted from the published PDF (like the 23292 seed).
        case gepubliceerdeTekst = "gepubliceerde-tekst"
        /// An SBB XML export.
        case sbbXML = "sbb-xml"
        /// A dossier written directly in the project's JSON format.
        case json
    }

    /// The kind of source.
    public var soort: Soort
    /// The source file's name (no directory), e.g. `2755-dienstverlening.xml`.
    public var bestand: String

    /// Creates a source reference.
    public init(soort: Soort, bestand: String) {
        self.soort = soort
        self.bestand = bestand
    }
}
