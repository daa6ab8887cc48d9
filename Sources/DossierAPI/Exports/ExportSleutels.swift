import Dossier

/// The keys one composed kwalificatie's items carry in the Moodle and Canvas exports: Moodle ID
/// numbers and Canvas `vendor_guid`s.
///
/// Every key starts with the kwalificatie's own key, `‹dossier crebo›-‹profiel code›`
/// (`23292-P1`): it exists for a kwalificatie without a crebo too, and it never changes when a
/// later source adds one. Both LMSes need that: a Moodle framework ID number must be unique on
/// the site, and Canvas updates any outcome, in any course or account, whose `vendor_guid` it
/// already knows, so two kwalificaties must never share one. Keys hold only the published
/// codes, letters, digits and `-`: no comma (Moodle's cross-reference separator), no space
/// (Canvas refuses it), at most a few dozen characters (Moodle cuts at 100).
struct ExportSleutels: Sendable {
    /// The kwalificatie's key, `23292-P1`.
    let kwalificatie: String

    /// The keys of `kwalificatie`'s items.
    init(_ kwalificatie: SamengesteldeKwalificatie) {
        self.kwalificatie = kwalificatie.dossierCrebo + "-" + kwalificatie.kwalificatie.code
    }

    /// A kerntaak (`23292-P1-B1-K1`), the same form for a werkproces (`23292-P1-B1-K1-W1`).
    func item(_ code: String) -> String { kwalificatie + "-" + code }

    /// A vakkennis item as listed under one kerntaak (`23292-P1-B1-K1-vakkennis-vk3`): Moodle
    /// keeps only the last of two rows with one ID number, so an item listed under two
    /// kerntaken needs two.
    func vakkennis(_ id: String, kerntaak: String) -> String { item(kerntaak) + "-vakkennis-" + id }

    /// A vakkennis item once for the whole kwalificatie (`23292-P1-vakkennis-vk3`): Canvas links
    /// one outcome into every group that lists it.
    func vakkennis(_ id: String) -> String { kwalificatie + "-vakkennis-" + id }
}

/// Cuts a text to a length limit the way the importers would, so the file says exactly what the
/// LMS will keep; the full text always stays in the description.
enum ShortText {
    /// `text` when it has at most `limit` characters (Unicode scalars, as PHP's `mb_strlen` and
    /// Ruby count them); otherwise its longest prefix that ends at a word boundary and leaves room
    /// for `…`, followed by `…`, at most `limit` characters in all.
    static func cut(_ text: String, to limit: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > limit else { return text }
        let room = scalars[..<(limit - 1)]
        var end = room.count
        while end > 0, room[end - 1] != " " { end -= 1 }
        var kept = end > limit / 2 ? Array(room[..<end]) : Array(room)
        while kept.last == " " { kept.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: kept)
        return String(view) + "…"
    }
}
