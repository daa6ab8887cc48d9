import Dossier

/// Lists every searchable item of the loaded dossiers as ``SearchDocument``s, in a fixed order
/// (dossier by dossier, in published order; the competenties last), which is also the order
/// ties are ranked in.
///
/// Each item's title, code and crebo (only where the source gives one) are its heading fields:
/// a crebo or code typed into the search box finds the item it names (see ``SearchIndex``).
/// A gedrag line or vakkennis item has no heading of its own: its text is body text, so a
/// werkproces whose title matches ranks above the gedrag lines under it that mention the
/// same word. What one profiel adds to a kerntaak or werkproces ("Voor ‹profiel› geldt
/// aanvullend:") is an item of its own, right after the one it adds to, without headings (a
/// code finds the basis item once, not once per profiel), at the composed item of that
/// profiel's kwalificatie. Its fields are named as in that item (`aanvulling.omschrijving`):
/// that is the hit's `veld`, and the basis fields keep their own average lengths, so their
/// ranking, which the additions' short texts would otherwise shift.
enum SearchDocuments {
    static func make(dossiers: [Kwalificatiedossier], competenties: [Competentie]) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for dossier in dossiers {
            append(dossier, to: &documents)
        }
        for competentie in competenties {
            documents.append(
                SearchDocument(
                    soort: .competentie, code: competentie.code, titel: competentie.titel, dossier: nil,
                    path: ResourceTable.getCompetentie.path(competentie.code),
                    fields: [
                        heading("titel", competentie.titel),
                        heading("code", competentie.code),
                    ].compactMap { $0 }))
        }
        return documents
    }

    /// A field that names the item (title, code, crebo); `nil` when the source has no text.
    private static func heading(_ name: String, _ text: String?) -> SearchDocument.Field? {
        field(name, text, role: .heading)
    }

    /// A field of body text; `nil` when the source has no text.
    private static func body(_ name: String, _ text: String?) -> SearchDocument.Field? {
        field(name, text, role: .body)
    }

    private static func field(_ name: String, _ text: String?, role: SearchDocument.Field.Role)
        -> SearchDocument.Field?
    {
        guard let text, !text.isEmpty else { return nil }
        return SearchDocument.Field(name: name, text: text, role: role)
    }

    /// One profiel's addition to a werkproces: its omschrijving and resultaat as one item, each
    /// added gedrag line as another, at the composed werkproces of that profiel's kwalificatie.
    /// As in the basis, a lead line ("De thuisbegeleider:") is not searched (the validator
    /// lets none stand without lines under it), and the competenties it adds have no text.
    private static func append(
        _ aanvulling: WerkprocesAanvulling, to werkproces: Werkproces, in dossier: Kwalificatiedossier,
        to documents: inout [SearchDocument]
    ) {
        let crebo = dossier.crebo
        let context = Self.aanvulling(
            aanvulling.profiel, of: dossier, basis: ResourceTable.getWerkproces.path(crebo, werkproces.code))
        let path = ResourceTable.getDossierKwalificatieWerkproces.path(
            crebo, aanvulling.profiel, werkproces.code)
        let fields = [
            body("aanvulling.omschrijving", aanvulling.omschrijving),
            body("aanvulling.resultaat", aanvulling.resultaat),
        ].compactMap { $0 }
        if !fields.isEmpty {
            documents.append(
                SearchDocument(
                    soort: .werkproces, code: werkproces.code, titel: werkproces.titel, dossier: crebo,
                    path: path,
                    fields: fields, aanvulling: context))
        }
        for gedrag in aanvulling.gedrag ?? [] {
            documents.append(
                SearchDocument(
                    soort: .gedrag, code: werkproces.code, titel: werkproces.titel, dossier: crebo,
                    path: path,
                    fields: [body("aanvulling.gedrag", gedrag)].compactMap { $0 }, aanvulling: context))
        }
    }

    /// Whose addition an item is: the profiel with this code in `dossier`, and the path of the
    /// basis kerntaak or werkproces it adds to.
    private static func aanvulling(_ profiel: String, of dossier: Kwalificatiedossier, basis: String)
        -> SearchDocument.Aanvulling
    {
        let kwalificatie = dossier.kwalificaties.first { $0.code == profiel }
        return SearchDocument.Aanvulling(
            profiel: profiel, titel: kwalificatie?.titel, crebo: kwalificatie?.crebo,
            kwalificatie: ResourceTable.getDossierKwalificatie.path(dossier.crebo, profiel), basis: basis)
    }

    private static func append(_ dossier: Kwalificatiedossier, to documents: inout [SearchDocument]) {
        let crebo = dossier.crebo
        documents.append(
            SearchDocument(
                soort: .dossier, code: crebo, titel: dossier.titel, dossier: crebo,
                path: ResourceTable.getDossier.path(crebo),
                fields: [
                    heading("titel", dossier.titel),
                    heading("crebo", crebo),
                    body("context", dossier.typering.context),
                    body("beroepshouding", dossier.typering.beroepshouding),
                    body("resultaat", dossier.typering.resultaat),
                ].compactMap { $0 }))
        for kwalificatie in dossier.kwalificaties {
            documents.append(
                SearchDocument(
                    soort: .kwalificatie, code: kwalificatie.code, titel: kwalificatie.titel, dossier: crebo,
                    path: ResourceTable.getDossierKwalificatie.path(crebo, kwalificatie.code),
                    fields: [
                        heading("titel", kwalificatie.titel),
                        heading("code", kwalificatie.code),
                        // Only the crebo the source gives; none is made up for P2 of 23292.
                        heading("crebo", kwalificatie.crebo),
                        body("typeringVanHetBeroep", kwalificatie.typeringVanHetBeroep),
                        body("toelichtingBeroepsvereisten", kwalificatie.toelichtingBeroepsvereisten),
                    ].compactMap { $0 }))
        }
        for kerntaak in dossier.kerntaken {
            documents.append(
                SearchDocument(
                    soort: .kerntaak, code: kerntaak.code, titel: kerntaak.titel, dossier: crebo,
                    path: ResourceTable.getKerntaak.path(crebo, kerntaak.code),
                    fields: [
                        heading("titel", kerntaak.titel),
                        heading("code", kerntaak.code),
                        body("complexiteit", kerntaak.complexiteit),
                        body(
                            "verantwoordelijkheidEnZelfstandigheid",
                            kerntaak.verantwoordelijkheidEnZelfstandigheid),
                    ].compactMap { $0 }))
            for aanvulling in kerntaak.aanvullend ?? [] {
                let context = Self.aanvulling(
                    aanvulling.profiel, of: dossier,
                    basis: ResourceTable.getKerntaak.path(crebo, kerntaak.code))
                let fields = [
                    body("aanvulling.complexiteit", aanvulling.complexiteit),
                    body(
                        "aanvulling.verantwoordelijkheidEnZelfstandigheid",
                        aanvulling.verantwoordelijkheidEnZelfstandigheid),
                ].compactMap { $0 }
                guard !fields.isEmpty else { continue }
                documents.append(
                    SearchDocument(
                        soort: .kerntaak, code: kerntaak.code, titel: kerntaak.titel, dossier: crebo,
                        path: ResourceTable.getDossierKwalificatieKerntaak.path(
                            crebo, aanvulling.profiel, kerntaak.code),
                        fields: fields, aanvulling: context))
            }
            for werkproces in kerntaak.werkprocessen {
                let path = ResourceTable.getWerkproces.path(crebo, werkproces.code)
                documents.append(
                    SearchDocument(
                        soort: .werkproces, code: werkproces.code, titel: werkproces.titel, dossier: crebo,
                        path: path,
                        fields: [
                            heading("titel", werkproces.titel),
                            heading("code", werkproces.code),
                            body("omschrijving", werkproces.omschrijving),
                            body("resultaat", werkproces.resultaat),
                        ].compactMap { $0 }))
                for gedrag in werkproces.gedrag ?? [] {
                    documents.append(
                        SearchDocument(
                            soort: .gedrag, code: werkproces.code, titel: werkproces.titel, dossier: crebo,
                            path: path, fields: [body("gedrag", gedrag)].compactMap { $0 }))
                }
                for aanvulling in werkproces.aanvullend ?? [] {
                    append(aanvulling, to: werkproces, in: dossier, to: &documents)
                }
            }
        }
        for item in dossier.vakkennis {
            documents.append(
                SearchDocument(
                    soort: .vakkennis, code: item.id, titel: item.tekst, dossier: crebo,
                    path: ResourceTable.getVakkennis.path(crebo, item.id),
                    fields: [body("tekst", item.tekst)].compactMap { $0 }))
        }
        for onderdeel in dossier.generiekeOnderdelen {
            documents.append(
                SearchDocument(
                    soort: .generiekOnderdeel, code: onderdeel.naam, titel: onderdeel.naam, dossier: crebo,
                    path: ResourceTable.getDossier.path(crebo),
                    fields: [
                        heading("naam", onderdeel.naam),
                        body("omschrijving", onderdeel.omschrijving),
                    ].compactMap { $0 }))
        }
        for keuzedeel in dossier.keuzedelen.items {
            documents.append(
                SearchDocument(
                    soort: .keuzedeel, code: keuzedeel.code, titel: keuzedeel.titel,
                    dossier: crebo, path: ResourceTable.getKeuzedelen.path(crebo),
                    fields: [
                        heading("titel", keuzedeel.titel),
                        heading("code", keuzedeel.code),
                    ].compactMap { $0 }))
        }
    }
}
