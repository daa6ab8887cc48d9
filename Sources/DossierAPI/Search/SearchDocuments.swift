import Dossier

/// Lists every searchable item of the loaded dossiers as ``SearchDocument``s, in a fixed order
/// (dossier by dossier, in published order; the competenties last), which is also the order
/// ties are ranked in.
enum SearchDocuments {
    private static let titleWeight = 3.0

    static func make(dossiers: [Kwalificatiedossier], competenties: [Competentie]) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for dossier in dossiers {
            append(dossier, to: &documents)
        }
        for competentie in competenties {
            documents.append(
                SearchDocument(
                    soort: .competentie, code: competentie.code, titel: competentie.titel, dossier: nil,
                    path: ResourcePath.competentie(competentie.code),
                    fields: [field("titel", competentie.titel, weight: titleWeight)].compactMap { $0 }))
        }
        return documents
    }

    private static func field(_ name: String, _ text: String?, weight: Double = 1) -> SearchDocument.Field? {
        guard let text, !text.isEmpty else { return nil }
        return SearchDocument.Field(name: name, text: text, weight: weight)
    }

    private static func append(_ dossier: Kwalificatiedossier, to documents: inout [SearchDocument]) {
        let crebo = dossier.crebo
        documents.append(
            SearchDocument(
                soort: .dossier, code: crebo, titel: dossier.titel, dossier: crebo,
                path: ResourcePath.dossier(crebo),
                fields: [
                    field("titel", dossier.titel, weight: titleWeight),
                    field("context", dossier.typering.context),
                    field("beroepshouding", dossier.typering.beroepshouding),
                    field("resultaat", dossier.typering.resultaat),
                ].compactMap { $0 }))
        for kwalificatie in dossier.kwalificaties {
            documents.append(
                SearchDocument(
                    soort: .kwalificatie, code: kwalificatie.code, titel: kwalificatie.titel, dossier: crebo,
                    path: ResourcePath.kwalificatie(crebo, profiel: kwalificatie.code),
                    fields: [
                        field("titel", kwalificatie.titel, weight: titleWeight),
                        field("typeringVanHetBeroep", kwalificatie.typeringVanHetBeroep),
                        field("toelichtingBeroepsvereisten", kwalificatie.toelichtingBeroepsvereisten),
                    ].compactMap { $0 }))
        }
        for kerntaak in dossier.kerntaken {
            documents.append(
                SearchDocument(
                    soort: .kerntaak, code: kerntaak.code, titel: kerntaak.titel, dossier: crebo,
                    path: ResourcePath.kerntaak(crebo, kerntaak.code),
                    fields: [
                        field("code", kerntaak.code, weight: titleWeight),
                        field("titel", kerntaak.titel, weight: titleWeight),
                        field("complexiteit", kerntaak.complexiteit),
                        field(
                            "verantwoordelijkheidEnZelfstandigheid",
                            kerntaak.verantwoordelijkheidEnZelfstandigheid),
                    ].compactMap { $0 }))
            for werkproces in kerntaak.werkprocessen {
                let path = ResourcePath.werkproces(crebo, werkproces.code)
                documents.append(
                    SearchDocument(
                        soort: .werkproces, code: werkproces.code, titel: werkproces.titel, dossier: crebo,
                        path: path,
                        fields: [
                            field("code", werkproces.code, weight: titleWeight),
                            field("titel", werkproces.titel, weight: titleWeight),
                            field("omschrijving", werkproces.omschrijving),
                            field("resultaat", werkproces.resultaat),
                        ].compactMap { $0 }))
                for gedrag in werkproces.gedrag ?? [] {
                    documents.append(
                        SearchDocument(
                            soort: .gedrag, code: werkproces.code, titel: werkproces.titel, dossier: crebo,
                            path: path, fields: [field("gedrag", gedrag)].compactMap { $0 }))
                }
            }
        }
        for item in dossier.vakkennis {
            documents.append(
                SearchDocument(
                    soort: .vakkennis, code: item.id, titel: item.tekst, dossier: crebo,
                    path: ResourcePath.vakkennisItem(crebo, item.id),
                    fields: [field("tekst", item.tekst)].compactMap { $0 }))
        }
        for onderdeel in dossier.generiekeOnderdelen {
            documents.append(
                SearchDocument(
                    soort: .generiekOnderdeel, code: onderdeel.naam, titel: onderdeel.naam, dossier: crebo,
                    path: ResourcePath.dossier(crebo),
                    fields: [
                        field("naam", onderdeel.naam, weight: titleWeight),
                        field("omschrijving", onderdeel.omschrijving),
                    ].compactMap { $0 }))
        }
        for keuzedeel in dossier.keuzedelen.items {
            documents.append(
                SearchDocument(
                    soort: .keuzedeel, code: keuzedeel.code, titel: keuzedeel.titel,
                    dossier: crebo, path: ResourcePath.keuzedelen(crebo),
                    fields: [
                        field("code", keuzedeel.code, weight: titleWeight),
                        field("titel", keuzedeel.titel, weight: titleWeight),
                    ].compactMap { $0 }))
        }
    }
}
