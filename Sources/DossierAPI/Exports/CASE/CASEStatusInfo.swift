import HTTPServer

/// An error in the CASE binding's own dialect (`imsx_StatusInfo`), which every response under
/// `/ims/case` speaks instead of problem+json: code major `failure`, severity `error`, one code
/// minor from the binding's list, a Dutch description.
public struct CASEStatusInfo: Sendable, Equatable, Error {
    /// The binding's code minor values that this provider reports.
    public enum CodeMinor: String, Sendable {
        /// No record has this identifier (404).
        case unknownObject = "unknownobject"
        /// The identifier is not a UUID (404, as the binding's 404 describes).
        case invalidUUID = "invalid_uuid"
        /// A query parameter is malformed or not supported (400).
        case invalidSelectionField = "invalid_selection_field"
        /// `sort` names a field the documents cannot be sorted by (400).
        case invalidSortField = "invalid_sort_field"
    }

    /// The HTTP status: 404 or 400.
    public let status: Int
    /// The binding's code minor.
    public let codeMinor: CodeMinor
    /// What went wrong, in Dutch.
    public let description: String

    /// An error.
    public init(status: Int, codeMinor: CodeMinor, description: String) {
        self.status = status
        self.codeMinor = codeMinor
        self.description = description
    }

    /// The error for a `sourcedId` that names no record of its kind: `invalid_uuid` when it is
    /// not a UUID in the binding's form, `unknownobject` otherwise.
    public static func notFound(_ sourcedId: String, kind: String) -> CASEStatusInfo {
        guard NameBasedUUID(sourcedId) != nil else {
            return CASEStatusInfo(
                status: 404, codeMinor: .invalidUUID, description: "'\(sourcedId)' is geen UUID.")
        }
        return CASEStatusInfo(
            status: 404, codeMinor: .unknownObject,
            description: "Er is geen \(kind) met identifier \(sourcedId).")
    }

    /// The `imsx_StatusInfo` object.
    public var json: JSONValue {
        .object([
            "imsx_codeMajor": .string("failure"),
            "imsx_severity": .string("error"),
            "imsx_description": .string(description),
            "imsx_codeMinor": .object([
                "imsx_codeMinorField": .array([
                    .object([
                        "imsx_codeMinorFieldName": .string("TargetEndSystem"),
                        "imsx_codeMinorFieldValue": .string(codeMinor.rawValue),
                    ])
                ])
            ]),
        ])
    }
}

extension CASEStatusInfo {
    /// An API problem said in the binding's words: a 404 names the path's last segment
    /// (`invalid_uuid` when it is not a UUID), anything else is `invalid_selection_field`.
    init(_ problem: APIProblem, path: String) {
        guard problem.type.status.code == 404 else {
            self.init(status: 400, codeMinor: .invalidSelectionField, description: problem.detail)
            return
        }
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let sourcedId = PercentDecoding.decodeString(last) ?? String(last)
        if NameBasedUUID(sourcedId) == nil, path.hasPrefix(CASEPath.base + "/"), path != CASEPath.documents {
            self = .notFound(sourcedId, kind: "")
        } else {
            self.init(status: 404, codeMinor: .unknownObject, description: problem.detail)
        }
    }
}
