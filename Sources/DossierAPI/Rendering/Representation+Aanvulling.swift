import Dossier

/// The additions per profiel ("Voor ‹profiel› geldt aanvullend:") and the composed
/// requirements of one kwalificatie: basis texts and that profiel's addition as separate
/// fields, so each stays the verbatim legal text it is.
extension Representation {
    /// The profiel an addition belongs to, linked to its kwalificatie.
    func profielReference(_ code: String) -> JSONValue {
        let kwalificatie = dossier.kwalificaties.first { $0.code == code }
        return .object([
            "code": .string(code),
            "titel": .string(kwalificatie?.titel),
            "crebo": .string(kwalificatie?.crebo),
            "links": links(self: ResourceTable.getDossierKwalificatie.path(crebo, code)),
        ])
    }

    func kerntaakAanvulling(_ aanvulling: KerntaakAanvulling) -> JSONValue {
        .object([
            "profiel": profielReference(aanvulling.profiel),
            "complexiteit": .string(aanvulling.complexiteit),
            "verantwoordelijkheidEnZelfstandigheid": .string(
                aanvulling.verantwoordelijkheidEnZelfstandigheid),
            "vakkennisAanhef": .string(aanvulling.vakkennisAanhef),
            "vakkennis": .array(aanvulling.vakkennis?.compactMap { vakkennisByID[$0] }, vakkennisReference),
        ])
    }

    func werkprocesAanvulling(_ aanvulling: WerkprocesAanvulling) -> JSONValue {
        .object([
            "profiel": profielReference(aanvulling.profiel),
            "omschrijving": .string(aanvulling.omschrijving),
            "resultaat": .string(aanvulling.resultaat),
            "gedragAanhef": .string(aanvulling.gedragAanhef),
            "gedrag": .strings(aanvulling.gedrag),
            "competenties": .array(aanvulling.competenties, competentieReference),
        ])
    }

    /// A kerntaak as it applies to one kwalificatie: its own texts, `aanvulling` (this
    /// profiel's addition or `null`) and the composed `vakkennis`.
    func samengesteldeKerntaak(_ samengesteld: SamengesteldeKerntaak) -> JSONValue {
        let kerntaak = samengesteld.kerntaak
        return .object([
            "code": .string(kerntaak.code),
            "titel": .string(kerntaak.titel),
            "deel": .string(kerntaak.deel.rawValue),
            "profiel": .string(kerntaak.profiel),
            "complexiteit": .string(kerntaak.complexiteit),
            "verantwoordelijkheidEnZelfstandigheid": .string(kerntaak.verantwoordelijkheidEnZelfstandigheid),
            "vakkennisAanhef": .string(kerntaak.vakkennisAanhef),
            "aanvulling": samengesteld.aanvulling.map(kerntaakAanvulling) ?? .null,
            "vakkennis": .array(samengesteld.vakkennis?.compactMap { vakkennisByID[$0] }, vakkennisReference),
            "werkprocessen": .array(
                samengesteld.werkprocessen.map { samengesteldWerkproces($0, in: kerntaak) }),
            "links": links(self: ResourceTable.getKerntaak.path(crebo, kerntaak.code)),
        ])
    }

    /// A werkproces as it applies to one kwalificatie: its own texts, `aanvulling` and the
    /// composed `competenties`.
    func samengesteldWerkproces(_ samengesteld: SamengesteldWerkproces, in kerntaak: Kerntaak) -> JSONValue {
        let werkproces = samengesteld.werkproces
        return .object([
            "code": .string(werkproces.code),
            "titel": .string(werkproces.titel),
            "kerntaak": .string(kerntaak.code),
            "omschrijving": .string(werkproces.omschrijving),
            "resultaat": .string(werkproces.resultaat),
            "gedragAanhef": .string(werkproces.gedragAanhef),
            "gedrag": .strings(werkproces.gedrag),
            "aanvulling": samengesteld.aanvulling.map(werkprocesAanvulling) ?? .null,
            "competenties": .array(samengesteld.competenties, competentieReference),
            "links": links(self: ResourceTable.getWerkproces.path(crebo, werkproces.code)),
        ])
    }
}
