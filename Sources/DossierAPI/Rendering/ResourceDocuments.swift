import Dossier

/// Every GET resource of the API except search, as JSON documents keyed by their path.
///
/// The paths are all known at start-up; each document is a closure that builds it, called
/// once, when the resource is first asked for (``RenderedResources``). A path that is not in
/// here does not exist (404), which is what makes the lookup on the hot path a single
/// dictionary probe. Building every document up front took seconds with 500 dossiers (a few
/// hundred megabytes of JSON, each byte hashed for its ETag), so only the paths are.
struct ResourceDocuments {
    /// One resource: how to build its JSON, and, for a second address of a resource, the
    /// canonical one (sent as `Content-Location`, RFC 9110 §8.7).
    struct Document: Sendable {
        let build: @Sendable () -> JSONValue
        let canonicalPath: String?
    }

    private(set) var documents: [String: Document] = [:]

    init(catalog: Catalog) {
        let representations = catalog.dossiers.map { Representation(dossier: $0, catalog: catalog) }
        add(ResourcePath.root, Self.entryPoint())
        add(
            ResourcePath.dossiers,
            Self.collection(
                items: representations.map { $0.dossierSummary() },
                self: ResourcePath.dossiers, parent: ResourcePath.root))
        add(
            ResourcePath.kwalificaties,
            Self.collection(
                items: representations.flatMap { r in
                    r.dossier.kwalificaties.map { r.kwalificatie($0, full: false) }
                },
                self: ResourcePath.kwalificaties, parent: ResourcePath.root))
        for representation in representations {
            addDossier(representation)
        }
        addCompetenties(catalog: catalog, representations: representations)
    }

    /// Adds the resource at `path`; `document` is evaluated when it is first asked for.
    /// `canonicalPath` is given when `path` is a second address for a resource that lives there.
    private mutating func add(
        _ path: String, _ document: @autoclosure @escaping @Sendable () -> JSONValue,
        canonicalPath: String? = nil
    ) {
        precondition(documents[path] == nil, "two resources rendered at \(path)")
        documents[path] = Document(build: document, canonicalPath: canonicalPath)
    }

    private static func entryPoint() -> JSONValue {
        .object([
            "titel": .string("Kwalificatiedossier-API"),
            "beschrijving": .string(
                "MBO-kwalificatiedossiers van SBB: dossiers, kwalificaties, kerntaken, werkprocessen, "
                    + "competenties en vakkennis, met zoeken."),
            "links": .object([
                "self": .string(ResourcePath.root),
                "dossiers": .string(ResourcePath.dossiers),
                "kwalificaties": .string(ResourcePath.kwalificaties),
                "competenties": .string(ResourcePath.competenties),
                "zoeken": .string(ResourcePath.zoeken + "?q={q}"),
                "openapi": .string(ResourcePath.openAPI),
            ]),
        ])
    }

    private static func collection(
        dossier: JSONValue? = nil, items: [JSONValue], self path: String, parent: String
    ) -> JSONValue {
        var object: JSONObject = [:]
        if let dossier { object.append("dossier", dossier) }
        object.append("aantal", .int(items.count))
        object.append("items", .array(items))
        object.append("links", .object(["self": .string(path), "parent": .string(parent)]))
        return .object(object)
    }

    private mutating func addDossier(_ r: Representation) {
        let crebo = r.dossier.crebo
        let dossierPath = ResourcePath.dossier(crebo)
        let reference = r.dossierReference()
        add(dossierPath, r.dossierFull())

        add(
            ResourcePath.kwalificaties(crebo),
            Self.collection(
                dossier: reference, items: r.dossier.kwalificaties.map { r.kwalificatie($0, full: false) },
                self: ResourcePath.kwalificaties(crebo), parent: dossierPath))
        for kwalificatie in r.dossier.kwalificaties {
            add(
                ResourcePath.kwalificatie(crebo, profiel: kwalificatie.code),
                r.kwalificatie(kwalificatie, full: true))
            if let own = kwalificatie.crebo {
                // The same kwalificatie by its own crebo: its `self` link, and Content-Location,
                // name the address under the dossier.
                add(
                    ResourcePath.kwalificatie(crebo: own), r.kwalificatie(kwalificatie, full: true),
                    canonicalPath: ResourcePath.kwalificatie(crebo, profiel: kwalificatie.code))
            }
        }

        add(
            ResourcePath.kerntaken(crebo),
            Self.collection(
                dossier: reference, items: r.dossier.kerntaken.map(r.kerntaak),
                self: ResourcePath.kerntaken(crebo), parent: dossierPath))
        for kerntaak in r.dossier.kerntaken {
            add(ResourcePath.kerntaak(crebo, kerntaak.code), r.kerntaak(kerntaak))
        }

        let werkprocessen = r.dossier.kerntaken.flatMap { k in k.werkprocessen.map { (k, $0) } }
        add(
            ResourcePath.werkprocessen(crebo),
            Self.collection(
                dossier: reference, items: werkprocessen.map { r.werkproces($1, in: $0) },
                self: ResourcePath.werkprocessen(crebo), parent: dossierPath))
        for (kerntaak, werkproces) in werkprocessen {
            add(ResourcePath.werkproces(crebo, werkproces.code), r.werkproces(werkproces, in: kerntaak))
        }

        var keuzedelen: JSONObject = ["dossier": reference]
        for member in r.keuzedelen().members { keuzedelen.append(member.key, member.value) }
        keuzedelen.append(
            "links",
            .object(["self": .string(ResourcePath.keuzedelen(crebo)), "parent": .string(dossierPath)]))
        let keuzedelenDocument = JSONValue.object(keuzedelen)
        add(ResourcePath.keuzedelen(crebo), keuzedelenDocument)

        add(
            ResourcePath.vakkennis(crebo),
            Self.collection(
                dossier: reference, items: r.dossier.vakkennis.map(r.vakkennisItem),
                self: ResourcePath.vakkennis(crebo), parent: dossierPath))
        for item in r.dossier.vakkennis {
            add(ResourcePath.vakkennisItem(crebo, item.id), r.vakkennisItem(item))
        }
    }

    private mutating func addCompetenties(catalog: Catalog, representations: [Representation]) {
        let byCrebo = Dictionary(
            representations.map { ($0.dossier.crebo, $0) }, uniquingKeysWith: { first, _ in first })
        // Grouped by dossier once, here: filtering the callers of every column for every
        // dossier's matrix would be quadratic in the number of dossiers.
        var callersByDossier: [String: [String: [String]]] = [:]
        for competentie in catalog.competenties {
            for verwijzing in catalog.werkprocessen(competentie: competentie.code) {
                callersByDossier[verwijzing.dossierCrebo, default: [:]][competentie.code, default: []]
                    .append(verwijzing.werkprocesCode)
            }
        }
        for r in representations {
            let columns = callersByDossier[r.dossier.crebo] ?? [:]
            add(
                ResourcePath.competentieMatrix(r.dossier.crebo),
                Self.competentieMatrix(r, columns: columns, competenties: catalog.competenties))
        }
        add(ResourcePath.competenties, Self.competentieList(catalog: catalog))
        for competentie in catalog.competenties {
            add(
                ResourcePath.competentie(competentie.code),
                Self.competentie(competentie, catalog: catalog, byCrebo: byCrebo))
        }
    }

    /// Both directions of werkproces ↔ competentie come from the catalog's one index, so the
    /// matrix rows, its columns (`columns`: competentie code → this dossier's werkproces codes)
    /// and /competenties/{code} cannot disagree.
    private static func competentieMatrix(
        _ r: Representation, columns: [String: [String]], competenties: [Competentie]
    ) -> JSONValue {
        let crebo = r.dossier.crebo
        let rows: [JSONValue] = r.dossier.kerntaken.flatMap { kerntaak in
            kerntaak.werkprocessen.map { werkproces in
                .object([
                    "code": .string(werkproces.code),
                    "titel": .string(werkproces.titel),
                    "kerntaak": .string(kerntaak.code),
                    "competenties": .strings(werkproces.competenties),
                    "links": r.links(self: ResourcePath.werkproces(crebo, werkproces.code)),
                ])
            }
        }
        let columnValues: [JSONValue] = competenties.map { competentie in
            .object([
                "code": .string(competentie.code),
                "titel": .string(competentie.titel),
                "werkprocessen": .strings(columns[competentie.code] ?? []),
                "links": r.links(self: ResourcePath.competentie(competentie.code)),
            ])
        }
        return .object([
            "dossier": r.dossierReference(),
            "competenties": .array(columnValues),
            "werkprocessen": .array(rows),
            "links": .object([
                "self": .string(ResourcePath.competentieMatrix(crebo)),
                "parent": .string(ResourcePath.dossier(crebo)),
            ]),
        ])
    }

    private static func competentieList(catalog: Catalog) -> JSONValue {
        collection(
            items: catalog.competenties.map { competentie in
                .object([
                    "code": .string(competentie.code),
                    "titel": .string(competentie.titel),
                    "aantalWerkprocessen": .int(catalog.werkprocessen(competentie: competentie.code).count),
                    "links": .object(["self": .string(ResourcePath.competentie(competentie.code))]),
                ])
            },
            self: ResourcePath.competenties, parent: ResourcePath.root)
    }

    private static func competentie(
        _ competentie: Competentie, catalog: Catalog, byCrebo: [String: Representation]
    ) -> JSONValue {
        let callers: [JSONValue] = catalog.werkprocessen(competentie: competentie.code).compactMap {
            verwijzing in
            guard let r = byCrebo[verwijzing.dossierCrebo],
                let found = r.werkproces(code: verwijzing.werkprocesCode)
            else { return nil }
            return .object([
                "dossier": r.dossierReference(),
                "kerntaak": .string(verwijzing.kerntaakCode),
                "code": .string(verwijzing.werkprocesCode),
                "titel": .string(found.titel),
                "links": r.links(
                    self: ResourcePath.werkproces(verwijzing.dossierCrebo, verwijzing.werkprocesCode)),
            ])
        }
        return .object([
            "code": .string(competentie.code),
            "titel": .string(competentie.titel),
            "werkprocessen": .array(callers),
            "links": .object([
                "self": .string(ResourcePath.competentie(competentie.code)),
                "parent": .string(ResourcePath.competenties),
            ]),
        ])
    }
}
