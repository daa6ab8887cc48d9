/// The records written as CASE 1.1 JSON, with members in the order of the official schemas.
///
/// A record inside a CFPackage and the same record on its own differ where the schemas do: a
/// package's CFDocument has no `CFPackageURI`, its CFItems no `CFDocumentURI` (both are
/// required on their own), and the package's associations no `CFDocumentURI`.
extension CASEProvider {
    /// The CFPackage of a document: the document, its items, its associations and the item
    /// types they use.
    func package(_ document: CASEDocument) -> JSONValue {
        .object([
            "CFDocument": json(document, inPackage: true),
            "CFItems": .array(document.items.compactMap { items[$0] }.map { json($0, inPackage: true) }),
            "CFAssociations": .array(
                document.associations.compactMap { associations[$0] }.map { json($0, inPackage: true) }),
            "CFDefinitions": .object(["CFItemTypes": .array(itemTypes(of: document).map(json))]),
        ])
    }

    /// The CFDocumentSet of `documents`.
    func documentSet(_ documents: [CASEDocument]) -> JSONValue {
        .object(["CFDocuments": .array(documents.map { json($0, inPackage: false) })])
    }

    /// The CFAssociationSet of an item: the item itself and every association from or to it.
    func itemAssociations(_ item: CASEItem) -> JSONValue {
        .object([
            "CFItem": json(item, inPackage: false),
            "CFAssociations": .array(
                (associationsOfItem[item.identifier] ?? []).compactMap { associations[$0] }.map {
                    json($0, inPackage: true)
                }),
        ])
    }

    /// The CFItemTypeSet of a type: the type, then the types whose hierarchy code lies under it.
    func itemTypeSet(_ type: CASEItemType) -> JSONValue {
        let children = CASEItemType.all.filter { $0.hierarchyCode.hasPrefix(type.hierarchyCode + ".") }
        return .object(["CFItemTypes": .array(([type] + children).map(json))])
    }

    func json(_ document: CASEDocument, inPackage: Bool) -> JSONValue {
        var object: JSONObject = [
            "identifier": .string(document.identifier),
            "uri": .string(uri(CASEPath.document(document.identifier))),
            "caseVersion": .string("1.1"),
            "creator": .string(document.creator),
            "title": .string(document.title),
            "lastChangeDateTime": .string(document.lastChangeDateTime),
        ]
        if let description = document.description { object.append("description", .string(description)) }
        if let subject = document.subject { object.append("subject", .strings(subject)) }
        object.append("language", .string(CASEProvider.language))
        if let version = document.version { object.append("version", .string(version)) }
        if let status = document.adoptionStatus { object.append("adoptionStatus", .string(status)) }
        if let start = document.statusStartDate { object.append("statusStartDate", .string(start)) }
        if let end = document.statusEndDate { object.append("statusEndDate", .string(end)) }
        if let notes = document.notes { object.append("notes", .string(notes)) }
        if let path = document.apiPath { object.append("extensions", .object(["api": .string(uri(path))])) }
        if !inPackage {
            object.append(
                "CFPackageURI",
                link(
                    title: document.title, identifier: document.identifier,
                    path: CASEPath.package(document.identifier)))
        }
        return .object(object)
    }

    func json(_ item: CASEItem, inPackage: Bool) -> JSONValue {
        var object: JSONObject = [
            "identifier": .string(item.identifier),
            "fullStatement": .string(item.fullStatement),
            "CFItemType": .string(item.type.title),
            "uri": .string(uri(CASEPath.item(item.identifier))),
        ]
        if let code = item.humanCodingScheme { object.append("humanCodingScheme", .string(code)) }
        if let abbreviated = item.abbreviatedStatement {
            object.append("abbreviatedStatement", .string(abbreviated))
        }
        object.append("language", .string(CASEProvider.language))
        object.append(
            "CFItemTypeURI",
            link(
                title: item.type.title, identifier: item.type.identifier,
                path: CASEPath.itemType(item.type.identifier)))
        object.append("lastChangeDateTime", .string(item.lastChangeDateTime))
        if !inPackage, let document = document(item.document) {
            object.append("CFDocumentURI", link(to: document))
        }
        return .object(object)
    }

    func json(_ association: CASEAssociation, inPackage: Bool) -> JSONValue {
        var object: JSONObject = [
            "identifier": .string(association.identifier),
            "associationType": .string(association.type),
        ]
        if let sequence = association.sequenceNumber { object.append("sequenceNumber", .int(sequence)) }
        object.append("uri", .string(uri(CASEPath.association(association.identifier))))
        object.append("originNodeURI", node(association.origin))
        object.append("destinationNodeURI", node(association.destination))
        object.append("lastChangeDateTime", .string(association.lastChangeDateTime))
        if !inPackage, let document = document(association.document) {
            object.append("CFDocumentURI", link(to: document))
        }
        return .object(object)
    }

    func json(_ type: CASEItemType) -> JSONValue {
        .object([
            "identifier": .string(type.identifier),
            "uri": .string(uri(CASEPath.itemType(type.identifier))),
            "title": .string(type.title),
            "description": .string(type.description),
            "hierarchyCode": .string(type.hierarchyCode),
            "typeCode": .string(type.kind),
            "lastChangeDateTime": .string(itemTypeDateTime),
        ])
    }

    /// The language of every text, ISO 639-2 as the binding asks: Dutch.
    static let language = "nld"

    private func uri(_ path: String) -> String { publicBaseURL + path }

    private func link(title: String, identifier: String, path: String) -> JSONValue {
        .object(["title": .string(title), "identifier": .string(identifier), "uri": .string(uri(path))])
    }

    /// The `CFDocumentURI` of a record shown outside its package: the document it belongs to.
    private func link(to document: CASEDocument) -> JSONValue {
        link(
            title: document.title, identifier: document.identifier,
            path: CASEPath.document(document.identifier))
    }

    private func node(_ node: CASEAssociation.Node) -> JSONValue {
        link(
            title: node.title, identifier: node.identifier,
            path: node.isDocument ? CASEPath.document(node.identifier) : CASEPath.item(node.identifier))
    }
}
