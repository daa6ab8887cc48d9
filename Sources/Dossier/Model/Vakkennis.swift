/// One vakkennis-en-vaardigheden item ("heeft kennis van relatiebeheer").
///
/// An item has an identity of its own: when several kerntaken list the same item, the
/// dossier holds it once and each kerntaak refers to its ``id``.
public struct Vakkennis: Codable, Sendable, Hashable {
    /// Stable within its dossier. The SBB number where the source has one (`986487`),
    /// otherwise `vk` plus the item's position of first appearance (`vk1`, `vk2`, ...), where
    /// items that only a per-profiel addition lists come after all others.
    public var id: String
    /// The text, verbatim.
    public var tekst: String

    /// Creates an item.
    public init(id: String, tekst: String) {
        self.id = id
        self.tekst = tekst
    }
}
