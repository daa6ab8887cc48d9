/// The query of `GET /CFDocuments` (getAllCFDocuments): paging, sorting and what this provider
/// does with the binding's other parameters.
///
/// - `limit` (≥ 1) and `offset` (≥ 0, default 0) page through the documents in their order;
///   without `limit` every document from `offset` on. A page with no documents is a 404
///   `unknownobject`: a CFDocumentSet must hold at least one.
/// - `sort` names a CFDocument field (``sortFields``), `orderBy` is `asc` (default) or
///   `desc`; documents without the field sort after those with it, ties by identifier.
///   Another field is a 400 `invalid_sort_field`.
/// - `filter` is not supported: a 400 `invalid_selection_field`, since ignoring it would
///   answer with documents the client asked to leave out.
/// - `fields` is accepted and ignored: every document is sent whole, a superset of what was
///   asked and still valid against the schema, which requires fields a selection could drop.
/// - A malformed or repeated `limit`, `offset`, `sort` or `orderBy` is a 400
///   `invalid_selection_field`; unknown parameters are ignored, as everywhere in the API.
public struct CASEDocumentQuery: Sendable, Equatable {
    /// The fields `sort` accepts.
    public static let sortFields: Set<String> = [
        "identifier", "uri", "creator", "title", "lastChangeDateTime", "description", "language", "version",
        "adoptionStatus", "statusStartDate", "statusEndDate", "notes", "caseVersion",
    ]

    /// At most this many documents; `nil` for all.
    public var limit: Int?
    /// The position of the first document sent.
    public var offset: Int = 0
    /// The field to sort by; `nil` keeps the provider's order.
    public var sort: String?
    /// Whether `orderBy=desc`.
    public var descending = false

    /// The query of these (decoded) query parameters, or the binding's error for them.
    public static func parse(_ parameters: [(name: String, value: String)]) -> Result<
        CASEDocumentQuery, CASEStatusInfo
    > {
        var query = CASEDocumentQuery()
        var seen: Set<String> = []
        for (name, value) in parameters {
            let known = ["limit", "offset", "sort", "orderBy", "filter"]
            guard known.contains(name) else { continue }
            guard seen.insert(name).inserted else {
                return .failure(invalid("'\(name)' staat meer dan eens in de query."))
            }
            switch name {
            case "limit":
                guard let number = Int32(value), number >= 1 else {
                    return .failure(
                        invalid(
                            "limit moet een geheel getal van 1 tot en met 2147483647 zijn, niet '\(value)'."))
                }
                query.limit = Int(number)
            case "offset":
                guard let number = Int32(value), number >= 0 else {
                    return .failure(
                        invalid(
                            "offset moet een geheel getal van 0 tot en met 2147483647 zijn, niet '\(value)'.")
                    )
                }
                query.offset = Int(number)
            case "sort":
                guard sortFields.contains(value) else {
                    return .failure(
                        CASEStatusInfo(
                            status: 400, codeMinor: .invalidSortField,
                            description: "Op '\(value)' kan niet gesorteerd worden; wel op: "
                                + sortFields.sorted().joined(separator: ", ") + "."))
                }
                query.sort = value
            case "orderBy":
                guard value == "asc" || value == "desc" else {
                    return .failure(invalid("orderBy is asc of desc, niet '\(value)'."))
                }
                query.descending = value == "desc"
            default:
                return .failure(invalid("filter wordt door deze aanbieder niet ondersteund."))
            }
        }
        return .success(query)
    }

    private static func invalid(_ description: String) -> CASEStatusInfo {
        CASEStatusInfo(status: 400, codeMinor: .invalidSelectionField, description: description)
    }
}

extension CASEProvider {
    /// One page of documents for `query`, with the number of documents before paging (the
    /// `X-Total-Count`), or a 404 for an empty page.
    public func documents(_ query: CASEDocumentQuery) -> Result<(page: JSONValue, total: Int), CASEStatusInfo>
    {
        var ordered = documents.map { (document: $0, json: json($0, inPackage: false)) }
        if let field = query.sort {
            func value(_ entry: (document: CASEDocument, json: JSONValue)) -> String? {
                guard case .object(let object) = entry.json, case .string(let text)? = object[field] else {
                    return nil
                }
                return text
            }
            ordered.sort { a, b in
                switch (value(a), value(b)) {
                case (let x?, let y?) where x != y: return query.descending ? x > y : x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.document.identifier < b.document.identifier
                }
            }
        }
        let start = min(query.offset, ordered.count)
        let end = query.limit.map { min(ordered.count, start + $0) } ?? ordered.count
        guard start < end else {
            return .failure(
                CASEStatusInfo(
                    status: 404, codeMinor: .unknownObject,
                    description: "Geen CFDocuments vanaf offset \(query.offset); er zijn er \(ordered.count)."
                ))
        }
        let page = JSONValue.object(["CFDocuments": .array(ordered[start..<end].map(\.json))])
        return .success((page, ordered.count))
    }

    /// The RFC 8288 `Link` field value for paging (`first`, `prev`, `next`, `last`), absolute
    /// on the public base URL; `nil` without a `limit`.
    public func pagingLinks(_ query: CASEDocumentQuery, total: Int) -> String? {
        guard let limit = query.limit else { return nil }
        var extra = ""
        if let sort = query.sort {
            extra += "&sort=" + sort + "&orderBy=" + (query.descending ? "desc" : "asc")
        }
        func target(_ offset: Int, _ relation: String) -> String {
            "<\(publicBaseURL)\(CASEPath.documents)?limit=\(limit)&offset=\(offset)\(extra)>; rel=\"\(relation)\""
        }
        let last = total == 0 ? 0 : ((total - 1) / limit) * limit
        var links = [target(0, "first")]
        if query.offset > 0 { links.append(target(max(0, query.offset - limit), "prev")) }
        if query.offset + limit < total { links.append(target(query.offset + limit, "next")) }
        links.append(target(last, "last"))
        return links.joined(separator: ", ")
    }
}
