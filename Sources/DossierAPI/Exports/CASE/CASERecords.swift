/// The records of the CASE provider, before they are written as JSON: what the model of CASE
/// 1.1 needs, with identifiers as text and links resolved to identifiers (URIs are made when a
/// record is written, from the public base URL).

/// A kind of item (CFItemType): one per kind of dossier content.
struct CASEItemType: Sendable, Equatable {
    /// `kerntaak`, `werkproces`, `vakkennis` or `competentie`: the name of its identifier and
    /// its `typeCode`.
    let kind: String
    let identifier: String
    let title: String
    let description: String
    /// `1` kerntaak with `1.1` werkproces and `1.2` vakkennis under it; `2` competentie.
    let hierarchyCode: String

    static let kerntaak = CASEItemType(
        kind: "kerntaak", title: "Kerntaak",
        description:
            "Kerntaak van een kwalificatie (basisdeel of profieldeel), met de teksten en aanvullingen die voor die kwalificatie gelden.",
        hierarchyCode: "1")
    static let werkproces = CASEItemType(
        kind: "werkproces", title: "Werkproces",
        description:
            "Werkproces van een kerntaak: omschrijving, resultaat, gedrag en onderliggende competenties, met de aanvullingen die voor de kwalificatie gelden.",
        hierarchyCode: "1.1")
    static let vakkennis = CASEItemType(
        kind: "vakkennis", title: "Vakkennis en vaardigheden",
        description: "Een onderdeel van de vakkennis en vaardigheden van een kerntaak.", hierarchyCode: "1.2")
    static let competentie = CASEItemType(
        kind: "competentie", title: "Competentie",
        description: "Een van de 25 SBB-competenties (A tot en met Y) waarop werkprocessen een beroep doen.",
        hierarchyCode: "2")
    static let all = [kerntaak, werkproces, vakkennis, competentie]

    private init(kind: String, title: String, description: String, hierarchyCode: String) {
        self.kind = kind
        self.identifier = CASEIdentifiers.itemType(kind)
        self.title = title
        self.description = description
        self.hierarchyCode = hierarchyCode
    }
}

/// A framework (CFDocument): one kwalificatie, or the competenties.
struct CASEDocument: Sendable {
    let identifier: String
    let title: String
    let creator: String
    let lastChangeDateTime: String
    var description: String?
    var subject: [String]?
    var version: String?
    var adoptionStatus: String?
    var statusStartDate: String?
    var statusEndDate: String?
    var notes: String?
    /// Where the same kwalificatie lives in this API (`/api/v1/dossiers/…`), as a path.
    var apiPath: String?
    /// The identifiers of its items and associations, in order.
    var items: [String] = []
    var associations: [String] = []
}

/// A statement (CFItem) of one framework.
struct CASEItem: Sendable {
    let identifier: String
    let document: String
    let fullStatement: String
    let abbreviatedStatement: String?
    let humanCodingScheme: String?
    let type: CASEItemType
    let lastChangeDateTime: String

    /// How links to the item title it: the code and title, or the statement itself.
    var label: String {
        guard let code = humanCodingScheme else { return fullStatement }
        return abbreviatedStatement.map { code + " " + $0 } ?? code
    }
}

/// A relation (CFAssociation) from one item to an item or document.
struct CASEAssociation: Sendable {
    /// One end: what it is and how a link titles it.
    struct Node: Sendable {
        let identifier: String
        let title: String
        let isDocument: Bool
    }

    let identifier: String
    let type: String
    let sequenceNumber: Int?
    let origin: Node
    let destination: Node
    /// The framework the association belongs to.
    let document: String
    let lastChangeDateTime: String
}
