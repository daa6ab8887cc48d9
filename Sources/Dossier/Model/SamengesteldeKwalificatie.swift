/// The composed requirements of one kwalificatie: what a school teaches and an LMS imports for
/// it. Every kerntaak that applies (the basisdeel, then the profiel's own profieldeel), each
/// with its own texts and this profiel's additions, never another profiel's.
///
/// Made by ``Kwalificatiedossier/samengesteld(voor:)``, a pure function of the dossier.
public struct SamengesteldeKwalificatie: Sendable, Hashable {
    /// The crebo of the dossier the kwalificatie belongs to.
    public let dossierCrebo: String
    /// The kwalificatie (profiel) itself.
    public let kwalificatie: Kwalificatie
    /// The kerntaken in the order of ``Kwalificatie/kerntaken``.
    public let kerntaken: [SamengesteldeKerntaak]

    /// The composed kerntaak with this code, if it applies to the kwalificatie.
    public func kerntaak(_ code: String) -> SamengesteldeKerntaak? {
        kerntaken.first { $0.code == code }
    }

    /// The composed werkproces with this code, if it applies to the kwalificatie.
    public func werkproces(_ code: String) -> SamengesteldWerkproces? {
        for kerntaak in kerntaken {
            if let werkproces = kerntaak.werkprocessen.first(where: { $0.code == code }) {
                return werkproces
            }
        }
        return nil
    }
}

/// One kerntaak as it applies to one kwalificatie.
public struct SamengesteldeKerntaak: Sendable, Hashable {
    /// The kerntaak as the dossier states it for every kwalificatie that has it: its own texts,
    /// with no profiel's additions (``Kerntaak/aanvullend`` is `nil`, here and on each of its
    /// werkprocessen).
    public let kerntaak: Kerntaak
    /// What this kwalificatie's profiel adds to it; `nil` when it adds nothing.
    public let aanvulling: KerntaakAanvulling?
    /// Its werkprocessen, each composed for the same kwalificatie.
    public let werkprocessen: [SamengesteldWerkproces]

    /// The kerntaak's code.
    public var code: String { kerntaak.code }

    /// Every vakkennis id that applies: the kerntaak's own, then the addition's that are not
    /// already listed; `nil` when neither gives any.
    public var vakkennis: [String]? {
        Samenstelling.union(kerntaak.vakkennis, aanvulling?.vakkennis)
    }
}

/// One werkproces as it applies to one kwalificatie.
public struct SamengesteldWerkproces: Sendable, Hashable {
    /// The werkproces's own texts, with no profiel's additions (``Werkproces/aanvullend`` is
    /// `nil`).
    public let werkproces: Werkproces
    /// What this kwalificatie's profiel adds to it; `nil` when it adds nothing.
    public let aanvulling: WerkprocesAanvulling?

    /// The werkproces's code.
    public var code: String { werkproces.code }

    /// Every competentie code that applies: the werkproces's own, then the addition's that are
    /// not already listed (a source may repeat a basis competentie in an addition); `nil` when
    /// neither gives any.
    public var competenties: [String]? {
        Samenstelling.union(werkproces.competenties, aanvulling?.competenties)
    }
}

extension Kwalificatiedossier {
    /// The composed requirements of the kwalificatie with this profiel code (`P3`); `nil` for
    /// a code that is not one of the dossier's kwalificaties.
    ///
    /// A pure function of the dossier: kerntaken in the order the kwalificatie lists them,
    /// each with only this profiel's additions.
    public func samengesteld(voor profiel: String) -> SamengesteldeKwalificatie? {
        guard let kwalificatie = kwalificaties.first(where: { $0.code == profiel }) else { return nil }
        let perCode = Dictionary(kerntaken.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let samengesteld = kwalificatie.kerntaken.compactMap { code -> SamengesteldeKerntaak? in
            guard var kerntaak = perCode[code] else { return nil }
            let aanvulling = kerntaak.aanvullend?.first { $0.profiel == profiel }
            kerntaak.aanvullend = nil
            let werkprocessen = kerntaak.werkprocessen.map { werkproces in
                var werkproces = werkproces
                let aanvulling = werkproces.aanvullend?.first { $0.profiel == profiel }
                werkproces.aanvullend = nil
                return SamengesteldWerkproces(werkproces: werkproces, aanvulling: aanvulling)
            }
            kerntaak.werkprocessen = werkprocessen.map(\.werkproces)
            return SamengesteldeKerntaak(
                kerntaak: kerntaak, aanvulling: aanvulling, werkprocessen: werkprocessen)
        }
        return SamengesteldeKwalificatie(
            dossierCrebo: crebo, kwalificatie: kwalificatie, kerntaken: samengesteld)
    }
}

/// The one rule for joining a basis list with an addition's list.
enum Samenstelling {
    /// `basis`, then each item of `extra` not already in it; `nil` when both are `nil`.
    static func union(_ basis: [String]?, _ extra: [String]?) -> [String]? {
        guard let extra else { return basis }
        var result = basis ?? []
        for item in extra where !result.contains(item) { result.append(item) }
        return result
    }
}
