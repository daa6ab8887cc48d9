import HTTPServer

/// One resource of the API, as a row of ``ResourceTable`` declares it.
///
/// The row is the only place a URL is spelled. The router's route, the canonical path in every
/// `links` object (``path(_:)``, ``links(_:parent:extra:)``), the pre-rendered
/// responses and the contract test against `openapi.yaml` are all derived from it, so none of
/// them can know a URL the others do not.
struct Resource: Sendable {
    /// How the answer is made.
    enum Answer: Sendable {
        /// Documents built from the catalog, one per instance the builder finds, each rendered
        /// once and served from the path-only lookup (``RenderedResources``).
        case rendered(@Sendable (DocumentContext) -> [Document])
        /// Made per request by an operation (search, the browse page, the contract, health).
        case operation(@Sendable (Operations) -> RouterBuilder.Handler)
    }

    /// Whether the query of a request changes the answer.
    enum Query: Sendable, Equatable {
        /// It never does: the path alone names the resource, so a query (tracking parameters,
        /// a cache buster) is ignored and the response can come from the path-only lookup.
        case ignored
        /// It does (search). `required` are the parameters the resource cannot do without;
        /// a link to it is a URI template naming them (`/api/v1/zoeken?q={q}`, RFC 6570).
        case changesAnswer(required: [String])
    }

    /// The URL template, exactly as `openapi.yaml` writes it: `/api/v1/dossiers/{crebo}`.
    let template: String
    /// The operation's `operationId` in `openapi.yaml`.
    let operationID: String
    /// The kind of each `{…}` segment of the template, in order.
    let parameters: [PathParameter]
    /// What the last parameter names, in Dutch, for the detail of a 404 ("kerntaak" gives
    /// "Dossier 23292 heeft geen kerntaak B1-K9."); `nil` for a resource without parameters.
    let noun: String?
    /// The `Content-Type` of a successful answer.
    let mediaType: String
    /// Whether the query changes the answer.
    let query: Query
    /// How the resource says what went wrong.
    let dialect: ErrorDialect
    /// How the answer is made.
    let answer: Answer
    /// The name of the link to this resource in the `links` of the resource one segment up:
    /// its last segment in lowerCamelCase (`generieke-onderdelen` → `generiekeOnderdelen`)
    /// unless the row says otherwise.
    let relation: String
    /// The template's segments; empty when the template is not valid (``ResourceTable/problems``
    /// reports it before the router is built).
    let segments: [RoutePattern.Segment]

    /// Declares a resource.
    init(
        _ template: String, _ operationID: String, parameters: [PathParameter] = [], noun: String? = nil,
        mediaType: String = Resource.json, query: Query = .ignored, dialect: ErrorDialect = .problemJSON,
        relation: String? = nil, answer: Answer
    ) {
        self.template = template
        self.operationID = operationID
        self.parameters = parameters
        self.noun = noun
        self.mediaType = mediaType
        self.query = query
        self.dialect = dialect
        self.answer = answer
        self.segments = (try? RoutePattern(template))?.segments ?? []
        self.relation = relation ?? Resource.lowerCamelCase(template.split(separator: "/").last ?? "")
    }

    /// The media type of every JSON resource.
    static let json = "application/json"
    /// The media type of the LMS exports.
    static let csv = "text/csv; charset=utf-8"

    /// Whether the row is pre-rendered (and so served from the path-only lookup).
    var isRendered: Bool {
        if case .rendered = answer { return true }
        return false
    }

    /// The names of the template's parameters, in order.
    var parameterNames: [String] {
        segments.compactMap { segment in
            if case .parameter(let name) = segment { return name }
            return nil
        }
    }

    // MARK: Paths

    /// The path of the instance whose parameters have `values` (in template order).
    ///
    /// The values are put in as they are: every parameter kind's shape is unreserved
    /// characters only (RFC 3986 §2.3), which the equivalence test checks for every
    /// rendered path by sending it through the router.
    func path(_ values: [String]) -> String {
        precondition(values.count == parameters.count, "\(template) takes \(parameters.count) values")
        var path = ""
        var next = values.startIndex
        for segment in segments {
            path += "/"
            switch segment {
            case .literal(let text):
                path += text
            case .parameter:
                path += values[next]
                next += 1
            }
        }
        return path.isEmpty ? "/" : path
    }

    /// The path of the instance whose parameters have `values`.
    func path(_ values: String...) -> String {
        path(values)
    }

    /// What a link to the instance with `values` says: its path, and for a resource whose
    /// query changes the answer a URI template with the required parameters.
    func link(_ values: [String]) -> String {
        guard case .changesAnswer(let required) = query, !required.isEmpty else { return path(values) }
        return path(values) + "?" + required.map { "\($0)={\($0)}" }.joined(separator: "&")
    }

    // MARK: Links

    /// The `links` of the instance with `values`: `self`, then `parent` when given, then a
    /// link to every resource one literal segment below this one (``ResourceTable/children(of:)``),
    /// then `extra`.
    ///
    /// The children come from the table, so a new resource under a dossier is linked from
    /// every dossier without a change to the dossier's document.
    func links(_ values: [String], parent: String? = nil, extra: JSONObject = [:]) -> JSONValue {
        var object: JSONObject = ["self": .string(path(values))]
        if let parent { object.append("parent", .string(parent)) }
        for child in ResourceTable.children(of: self) {
            object.append(child.relation, .string(child.link(values)))
        }
        for member in extra.members { object.append(member.key, member.value) }
        return .object(object)
    }

    /// `text` in lowerCamelCase: `generieke-onderdelen` → `generiekeOnderdelen`.
    static func lowerCamelCase(_ text: Substring) -> String {
        var result = ""
        var upper = false
        for character in text {
            if character == "-" || character == "_" || character == "." {
                upper = !result.isEmpty
            } else {
                result += upper ? character.uppercased() : String(character)
                upper = false
            }
        }
        return result
    }
}
