import Dossier

/// Lists every searchable item of the loaded dossiers as ``SearchDocument``s, in a fixed order
/// (dossier by dossier, in published order; the competenties last), which is also the order
/// ties are ranked in.
///
/// Each item's title, code and crebo (only where the source gives one) are its heading fields:
/// a crebo or code typed into the search box finds the item it names (see ``SearchIndex``).
/// A gedrag line or vakkennis item has no heading of its own: its text is body text, so a
/// werkproces whose title matches ranks above the gedrag lines under it that mention the
/// same word.
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
