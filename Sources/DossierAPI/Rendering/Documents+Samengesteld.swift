import Dossier
import HTTPServer

/// The builders of a kwalificatie's composed kerntaken and werkprocessen: every one that
/// applies to it, each with the basis texts and only this profiel's additions, at an address of
/// its own under the kwalificatie (so one without a crebo has them too), and at the same
/// address under the kwalificatie's own crebo where the source gives one.
extension Documents {
    static func samengesteldeKerntaakList(_ context: DocumentContext) -> [Document] {
        composedCollections(
            context, ResourceTable.listDossierKwalificatieKerntaken,
            alias: ResourceTable.listKwalificatieKerntaken
        ) { r, samengesteld in
            samengesteld.kerntaken.map { r.samengesteldeKerntaak($0, of: samengesteld.kwalificatie) }
        }
    }

    static func samengesteldeKerntaak(_ context: DocumentContext) -> [Document] {
        perKwalificatie(context) { r, samengesteld in
            samengesteld.kerntaken.map { kerntaak in
                Document([r.crebo, samengesteld.kwalificatie.code, kerntaak.code]) {
                    r.samengesteldeKerntaak(kerntaak, of: samengesteld.kwalificatie, standalone: true)
                }
            }
        }
    }

    static func samengesteldWerkprocesList(_ context: DocumentContext) -> [Document] {
        composedCollections(
            context, ResourceTable.listDossierKwalificatieWerkprocessen,
            alias: ResourceTable.listKwalificatieWerkprocessen
        ) { r, samengesteld in
            samengesteld.kerntaken.flatMap { kerntaak in
                kerntaak.werkprocessen.map {
                    r.samengesteldWerkproces($0, in: kerntaak.kerntaak, of: samengesteld.kwalificatie)
                }
            }
        }
    }

    static func samengesteldWerkproces(_ context: DocumentContext) -> [Document] {
        perKwalificatie(context) { r, samengesteld in
            samengesteld.kerntaken.flatMap { kerntaak in
                kerntaak.werkprocessen.map { werkproces in
                    Document([r.crebo, samengesteld.kwalificatie.code, werkproces.code]) {
                        r.samengesteldWerkproces(
                            werkproces, in: kerntaak.kerntaak, of: samengesteld.kwalificatie, standalone: true
                        )
                    }
                }
            }
        }
    }

    /// The documents of `canonical` (a row under `/api/v1/dossiers/{crebo}/kwalificaties/{profiel}`)
    /// again at the kwalificatie's own crebo: the same bytes, with `Content-Location` naming
    /// the canonical address (RFC 9110 §8.7), as `/api/v1/kwalificaties/{crebo}` does. A
    /// kwalificatie whose source gives no crebo has the canonical address only.
    static func alias(of canonical: Resource) -> @Sendable (DocumentContext) -> [Document] {
        { context in
            guard case .rendered(let build) = canonical.answer else { return [] }
            var own: [[String]: String] = [:]
            for r in context.dossiers {
                for k in r.dossier.kwalificaties {
                    if let crebo = k.crebo { own[[r.crebo, k.code]] = crebo }
                }
            }
            return build(context).compactMap { document in
                guard document.values.count >= 2, let crebo = own[Array(document.values.prefix(2))] else {
                    return nil
                }
                var headers = document.headers
                headers.append(name: "Content-Location", value: canonical.path(document.values))
                return Document(
                    [crebo] + document.values.dropFirst(2), headers: headers, bytes: document.render)
            }
        }
    }

    // MARK: Shapes

    /// Every kwalificatie's composed requirements, dossier by dossier, with `documents` of each.
    private static func perKwalificatie(
        _ context: DocumentContext,
        _ documents: (Representation, SamengesteldeKwalificatie) -> [Document]
    ) -> [Document] {
        context.dossiers.flatMap { r in r.samengesteld.flatMap { documents(r, $0) } }
    }

    /// One collection of `resource` per kwalificatie, of the composed `items`: the kwalificatie
    /// and dossier it belongs to, the count, the items, the links (with the same list at the
    /// kwalificatie's own crebo, `alias`, where the source gives one).
    private static func composedCollections(
        _ context: DocumentContext, _ resource: Resource, alias: Resource,
        items: @escaping @Sendable (Representation, SamengesteldeKwalificatie) -> [JSONValue]
    ) -> [Document] {
        perKwalificatie(context) { r, samengesteld in
            [
                Document([r.crebo, samengesteld.kwalificatie.code]) {
                    composedCollection(
                        r, samengesteld.kwalificatie, resource,
                        alias: samengesteld.kwalificatie.crebo.map { alias.path($0) },
                        items: items(r, samengesteld))
                }
            ]
        }
    }

    private static func composedCollection(
        _ r: Representation, _ k: Kwalificatie, _ resource: Resource, alias: String?, items: [JSONValue]
    ) -> JSONValue {
        var extra: JSONObject = ["dossier": .string(ResourceTable.getDossier.path(r.crebo))]
        if let alias { extra.append("alias", .string(alias)) }
        return .object([
            "kwalificatie": r.kwalificatieReference(k),
            "dossier": r.dossierReference(),
            "aantal": .int(items.count),
            "items": .array(items),
            "links": resource.links(
                [r.crebo, k.code], parent: ResourceTable.getDossierKwalificatie.path(r.crebo, k.code),
                extra: extra),
        ])
    }
}
