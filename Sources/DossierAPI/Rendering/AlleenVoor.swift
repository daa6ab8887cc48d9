import Dossier

/// Something that holds for some profielen only: a competentie a werkproces calls on, or a
/// vakkennis item a kerntaak lists, for the kwalificaties of those profielen alone (an
/// `aanvullend` entry adds it), not for every kwalificatie that has the werkproces or kerntaak.
///
/// An addition that repeats what the basis already lists adds nothing to any kwalificatie, so
/// it is no such item.
struct AlleenVoor: Sendable, Hashable {
    /// The code or id of what it names: a competentie code, vakkennis id, kerntaak or
    /// werkproces code.
    let item: String
    /// The codes of the profielen it holds for, in the order of the additions.
    let profielen: [String]

    /// The items the additions list and `basis` lacks, each with the profielen whose addition
    /// lists it, in the order they are first added.
    static func entries<Aanvulling>(
        basis: [String]?, aanvullend: [Aanvulling]?, _ items: KeyPath<Aanvulling, [String]?>,
        profiel: KeyPath<Aanvulling, String>
    ) -> [AlleenVoor] {
        let basis = Set(basis ?? [])
        var order: [String] = []
        var profielen: [String: [String]] = [:]
        for aanvulling in aanvullend ?? [] {
            for item in aanvulling[keyPath: items] ?? [] where !basis.contains(item) {
                if profielen[item] == nil { order.append(item) }
                let code = aanvulling[keyPath: profiel]
                if profielen[item]?.contains(code) != true { profielen[item, default: []].append(code) }
            }
        }
        return order.map { AlleenVoor(item: $0, profielen: profielen[$0] ?? []) }
    }

    /// The vakkennis ids a kerntaak lists for some profielen only.
    static func vakkennis(of kerntaak: Kerntaak) -> [AlleenVoor] {
        entries(basis: kerntaak.vakkennis, aanvullend: kerntaak.aanvullend, \.vakkennis, profiel: \.profiel)
    }

    /// The competentie codes a werkproces calls on for some profielen only.
    static func competenties(of werkproces: Werkproces) -> [AlleenVoor] {
        entries(
            basis: werkproces.competenties, aanvullend: werkproces.aanvullend, \.competenties,
            profiel: \.profiel)
    }
}
