import Dossier

/// Turns the domain model into the API's JSON representations.
///
/// One function per shape, in the order a reader meets them. Key order is the contract's
/// (`openapi.yaml`): identifying fields first, texts next, children after, `links` last.
/// Optional model fields are written as `null`, never left out, so every client sees the same
/// keys and "the source does not say" is explicit.
struct Representation {
    let dossier: Kwalificatiedossier
    let catalog: Catalog
    let vakkennisByID: [String: Vakkennis]
    /// The composed requirements of each kwalificatie, in the dossier's order: made once here
    /// because the kwalificatie, its kerntaken and werkprocessen and their lists all need them.
    let samengesteld: [SamengesteldeKwalificatie]
    /// Per vakkennis id, the kerntaken that list it for some profielen only (an addition's
    /// items that the kerntaak's own list lacks).
    let vakkennisAlleenVoor: [String: [AlleenVoor]]
    private let kerntaakByCode: [String: Kerntaak]
    private let werkprocesByCode: [String: Werkproces]
    private let samengesteldByCode: [String: SamengesteldeKwalificatie]

    init(dossier: Kwalificatiedossier, catalog: Catalog) {
        self.dossier = dossier
        self.catalog = catalog
        // Lookups within this dossier (its codes are unique: the validator checks that).
        vakkennisByID = Dictionary(
            dossier.vakkennis.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        kerntaakByCode = Dictionary(
            dossier.kerntaken.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        werkprocesByCode = Dictionary(
            dossier.kerntaken.flatMap(\.werkprocessen).map { ($0.code, $0) },
            uniquingKeysWith: { first, _ in first })
        samengesteld = dossier.kwalificaties.compactMap { dossier.samengesteld(voor: $0.code) }
        samengesteldByCode = Dictionary(
            samengesteld.map { ($0.kwalificatie.code, $0) }, uniquingKeysWith: { first, _ in first })
        var vakkennis: [String: [AlleenVoor]] = [:]
        for kerntaak in dossier.kerntaken {
            for entry in AlleenVoor.vakkennis(of: kerntaak) {
                vakkennis[entry.item, default: []].append(
                    AlleenVoor(item: kerntaak.code, profielen: entry.profielen))
            }
        }
        vakkennisAlleenVoor = vakkennis
    }

    /// The composed requirements of the kwalificatie with this profiel code.
    func samengesteld(_ profiel: String) -> SamengesteldeKwalificatie? {
        samengesteldByCode[profiel]
    }

    /// The kerntaak with this code in this dossier.
    func kerntaak(code: String) -> Kerntaak? {
        kerntaakByCode[code]
    }

    /// The werkproces with this code in this dossier.
    func werkproces(code: String) -> Werkproces? {
        werkprocesByCode[code]
    }

    /// The dossier's crebo.
    var crebo: String { dossier.crebo }

    // MARK: Dossier

    /// The short form used in lists and as the `dossier` of nested resources.
    func dossierReference() -> JSONValue {
        .object([
            "crebo": .string(crebo),
            "titel": .string(dossier.titel),
            "links": links(self: ResourceTable.getDossier.path(crebo)),
        ])
    }

    func dossierSummary() -> JSONValue {
        .object([
            "crebo": .string(crebo),
            "titel": .string(dossier.titel),
            "status": .string(dossier.status),
            "opleidingsdomein": opleidingsdomein(),
            "geldigVanaf": .string(dossier.geldigVanaf),
            "kwalificaties": .array(dossier.kwalificaties.map(kwalificatieReference)),
            "links": links(
                self: ResourceTable.getDossier.path(crebo), parent: ResourceTable.listDossiers.path()),
        ])
    }

    func dossierFull() -> JSONValue {
        .object([
            "crebo": .string(crebo),
            "titel": .string(dossier.titel),
            "versie": .string(dossier.versie),
            "status": .string(dossier.status),
            "opleidingsdomein": opleidingsdomein(),
            "penvoerder": .string(dossier.penvoerder),
            "gevalideerdDoor": .string(dossier.gevalideerdDoor),
            "gevalideerdOp": .string(dossier.gevalideerdOp),
            "vastgesteldDoor": .string(dossier.vastgesteldDoor),
            "vastgesteldOp": .string(dossier.vastgesteldOp),
            "vastgesteldTe": .string(dossier.vastgesteldTe),
            "geldigVanaf": .string(dossier.geldigVanaf),
            "datumEindeInstroom": .string(dossier.datumEindeInstroom),
            "datumEindeOpleiding": .string(dossier.datumEindeOpleiding),
            "typering": .object([
                "context": .string(dossier.typering.context),
                "beroepshouding": .string(dossier.typering.beroepshouding),
                "resultaat": .string(dossier.typering.resultaat),
            ]),
            "kwalificaties": .array(dossier.kwalificaties.map { kwalificatie($0, full: false) }),
            "kerntaken": .array(dossier.kerntaken.map(kerntaak)),
            "generiekeOnderdelenInleiding": .string(dossier.generiekeOnderdelenInleiding),
            "generiekeOnderdelen": .array(dossier.generiekeOnderdelen.map(generiekOnderdeel)),
            "keuzedelen": .object(keuzedelen()),
            "wettelijkeBeroepsvereisten": .bool(dossier.wettelijkeBeroepsvereisten),
            "positiefAdviesToetsingskamer": .bool(dossier.positiefAdviesToetsingskamer),
            "bron": .object([
                "soort": .string(dossier.bron.soort.rawValue),
                "bestand": .string(dossier.bron.bestand),
            ]),
            // Its children (kwalificaties, kerntaken, ...) are linked from the table's rows.
            "links": ResourceTable.getDossier.links([crebo], parent: ResourceTable.listDossiers.path()),
        ])
    }

    private func opleidingsdomein() -> JSONValue {
        guard let domein = dossier.opleidingsdomein else { return .null }
        return .object(["titel": .string(domein.titel), "crebo": .string(domein.crebo)])
    }

    func generiekOnderdeel(_ onderdeel: GeneriekOnderdeel) -> JSONValue {
        .object([
            "naam": .string(onderdeel.naam),
            "niveaus": onderdeel.niveaus.map { .array($0.map(JSONValue.int)) } ?? .null,
            "omschrijving": .string(onderdeel.omschrijving),
            "bron": .string(onderdeel.bron),
        ])
    }

    // MARK: Kwalificaties

    func kwalificatieReference(_ kwalificatie: Kwalificatie) -> JSONValue {
        .object([
            "code": .string(kwalificatie.code),
            "crebo": .string(kwalificatie.crebo),
            "titel": .string(kwalificatie.titel),
            "mboNiveau": .int(kwalificatie.mboNiveau),
            "links": links(self: ResourceTable.getDossierKwalificatie.path(crebo, kwalificatie.code)),
        ])
    }

    /// A kwalificatie with the kerntaken that apply to it: as references (`full: false`) or
    /// with every text (`full: true`, for reading or printing one kwalificatie whole).
    func kwalificatie(_ kwalificatie: Kwalificatie, full: Bool) -> JSONValue {
        let kerntaken = kwalificatie.kerntaken.compactMap { kerntaakByCode[$0] }
        var extra: JSONObject = ["dossier": .string(ResourceTable.getDossier.path(crebo))]
        if let own = kwalificatie.crebo {
            extra.append("kwalificatie", .string(ResourceTable.getKwalificatie.path(own)))
        }
        return .object([
            "code": .string(kwalificatie.code),
            "crebo": .string(kwalificatie.crebo),
            "titel": .string(kwalificatie.titel),
            "dossier": dossierReference(),
            "mboNiveau": .int(kwalificatie.mboNiveau),
            "eqfNiveau": .int(kwalificatie.eqfNiveau),
            "beroepsvereisten": .bool(kwalificatie.beroepsvereisten),
            "toelichtingBeroepsvereisten": .string(kwalificatie.toelichtingBeroepsvereisten),
            "bronBeroepsvereisten": .string(kwalificatie.bronBeroepsvereisten),
            "certificaten": .string(kwalificatie.certificaten),
            "soortOpleiding": .string(kwalificatie.soortOpleiding),
            "beroepsgroep": .string(kwalificatie.beroepsgroep),
            "typeringVanHetBeroep": .string(kwalificatie.typeringVanHetBeroep),
            "sbu": .int(kwalificatie.sbu),
            "geldigVanaf": .string(kwalificatie.geldigVanaf),
            "datumEindeInstroom": .string(kwalificatie.datumEindeInstroom),
            "datumEindeOpleiding": .string(kwalificatie.datumEindeOpleiding),
            "kerntaken": full
                ? .array(
                    (samengesteld(kwalificatie.code)?.kerntaken ?? []).map {
                        samengesteldeKerntaak($0, of: kwalificatie)
                    })
                : .array(kerntaken.map(kerntaakReference)),
            "links": ResourceTable.getDossierKwalificatie.links(
                [crebo, kwalificatie.code], parent: ResourceTable.listDossierKwalificaties.path(crebo),
                extra: extra),
        ])
    }

    // MARK: Kerntaken and werkprocessen

    func kerntaakReference(_ kerntaak: Kerntaak) -> JSONValue {
        .object([
            "code": .string(kerntaak.code),
            "titel": .string(kerntaak.titel),
            "deel": .string(kerntaak.deel.rawValue),
            "profiel": .string(kerntaak.profiel),
            "links": links(self: ResourceTable.getKerntaak.path(crebo, kerntaak.code)),
        ])
    }

    func kerntaak(_ kerntaak: Kerntaak) -> JSONValue {
        .object([
            "code": .string(kerntaak.code),
            "titel": .string(kerntaak.titel),
            "deel": .string(kerntaak.deel.rawValue),
            "profiel": .string(kerntaak.profiel),
            "complexiteit": .string(kerntaak.complexiteit),
            "verantwoordelijkheidEnZelfstandigheid": .string(kerntaak.verantwoordelijkheidEnZelfstandigheid),
            "vakkennisAanhef": .string(kerntaak.vakkennisAanhef),
            "vakkennis": .array(kerntaak.vakkennis?.compactMap { vakkennisByID[$0] }, vakkennisReference),
            "werkprocessen": .array(kerntaak.werkprocessen.map { werkproces($0, in: kerntaak) }),
            "aanvullend": .array(kerntaak.aanvullend, kerntaakAanvulling),
            "links": ResourceTable.getKerntaak.links(
                [crebo, kerntaak.code], parent: ResourceTable.listKerntaken.path(crebo),
                extra: ["dossier": .string(ResourceTable.getDossier.path(crebo))]),
        ])
    }

    func werkproces(_ werkproces: Werkproces, in kerntaak: Kerntaak) -> JSONValue {
        .object([
            "code": .string(werkproces.code),
            "titel": .string(werkproces.titel),
            "kerntaak": .string(kerntaak.code),
            "omschrijving": .string(werkproces.omschrijving),
            "resultaat": .string(werkproces.resultaat),
            "gedragAanhef": .string(werkproces.gedragAanhef),
            "gedrag": .strings(werkproces.gedrag),
            "competenties": .array(werkproces.competenties, competentieReference),
            "aanvullend": .array(werkproces.aanvullend, werkprocesAanvulling),
            "links": ResourceTable.getWerkproces.links(
                [crebo, werkproces.code], parent: ResourceTable.listWerkprocessen.path(crebo),
                extra: [
                    "kerntaak": .string(ResourceTable.getKerntaak.path(crebo, kerntaak.code)),
                    "dossier": .string(ResourceTable.getDossier.path(crebo)),
                ]),
        ])
    }

    // MARK: Competenties

    func competentieReference(_ code: String) -> JSONValue {
        .object([
            "code": .string(code),
            "titel": .string(catalog.competentie(code: code)?.titel),
            "links": links(self: ResourceTable.getCompetentie.path(code)),
        ])
    }

    // MARK: Vakkennis

    func vakkennisReference(_ item: Vakkennis) -> JSONValue {
        .object([
            "id": .string(item.id),
            "tekst": .string(item.tekst),
            "links": links(self: ResourceTable.getVakkennis.path(crebo, item.id)),
        ])
    }

    func vakkennisItem(_ item: Vakkennis) -> JSONValue {
        .object([
            "id": .string(item.id),
            "tekst": .string(item.tekst),
            "kerntaken": .array(
                catalog.kerntaken(vakkennis: item.id, dossier: crebo)
                    .compactMap { kerntaakByCode[$0] }.map(kerntaakReference)),
            "alleenVoor": .array(
                (vakkennisAlleenVoor[item.id] ?? []).compactMap { entry in
                    kerntaakByCode[entry.item].map { kerntaakAlleenVoor($0, profielen: entry.profielen) }
                }),
            "links": ResourceTable.getVakkennis.links(
                [crebo, item.id], parent: ResourceTable.listVakkennis.path(crebo),
                extra: ["dossier": .string(ResourceTable.getDossier.path(crebo))]),
        ])
    }

    // MARK: Keuzedelen

    /// The keuzedelen members: inside the dossier, and (with `dossier` and `links` around
    /// them) as the keuzedelen resource.
    func keuzedelen() -> JSONObject {
        [
            "overzicht": .string(dossier.keuzedelen.overzicht),
            "items": .array(
                dossier.keuzedelen.items.map { item in
                    .object([
                        "code": .string(item.code),
                        "titel": .string(item.titel),
                        "sbu": .int(item.sbu),
                        "url": .string(item.url),
                    ])
                }),
        ]
    }

    // MARK: Links

    /// The links of a reference to a resource (inside another one): `self`, maybe `parent`.
    /// A resource's own document links its children too (``Resource/links(_:parent:extra:)``).
    func links(self path: String, parent: String? = nil) -> JSONValue {
        var object: JSONObject = ["self": .string(path)]
        if let parent { object.append("parent", .string(parent)) }
        return .object(object)
    }
}
