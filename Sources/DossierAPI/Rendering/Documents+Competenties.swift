import Dossier

extension Documents {
    /// Both directions of werkproces ↔ competentie come from the catalog's one index, so the
    /// matrix rows, its columns (``DocumentContext/callersByDossier``) and
    /// /competenties/{code} cannot disagree.
    static func competentieMatrix(_ context: DocumentContext) -> [Document] {
        context.dossiers.map { r in
            let columns = context.callersByDossier[r.crebo] ?? [:]
            let alleenVoor = context.alleenVoorByDossier[r.crebo] ?? [:]
            return Document([r.crebo]) {
                competentieMatrix(
                    r, columns: columns, alleenVoor: alleenVoor, competenties: context.catalog.competenties)
            }
        }
    }

    /// Each row and column also names what holds for some profielen only (`alleenVoor`): the
    /// competenties an addition gives a werkproces, with the profielen whose kwalificaties
    /// have them; `competenties` and `werkprocessen` stay what holds for every kwalificatie.
    private static func competentieMatrix(
        _ r: Representation, columns: [String: [String]], alleenVoor: [String: [AlleenVoor]],
        competenties: [Competentie]
    ) -> JSONValue {
        let crebo = r.crebo
        let rows: [JSONValue] = r.dossier.kerntaken.flatMap { kerntaak in
            kerntaak.werkprocessen.map { werkproces in
                .object([
                    "code": .string(werkproces.code),
                    "titel": .string(werkproces.titel),
                    "kerntaak": .string(kerntaak.code),
                    "competenties": .strings(werkproces.competenties),
                    "alleenVoor": .array(
                        AlleenVoor.competenties(of: werkproces).map { entry in
                            .object([
                                "competentie": .string(entry.item), "profielen": r.profielen(entry.profielen),
                            ])
                        }),
                    "links": r.links(self: ResourceTable.getWerkproces.path(crebo, werkproces.code)),
                ])
            }
        }
        let columnValues: [JSONValue] = competenties.map { competentie in
            .object([
                "code": .string(competentie.code),
                "titel": .string(competentie.titel),
                "werkprocessen": .strings(columns[competentie.code] ?? []),
                "alleenVoor": .array(
                    (alleenVoor[competentie.code] ?? []).map { entry in
                        .object([
                            "werkproces": .string(entry.item), "profielen": r.profielen(entry.profielen),
                        ])
                    }),
                "links": r.links(self: ResourceTable.getCompetentie.path(competentie.code)),
            ])
        }
        return .object([
            "dossier": r.dossierReference(),
            "competenties": .array(columnValues),
            "werkprocessen": .array(rows),
            "links": ResourceTable.getCompetentieMatrix.links(
                [crebo], parent: ResourceTable.getDossier.path(crebo)),
        ])
    }

    static func competentieList(_ context: DocumentContext) -> [Document] {
        let catalog = context.catalog
        return [
            Document {
                collection(
                    items: catalog.competenties.map { competentie in
                        .object([
                            "code": .string(competentie.code),
                            "titel": .string(competentie.titel),
                            "aantalWerkprocessen": .int(
                                catalog.werkprocessen(competentie: competentie.code).count),
                            "links": .object([
                                "self": .string(ResourceTable.getCompetentie.path(competentie.code))
                            ]),
                        ])
                    },
                    ResourceTable.listCompetenties, [], parent: ResourceTable.getEntryPoint.path())
            }
        ]
    }

    static func competentie(_ context: DocumentContext) -> [Document] {
        context.catalog.competenties.map { competentie in
            Document([competentie.code]) { Self.competentie(competentie, context: context) }
        }
    }

    private static func competentie(_ competentie: Competentie, context: DocumentContext) -> JSONValue {
        let callers: [JSONValue] = context.catalog.werkprocessen(competentie: competentie.code).compactMap {
            verwijzing in
            guard let r = context.byCrebo[verwijzing.dossierCrebo],
                let found = r.werkproces(code: verwijzing.werkprocesCode)
            else { return nil }
            return .object([
                "dossier": r.dossierReference(),
                "kerntaak": .string(verwijzing.kerntaakCode),
                "code": .string(verwijzing.werkprocesCode),
                "titel": .string(found.titel),
                "links": r.links(
                    self: ResourceTable.getWerkproces.path(verwijzing.dossierCrebo, verwijzing.werkprocesCode)
                ),
            ])
        }
        // Dossiers in catalog order, as `werkprocessen`.
        let alleenVoor: [JSONValue] = context.dossiers.flatMap { r in
            (context.alleenVoorByDossier[r.crebo]?[competentie.code] ?? []).compactMap {
                entry -> JSONValue? in
                guard let found = context.catalog.werkproces(code: entry.item, dossier: r.crebo) else {
                    return nil
                }
                return .object([
                    "dossier": r.dossierReference(),
                    "kerntaak": .string(found.kerntaak.code),
                    "code": .string(entry.item),
                    "titel": .string(found.werkproces.titel),
                    "profielen": r.profielen(entry.profielen),
                    "links": r.links(self: ResourceTable.getWerkproces.path(r.crebo, entry.item)),
                ])
            }
        }
        return .object([
            "code": .string(competentie.code),
            "titel": .string(competentie.titel),
            "werkprocessen": .array(callers),
            "alleenVoor": .array(alleenVoor),
            "links": ResourceTable.getCompetentie.links(
                [competentie.code], parent: ResourceTable.listCompetenties.path()),
        ])
    }
}
