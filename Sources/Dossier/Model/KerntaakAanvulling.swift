/// What one profiel adds to a basis kerntaak: the published "Voor ‹profiel› geldt aanvullend:"
/// block, or an `aanvullend` entry of an SBB export's `…perprofiel` elements.
///
/// It applies to that profiel's kwalificatie only, on top of the kerntaak's own texts, which
/// stay exactly as the source gives them. Every text is verbatim; a field the source leaves
/// empty is `nil` (an entry with nothing in it is no addition and is not kept).
public struct KerntaakAanvulling: Codable, Sendable, Hashable {
    /// The code of the profiel (`P3`) whose kwalificatie this addition belongs to.
    public var profiel: String
    /// Added to the kerntaak's "Complexiteit".
    public var complexiteit: String?
    /// Added to the kerntaak's "Verantwoordelijkheid en zelfstandigheid".
    public var verantwoordelijkheidEnZelfstandigheid: String?
    /// The lead-in above the added vakkennis items, where the source gives one.
    public var vakkennisAanhef: String?
    /// The ids of the ``Vakkennis`` items added to the kerntaak's list, in source order.
    public var vakkennis: [String]?

    /// Creates an addition for one profiel.
    public init(
        profiel: String, complexiteit: String? = nil,
        verantwoordelijkheidEnZelfstandigheid: String? = nil, vakkennisAanhef: String? = nil,
        vakkennis: [String]? = nil
    ) {
        self.profiel = profiel
        self.complexiteit = complexiteit
        self.verantwoordelijkheidEnZelfstandigheid = verantwoordelijkheidEnZelfstandigheid
        self.vakkennisAanhef = vakkennisAanhef
        self.vakkennis = vakkennis
    }

    /// Whether the addition adds nothing at all.
    var isLeeg: Bool {
        complexiteit == nil && verantwoordelijkheidEnZelfstandigheid == nil && vakkennisAanhef == nil
            && vakkennis == nil
    }
}
