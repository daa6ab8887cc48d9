/// One searchable thing: a dossier, kwalificatie, kerntaak, werkproces, gedrag line,
/// vakkennis item, generiek onderdeel, competentie or keuzedeel, with its texts; or what one
/// profiel adds to a kerntaak, werkproces or its gedrag.
struct SearchDocument: Sendable {
    /// What kind of item a hit is; the values of the `soort` filter.
    enum Soort: String, CaseIterable, Sendable {
        case dossier
        case kwalificatie
        case kerntaak
        case werkproces
        case gedrag
        case vakkennis
        case generiekOnderdeel = "generiek-onderdeel"
        case competentie
        case keuzedeel
    }

    /// A named text of the item (`titel`, `omschrijving`, ...), searched and used for snippets.
    struct Field: Sendable {
        /// What a field is to its item; it decides the field's weight and whether a match in
        /// it is a title match (see ``SearchIndex`` for the scoring).
        enum Role: Sendable {
            /// What names the item: its title, code or crebo.
            case heading
            /// Everything else: descriptions, typeringen, gedrag, vakkennis.
            case body
        }

        var name: String
        var text: String
        var role: Role
    }

    /// Whose addition ("Voor ‹profiel› geldt aanvullend:") an item is, and where the item it
    /// adds to lives.
    struct Aanvulling: Sendable {
        /// The profiel's code (`P3`).
        var profiel: String
        /// The profiel's kwalificatie title, as the source gives it.
        var titel: String?
        /// The kwalificatie's own crebo, where the source gives one.
        var crebo: String?
        /// The kwalificatie's canonical path.
        var kwalificatie: String
        /// The path of the basis kerntaak or werkproces the text is added to.
        var basis: String
    }

    var soort: Soort
    /// The item's code (`B1-K2-W3`, `K`, a vakkennis id); `nil` where it has none.
    var code: String?
    var titel: String
    /// The crebo of the dossier it belongs to; `nil` for the shared competenties.
    var dossier: String?
    var path: String
    var fields: [Field]
    /// Set when the item is one profiel's addition: then ``path`` is the composed kerntaak or
    /// werkproces of that profiel's kwalificatie.
    var aanvulling: Aanvulling? = nil
}
