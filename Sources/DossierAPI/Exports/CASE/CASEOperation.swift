/// The 12 GET operations of the CASE 1.1 REST binding, named by their official operationIds,
/// and how each answers for one `sourcedId`.
public enum CASEOperation: String, CaseIterable, Sendable {
    case getAllCFDocuments, getCFDocument, getCFPackage, getCFItem, getCFItemAssociations, getCFAssociation
    case getCFItemType, getCFConcept, getCFSubject, getCFLicense, getCFRubric, getCFAssociationGrouping

    /// The path template, as in the official OpenAPI (under ``CASEPath/base``).
    public var template: String {
        switch self {
        case .getAllCFDocuments: CASEPath.documents
        case .getCFDocument: CASEPath.documents + "/{sourcedId}"
        case .getCFPackage: CASEPath.base + "/CFPackages/{sourcedId}"
        case .getCFItem: CASEPath.base + "/CFItems/{sourcedId}"
        case .getCFItemAssociations: CASEPath.base + "/CFItemAssociations/{sourcedId}"
        case .getCFAssociation: CASEPath.base + "/CFAssociations/{sourcedId}"
        case .getCFItemType: CASEPath.base + "/CFItemTypes/{sourcedId}"
        case .getCFConcept: CASEPath.base + "/CFConcepts/{sourcedId}"
        case .getCFSubject: CASEPath.base + "/CFSubjects/{sourcedId}"
        case .getCFLicense: CASEPath.base + "/CFLicenses/{sourcedId}"
        case .getCFRubric: CASEPath.base + "/CFRubrics/{sourcedId}"
        case .getCFAssociationGrouping: CASEPath.base + "/CFAssociationGroupings/{sourcedId}"
        }
    }

    /// What a record of this operation is called in an error's description.
    var noun: String {
        switch self {
        case .getAllCFDocuments, .getCFDocument: "CFDocument"
        case .getCFPackage: "CFPackage"
        case .getCFItem, .getCFItemAssociations: "CFItem"
        case .getCFAssociation: "CFAssociation"
        case .getCFItemType: "CFItemType"
        case .getCFConcept: "CFConcept"
        case .getCFSubject: "CFSubject"
        case .getCFLicense: "CFLicense"
        case .getCFRubric: "CFRubric"
        case .getCFAssociationGrouping: "CFAssociationGrouping"
        }
    }
}

extension CASEProvider {
    /// Every record an operation with a `sourcedId` answers with, as (sourcedId, builder): what
    /// the server pre-renders. Concepts, subjects, licences, rubrics and association groupings
    /// have none (the dossiers define none), so those operations always answer 404.
    public func records(_ operation: CASEOperation) -> [(sourcedId: String, build: @Sendable () -> JSONValue)]
    {
        let provider = self
        switch operation {
        case .getCFDocument:
            return documents.map { d in (d.identifier, { provider.json(d, inPackage: false) }) }
        case .getCFPackage:
            return documents.map { d in (d.identifier, { provider.package(d) }) }
        case .getCFItem:
            return orderedItems.map { i in (i.identifier, { provider.json(i, inPackage: false) }) }
        case .getCFItemAssociations:
            return orderedItems.map { i in (i.identifier, { provider.itemAssociations(i) }) }
        case .getCFAssociation:
            return documents.flatMap(\.associations).compactMap { associations[$0] }.map { a in
                (a.identifier, { provider.json(a, inPackage: false) })
            }
        case .getCFItemType:
            return CASEItemType.all.map { t in (t.identifier, { provider.itemTypeSet(t) }) }
        case .getAllCFDocuments, .getCFConcept, .getCFSubject, .getCFLicense, .getCFRubric,
            .getCFAssociationGrouping:
            return []
        }
    }

    /// The answer of `operation` for `sourcedId`: its record, or the binding's 404.
    public func answer(_ operation: CASEOperation, sourcedId: String) -> Result<JSONValue, CASEStatusInfo> {
        switch operation {
        case .getCFDocument: if let d = document(sourcedId) { return .success(json(d, inPackage: false)) }
        case .getCFPackage: if let d = document(sourcedId) { return .success(package(d)) }
        case .getCFItem: if let i = items[sourcedId] { return .success(json(i, inPackage: false)) }
        case .getCFItemAssociations: if let i = items[sourcedId] { return .success(itemAssociations(i)) }
        case .getCFAssociation:
            if let a = associations[sourcedId] { return .success(json(a, inPackage: false)) }
        case .getCFItemType:
            if let t = CASEItemType.all.first(where: { $0.identifier == sourcedId }) {
                return .success(itemTypeSet(t))
            }
        case .getAllCFDocuments, .getCFConcept, .getCFSubject, .getCFLicense, .getCFRubric,
            .getCFAssociationGrouping:
            break
        }
        return .failure(.notFound(sourcedId, kind: operation.noun))
    }

    /// Every item, documents in order, each document's items in order.
    private var orderedItems: [CASEItem] {
        documents.flatMap(\.items).compactMap { items[$0] }
    }
}
