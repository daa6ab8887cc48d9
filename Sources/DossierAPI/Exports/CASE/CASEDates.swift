import Dossier

/// The one rule for the date-times CASE requires and the source does not give
/// (`lastChangeDateTime` on every record): never the server's clock, always a date the source
/// itself states, so every replica and restart serves the same bytes.
///
/// A record drawn from one dossier changes when the dossier's text was last settled: the later
/// of its `vastgesteldOp` (SBB XML) and `gevalideerdOp` (published text); without either, its
/// `geldigVanaf`; without any, `1970-01-01`, which here means "the source gives no date". It is
/// written as midnight UTC (`2021-09-10T00:00:00Z`): the source gives a day, not a time. A
/// record drawn from every dossier (the competenties, the item types) takes the latest date of
/// them all. For the embedded data: 23292 → 2021-09-10 (gevalideerd op), 23189 → 2015-11-26
/// (vastgesteld op; geldig vanaf 2015-08-01 is earlier), 23181 → 2015-11-26 (vastgesteld op;
/// its versie "Gewijzigd 2016" names no date), the competenties → 2021-09-10.
enum CASEDates {
    /// What `1970-01-01` stands for: the source gives no date.
    static let unknown = "1970-01-01"

    /// The date (ISO 8601 calendar date) a dossier's records last changed.
    static func datum(_ dossier: Kwalificatiedossier) -> String {
        [dossier.vastgesteldOp, dossier.gevalideerdOp].compactMap { $0 }.max() ?? dossier.geldigVanaf
            ?? unknown
    }

    /// `lastChangeDateTime` for records drawn from `dossiers`.
    static func lastChangeDateTime(_ dossiers: [Kwalificatiedossier]) -> String {
        (dossiers.map(datum).max() ?? unknown) + "T00:00:00Z"
    }
}
