/// The document builders of ``ResourceTable``: one function per rendered row, from the
/// ``DocumentContext`` to every instance of the row that the catalog holds.
///
/// A builder only finds the instances and says how to build each; the bodies are built when a
/// resource is first asked for (``RenderedResources``). The shapes themselves are
/// ``Representation``'s.
enum Documents {
    // MARK: Start

    static func entryPoint(_ context: DocumentContext) -> [Document] {
        [
            Document {
                .object([
                    "titel": .string("Kwalificatiedossier-API"),
                    "beschrijving": .string(
                        "MBO-kwalificatiedossiers van SBB: dossiers, kwalificaties, kerntaken, werkprocessen, "
                            + "competenties en vakkennis, met zoeken."),
                    "dataVersie": .string(context.dataVersion),
                    "links": ResourceTable.getEntryPoint.links(
                        [],
                        extra: [
                            "openapi": .string(ResourceTable.getOpenAPI.path()),
                            "case": .string(ResourceTable.getAllCFDocuments.path()),
                        ]),
                ])
            }
        ]
    }

    // MARK: Dossiers

    static func dossierList(_ context: DocumentContext) -> [Document] {
        [
            Document {
                collection(
                    items: context.dossiers.map { $0.dossierSummary() }, ResourceTable.listDossiers, [],
                    parent: ResourceTable.getEntryPoint.path())
            }
        ]
    }

    static func dossier(_ context: DocumentContext) -> [Document] {
        context.dossiers.map { r in Document([r.crebo]) { r.dossierFull() } }
    }

    // MARK: Kwalificaties

    static func dossierKwalificaties(_ context: DocumentContext) -> [Document] {
        perDossier(context, ResourceTable.listDossierKwalificaties) { r in
            r.dossier.kwalificaties.map { r.kwalificatie($0, full: false) }
        }
    }

    static func kwalificatie(_ context: DocumentContext) -> [Document] {
        context.dossiers.flatMap { r in
            r.dossier.kwalificaties.map { k in Document([r.crebo, k.code]) { r.kwalificatie(k, full: true) } }
        }
    }

    static func kwalificatieList(_ context: DocumentContext) -> [Document] {
        [
            Document {
                collection(
                    items: context.dossiers.flatMap { r in
                        r.dossier.kwalificaties.map { r.kwalificatie($0, full: false) }
                    },
                    ResourceTable.listKwalificaties, [], parent: ResourceTable.getEntryPoint.path())
            }
        ]
    }

    /// The kwalificaties that have a crebo of their own, at that crebo too: the same document,
    /// whose `self` link and `Content-Location` name the address under the dossier.
    static func kwalificatieByCrebo(_ context: DocumentContext) -> [Document] {
        context.dossiers.flatMap { r in
            r.dossier.kwalificaties.compactMap { k in
                k.crebo.map { own in
                    Document(
                        [own], contentLocation: ResourceTable.getDossierKwalificatie.path(r.crebo, k.code)
                    ) { r.kwalificatie(k, full: true) }
                }
            }
        }
    }

    // MARK: Kerntaken and werkprocessen

    static func kerntaakList(_ context: DocumentContext) -> [Document] {
        perDossier(context, ResourceTable.listKerntaken) { r in r.dossier.kerntaken.map(r.kerntaak) }
    }

    static func kerntaak(_ context: DocumentContext) -> [Document] {
        context.dossiers.flatMap { r in
            r.dossier.kerntaken.map { k in Document([r.crebo, k.code]) { r.kerntaak(k) } }
        }
    }

    static func werkprocesList(_ context: DocumentContext) -> [Document] {
        perDossier(context, ResourceTable.listWerkprocessen) { r in
            r.dossier.kerntaken.flatMap { k in k.werkprocessen.map { r.werkproces($0, in: k) } }
        }
    }

    static func werkproces(_ context: DocumentContext) -> [Document] {
        context.dossiers.flatMap { r in
            r.dossier.kerntaken.flatMap { k in
                k.werkprocessen.map { w in Document([r.crebo, w.code]) { r.werkproces(w, in: k) } }
            }
        }
    }

    // MARK: Keuzedelen and vakkennis

    static func keuzedelen(_ context: DocumentContext) -> [Document] {
        context.dossiers.map { r in
            Document([r.crebo]) {
                var keuzedelen: JSONObject = ["dossier": r.dossierReference()]
                for member in r.keuzedelen().members { keuzedelen.append(member.key, member.value) }
                keuzedelen.append(
                    "links",
                    ResourceTable.getKeuzedelen.links(
                        [r.crebo], parent: ResourceTable.getDossier.path(r.crebo)))
                return .object(keuzedelen)
            }
        }
    }

    static func vakkennisList(_ context: DocumentContext) -> [Document] {
        perDossier(context, ResourceTable.listVakkennis) { r in r.dossier.vakkennis.map(r.vakkennisItem) }
    }

    static func vakkennisItem(_ context: DocumentContext) -> [Document] {
        context.dossiers.flatMap { r in
            r.dossier.vakkennis.map { item in Document([r.crebo, item.id]) { r.vakkennisItem(item) } }
        }
    }

    // MARK: Shapes shared by the builders

    /// A collection of each dossier's `items`, at `resource` under the dossier.
    static func perDossier(
        _ context: DocumentContext, _ resource: Resource,
        items: @escaping @Sendable (Representation) -> [JSONValue]
    ) -> [Document] {
        context.dossiers.map { r in
            Document([r.crebo]) {
                collection(
                    dossier: r.dossierReference(), items: items(r), resource, [r.crebo],
                    parent: ResourceTable.getDossier.path(r.crebo))
            }
        }
    }

    /// A collection: the dossier it belongs to (if any), the count, the items, the links.
    static func collection(
        dossier: JSONValue? = nil, items: [JSONValue], _ resource: Resource, _ values: [String],
        parent: String
    ) -> JSONValue {
        var object: JSONObject = [:]
        if let dossier { object.append("dossier", dossier) }
        object.append("aantal", .int(items.count))
        object.append("items", .array(items))
        object.append("links", resource.links(values, parent: parent))
        return .object(object)
    }
}
