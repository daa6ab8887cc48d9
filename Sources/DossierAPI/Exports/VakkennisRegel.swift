import Dossier

/// One vakkennis item as it applies to one kerntaak of one kwalificatie: its text, and whether
/// the kerntaak lists it itself or the profiel's addition adds it (with that list's lead-in).
struct VakkennisRegel: Sendable, Equatable {
    /// The item's id in its dossier (``Vakkennis/id``).
    let id: String
    /// The item's text, verbatim.
    let tekst: String
    /// The lead-in of the list the item is in (`De beginnend beroepsbeoefenaar:`), if any.
    let aanhef: String?
    /// Whether the profiel's addition lists it, not the kerntaak itself.
    let isAanvulling: Bool

    /// The items of `kerntaak` for its kwalificatie, in the order of
    /// ``SamengesteldeKerntaak/vakkennis``: the kerntaak's own, then the addition's new ones.
    static func regels(_ kerntaak: SamengesteldeKerntaak, dossier: Kwalificatiedossier) -> [VakkennisRegel] {
        let teksten = Dictionary(dossier.vakkennis.map { ($0.id, $0.tekst) }, uniquingKeysWith: { a, _ in a })
        let eigen = kerntaak.kerntaak.vakkennis ?? []
        return (kerntaak.vakkennis ?? []).compactMap { id in
            guard let tekst = teksten[id] else { return nil }
            let aanvulling = !eigen.contains(id)
            return VakkennisRegel(
                id: id, tekst: tekst,
                aanhef: aanvulling ? kerntaak.aanvulling?.vakkennisAanhef : kerntaak.kerntaak.vakkennisAanhef,
                isAanvulling: aanvulling)
        }
    }

    /// The item as HTML: under the addition's label when the profiel adds it, after its list's
    /// lead-in, as a one-item list (how the dossier prints it).
    func html(profielTitel: String) -> String {
        (isAanvulling ? "<p><em>" + HTML.escape("Voor \(profielTitel) geldt aanvullend:") + "</em></p>" : "")
            + (aanhef.map { "<p>" + HTML.escape($0) + "</p>" } ?? "") + "<ul><li>" + HTML.escape(tekst)
            + "</li></ul>"
    }
}
