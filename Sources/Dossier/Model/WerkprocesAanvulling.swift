/// What one profiel adds to a basis werkproces: the published "Voor ‹profiel› geldt
/// aanvullend:" block, or an `aanvullend` entry of an SBB export's `…perprofiel` elements.
///
/// It applies to that profiel's kwalificatie only, on top of the werkproces's own texts, which
/// stay exactly as the source gives them. Every text is verbatim; a field the source leaves
/// empty is `nil` (an entry with nothing in it is no addition and is not kept).
public struct WerkprocesAanvulling: Codable, Sendable, Hashable {
    /// The code of the profiel (`P3`) whose kwalificatie this addition belongs to.
    public var profiel: String
    /// Added to the werkproces's "Omschrijving".
    public var omschrijving: String?
    /// Added to the werkproces's "Resultaat".
    public var resultaat: String?
    /// The lead line of the added gedrag, e.g. `De persoonlijk begeleider gehandicaptenzorg:`.
    public var gedragAanhef: String?
    /// The added gedrag items, one per bullet, split by the same rules as the basis gedrag.
    public var gedrag: [String]?
    /// Codes (`A`...`Y`) of the competenties added to the werkproces, in source order.
    public var competenties: [String]?

    /// Creates an addition for one profiel.
    public init(
        profiel: String, omschrijving: String? = nil, resultaat: String? = nil,
        gedragAanhef: String? = nil, gedrag: [String]? = nil, competenties: [String]? = nil
    ) {
        self.profiel = profiel
        self.omschrijving = omschrijving
        self.resultaat = resultaat
        self.gedragAanhef = gedragAanhef
        self.gedrag = gedrag
        self.competenties = competenties
    }

    /// Whether the addition adds nothing at all.
    var isLeeg: Bool {
        omschrijving == nil && resultaat == nil && gedragAanhef == nil && gedrag == nil
            && competenties == nil
    }
}
