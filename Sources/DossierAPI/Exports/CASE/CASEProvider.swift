import Dossier

/// Every CASE 1.1 record the server offers, built once from the catalog: one CFDocument per
/// kwalificatie and one for the 25 SBB competenties, each with its CFPackage, items,
/// associations and item types, looked up by identifier.
///
/// The mapping:
/// - a kwalificatie's CFDocument holds the kerntaken that apply to it, each with its
///   werkprocessen, as composed for that kwalificatie (``SamengesteldeTekst``: the basis text
///   with the profiel's additions under the published label), and the vakkennis items of its
///   kerntaken; `humanCodingScheme` is the published code (`B1-K1-W1`);
/// - `isChildOf` associations, with `sequenceNumber` in published order, make the tree:
///   kerntaak → document, werkproces → kerntaak, vakkennis item → every kerntaak that lists it;
/// - a werkproces `isRelatedTo` each of its composed competenties in the competenties'
///   document. Not `isPartOf`, which would make the competentie a part of this one werkproces,
///   nor `precedes`, an order of learning: the SBB competenties are shared by every werkproces
///   that calls on them, which is the spec's general relation;
/// - identifiers ``CASEIdentifiers``, dates ``CASEDates``, URIs absolute on the public base URL.
public struct CASEProvider: Sendable {
    /// The documents, in order: every kwalificatie by dossier crebo and profiel, then the
    /// competenties.
    let documents: [CASEDocument]
    let items: [String: CASEItem]
    let associations: [String: CASEAssociation]
    /// For each item, the associations that start or end at it, in document order.
    let associationsOfItem: [String: [String]]
    /// The scheme, host and optional port (and path prefix) every URI starts with, no trailing `/`.
    let publicBaseURL: String
    /// `lastChangeDateTime` of the item types, drawn from every dossier.
    let itemTypeDateTime: String

    private let documentIndex: [String: Int]

    /// All records of `catalog`, with URIs on `publicBaseURL` (`http://localhost:8080`).
    public init(catalog: Catalog, publicBaseURL: String) {
        var base = publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.publicBaseURL = base
        itemTypeDateTime = CASEDates.lastChangeDateTime(catalog.dossiers)
        var builder = Builder(everyDossier: itemTypeDateTime)
        for dossier in catalog.dossiers {
            for kwalificatie in dossier.kwalificaties {
                guard let samengesteld = dossier.samengesteld(voor: kwalificatie.code) else { continue }
                builder.add(samengesteld, dossier: dossier)
            }
        }
        builder.addCompetenties()
        documents = builder.documents
        items = builder.items
        associations = builder.associations
        associationsOfItem = builder.associationsOfItem
        documentIndex = Dictionary(
            builder.documents.enumerated().map { ($1.identifier, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The document with this identifier.
    func document(_ identifier: String) -> CASEDocument? {
        documentIndex[identifier].map { documents[$0] }
    }

    /// The item types a document's items use, in ``CASEItemType/all`` order.
    func itemTypes(of document: CASEDocument) -> [CASEItemType] {
        let kinds = Set(document.items.compactMap { items[$0]?.type.kind })
        return CASEItemType.all.filter { kinds.contains($0.kind) }
    }

    /// The one place records are put together, so identifiers and order follow one rule.
    private struct Builder {
        let everyDossier: String
        var documents: [CASEDocument] = []
        var items: [String: CASEItem] = [:]
        var associations: [String: CASEAssociation] = [:]
        var associationsOfItem: [String: [String]] = [:]

        init(everyDossier: String) { self.everyDossier = everyDossier }

        mutating func add(_ k: SamengesteldeKwalificatie, dossier: Kwalificatiedossier) {
            let profiel = k.kwalificatie.code
            let date = CASEDates.lastChangeDateTime([dossier])
            var document = CASEDocument(
                identifier: CASEIdentifiers.document(dossier: dossier.crebo, profiel: profiel),
                title: k.kwalificatie.titel,
                creator: dossier.vastgesteldDoor ?? dossier.gevalideerdDoor ?? dossier.penvoerder ?? "",
                lastChangeDateTime: date)
            document.description = k.kwalificatie.typeringVanHetBeroep
            document.subject = dossier.opleidingsdomein.map { [$0.titel] }
            document.version = dossier.versie
            document.adoptionStatus = dossier.status
            document.statusStartDate = k.kwalificatie.geldigVanaf ?? dossier.geldigVanaf
            document.statusEndDate = k.kwalificatie.datumEindeOpleiding ?? dossier.datumEindeOpleiding
            var notes = [
                "Kwalificatiedossier: \(dossier.crebo) \(dossier.titel)",
                "Kwalificatie: \(profiel) \(k.kwalificatie.titel)",
            ]
            if let crebo = k.kwalificatie.crebo { notes.append("Crebo: \(crebo)") }
            if let niveau = k.kwalificatie.mboNiveau { notes.append("Mbo-niveau: \(niveau)") }
            document.notes = notes.joined(separator: "\n")
            document.apiPath = ResourceTable.getDossierKwalificatie.path(dossier.crebo, profiel)
            let documentNode = CASEAssociation.Node(
                identifier: document.identifier, title: document.title, isDocument: true)
            var vakkennisItems: [String: CASEItem] = [:]
            let documentIdentifier = document.identifier
            // A kerntaak and a werkproces are items alike: their code, their composed text.
            func composedItem(_ code: String, _ tekst: SamengesteldeTekst, _ type: CASEItemType) -> CASEItem {
                CASEItem(
                    identifier: CASEIdentifiers.item(dossier: dossier.crebo, profiel: profiel, code: code),
                    document: documentIdentifier, fullStatement: tekst.platteTekst,
                    abbreviatedStatement: tekst.titel, humanCodingScheme: code, type: type,
                    lastChangeDateTime: date)
            }

            for (kerntaakIndex, kerntaak) in k.kerntaken.enumerated() {
                let kerntaakItem = composedItem(
                    kerntaak.code, SamengesteldeTekst(kerntaak: kerntaak, kwalificatie: k.kwalificatie),
                    .kerntaak)
                add(kerntaakItem, to: &document)
                relate(kerntaakItem, "isChildOf", documentNode, sequence: kerntaakIndex + 1, in: &document)
                for (index, werkproces) in kerntaak.werkprocessen.enumerated() {
                    let item = composedItem(
                        werkproces.code,
                        SamengesteldeTekst(werkproces: werkproces, kwalificatie: k.kwalificatie), .werkproces)
                    add(item, to: &document)
                    relate(item, "isChildOf", node(kerntaakItem), sequence: index + 1, in: &document)
                    for (position, code) in (werkproces.competenties ?? []).enumerated() {
                        guard let competentie = Competentie.met(code: code) else { continue }
                        let destination = CASEAssociation.Node(
                            identifier: CASEIdentifiers.competentie(code),
                            title: code + " " + competentie.titel,
                            isDocument: false)
                        relate(item, "isRelatedTo", destination, sequence: position + 1, in: &document)
                    }
                }
                for (index, regel) in VakkennisRegel.regels(kerntaak, dossier: dossier).enumerated() {
                    let item =
                        vakkennisItems[regel.id]
                        ?? CASEItem(
                            identifier: CASEIdentifiers.vakkennis(
                                dossier: dossier.crebo, profiel: profiel, id: regel.id),
                            document: document.identifier, fullStatement: regel.tekst,
                            abbreviatedStatement: nil,
                            humanCodingScheme: nil, type: .vakkennis, lastChangeDateTime: date)
                    if vakkennisItems[regel.id] == nil {
                        vakkennisItems[regel.id] = item
                        add(item, to: &document)
                    }
                    relate(
                        item, "isChildOf", node(kerntaakItem),
                        sequence: kerntaak.werkprocessen.count + index + 1,
                        in: &document)
                }
            }
            documents.append(document)
        }

        mutating func addCompetenties() {
            var document = CASEDocument(
                identifier: CASEIdentifiers.competentiesDocument, title: "SBB-competenties", creator: "SBB",
                lastChangeDateTime: everyDossier)
            document.description =
                "De 25 competenties (A tot en met Y) waarop de werkprocessen van alle kwalificatiedossiers een beroep doen."
            document.apiPath = ResourceTable.listCompetenties.path()
            let documentNode = CASEAssociation.Node(
                identifier: document.identifier, title: document.title, isDocument: true)
            for (index, competentie) in Competentie.alle.enumerated() {
                let item = CASEItem(
                    identifier: CASEIdentifiers.competentie(competentie.code), document: document.identifier,
                    fullStatement: competentie.titel, abbreviatedStatement: competentie.titel,
                    humanCodingScheme: competentie.code, type: .competentie, lastChangeDateTime: everyDossier)
                add(item, to: &document)
                relate(item, "isChildOf", documentNode, sequence: index + 1, in: &document)
            }
            documents.append(document)
        }

        private func node(_ item: CASEItem) -> CASEAssociation.Node {
            CASEAssociation.Node(identifier: item.identifier, title: item.label, isDocument: false)
        }

        private mutating func add(_ item: CASEItem, to document: inout CASEDocument) {
            precondition(items[item.identifier] == nil, "two CASE items named \(item.identifier)")
            items[item.identifier] = item
            document.items.append(item.identifier)
        }

        private mutating func relate(
            _ origin: CASEItem, _ type: String, _ destination: CASEAssociation.Node, sequence: Int?,
            in document: inout CASEDocument
        ) {
            let association = CASEAssociation(
                identifier: CASEIdentifiers.association(
                    origin: origin.identifier, type: type, destination: destination.identifier),
                type: type, sequenceNumber: sequence, origin: node(origin), destination: destination,
                document: document.identifier, lastChangeDateTime: origin.lastChangeDateTime)
            precondition(
                associations[association.identifier] == nil, "two CASE associations \(association.identifier)"
            )
            associations[association.identifier] = association
            document.associations.append(association.identifier)
            associationsOfItem[origin.identifier, default: []].append(association.identifier)
            if !destination.isDocument {
                associationsOfItem[destination.identifier, default: []].append(association.identifier)
            }
        }
    }
}
