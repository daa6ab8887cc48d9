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
    ///
    /// Inside another document (the kwalificatie, the composed list) its `links` are its own
    /// address and the basis kerntaak's; as a resource of its own (`standalone`) it names its
    /// kwalificatie and dossier too, and links every related resource.
    func samengesteldeKerntaak(
        _ samengesteld: SamengesteldeKerntaak, of kwalificatie: Kwalificatie, standalone: Bool = false
    ) -> JSONValue {
        let kerntaak = samengesteld.kerntaak
        var object: JSONObject = [
            "code": .string(kerntaak.code),
            "titel": .string(kerntaak.titel),
            "deel": .string(kerntaak.deel.rawValue),
            "profiel": .string(kerntaak.profiel),
        ]
        if standalone {
            object.append("kwalificatie", kwalificatieReference(kwalificatie))
            object.append("dossier", dossierReference())
        }
        object.append("complexiteit", .string(kerntaak.complexiteit))
        object.append(
            "verantwoordelijkheidEnZelfstandigheid", .string(kerntaak.verantwoordelijkheidEnZelfstandigheid))
        object.append("vakkennisAanhef", .string(kerntaak.vakkennisAanhef))
        object.append("aanvulling", samengesteld.aanvulling.map(kerntaakAanvulling) ?? .null)
        object.append(
            "vakkennis", .array(samengesteld.vakkennis?.compactMap { vakkennisByID[$0] }, vakkennisReference))
        object.append(
            "werkprocessen",
            .array(
                samengesteld.werkprocessen.map { samengesteldWerkproces($0, in: kerntaak, of: kwalificatie) })
        )
        object.append(
            "links",
            composedLinks(
                ResourceTable.getDossierKwalificatieKerntaak,
                in: ResourceTable.listDossierKwalificatieKerntaken,
                alias: ResourceTable.getKwalificatieKerntaak, code: kerntaak.code,
                basis: ResourceTable.getKerntaak.path(crebo, kerntaak.code), of: kwalificatie,
                standalone: standalone))
        return .object(object)
    }

    /// A werkproces as it applies to one kwalificatie: its own texts, `aanvulling` and the
    /// composed `competenties`; inside another document or `standalone`, as for
    /// ``samengesteldeKerntaak(_:of:standalone:)``.
    func samengesteldWerkproces(
        _ samengesteld: SamengesteldWerkproces, in kerntaak: Kerntaak, of kwalificatie: Kwalificatie,
        standalone: Bool = false
    ) -> JSONValue {
        let werkproces = samengesteld.werkproces
        var object: JSONObject = [
            "code": .string(werkproces.code),
            "titel": .string(werkproces.titel),
            "kerntaak": .string(kerntaak.code),
        ]
        if standalone {
            object.append("kwalificatie", kwalificatieReference(kwalificatie))
            object.append("dossier", dossierReference())
        }
        object.append("omschrijving", .string(werkproces.omschrijving))
        object.append("resultaat", .string(werkproces.resultaat))
        object.append("gedragAanhef", .string(werkproces.gedragAanhef))
        object.append("gedrag", .strings(werkproces.gedrag))
        object.append("aanvulling", samengesteld.aanvulling.map(werkprocesAanvulling) ?? .null)
        object.append("competenties", .array(samengesteld.competenties, competentieReference))
        object.append(
            "links",
            composedLinks(
                ResourceTable.getDossierKwalificatieWerkproces,
                in: ResourceTable.listDossierKwalificatieWerkprocessen,
                alias: ResourceTable.getKwalificatieWerkproces, code: werkproces.code,
                basis: ResourceTable.getWerkproces.path(crebo, werkproces.code), of: kwalificatie,
                kerntaak: ResourceTable.getDossierKwalificatieKerntaak.path(
                    crebo, kwalificatie.code, kerntaak.code),
                standalone: standalone))
        return .object(object)
    }

    /// The links of a composed kerntaak or werkproces (`resource`, listed in `list`): inside
    /// another document only its own address and the `basis` item's; as a resource of its own
    /// also the kwalificatie, the composed `kerntaak` it belongs to (a werkproces), the dossier,
    /// and `alias`, the same item under the kwalificatie's own crebo where the source gives one.
    private func composedLinks(
        _ resource: Resource, in list: Resource, alias: Resource, code: String, basis: String,
        of kwalificatie: Kwalificatie, kerntaak: String? = nil, standalone: Bool
    ) -> JSONValue {
        let values = [crebo, kwalificatie.code, code]
        guard standalone else {
            return .object(["self": .string(resource.path(values)), "basis": .string(basis)])
        }
        var extra: JSONObject = [
            "kwalificatie": .string(ResourceTable.getDossierKwalificatie.path(crebo, kwalificatie.code))
        ]
        if let kerntaak { extra.append("kerntaak", .string(kerntaak)) }
        extra.append("basis", .string(basis))
        extra.append("dossier", .string(ResourceTable.getDossier.path(crebo)))
        if let own = kwalificatie.crebo { extra.append("alias", .string(alias.path(own, code))) }
        return resource.links(values, parent: list.path(crebo, kwalificatie.code), extra: extra)
    }

    // MARK: Only for some profielen

    /// The profielen something holds for alone, each as a ``profielReference(_:)``.
    func profielen(_ codes: [String]) -> JSONValue {
        .array(codes.map(profielReference))
    }

    /// A kerntaak that lists a vakkennis item for some profielen only: the kerntaak's
    /// reference with those `profielen`.
    func kerntaakAlleenVoor(_ kerntaak: Kerntaak, profielen codes: [String]) -> JSONValue {
        .object([
            "code": .string(kerntaak.code),
            "titel": .string(kerntaak.titel),
            "deel": .string(kerntaak.deel.rawValue),
            "profiel": .string(kerntaak.profiel),
            "profielen": profielen(codes),
            "links": links(self: ResourceTable.getKerntaak.path(crebo, kerntaak.code)),
        ])
    }
}
