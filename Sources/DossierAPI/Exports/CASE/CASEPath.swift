/// The paths of the CASE 1.1 REST binding (`/ims/case/v1p1/…`), the one place that knows them.
public enum CASEPath {
    /// The binding's base path, fixed by the spec's `servers.basePath`.
    public static let base = "/ims/case/v1p1"
    /// Where a provider must serve the official OpenAPI definition.
    public static let openAPI = base + "/discovery/imscasev1p1_openapi3_v1p0.json"
    /// Every CFDocument.
    public static let documents = base + "/CFDocuments"
    /// One CFDocument.
    public static func document(_ id: String) -> String { documents + "/" + id }
    /// One CFPackage.
    public static func package(_ id: String) -> String { base + "/CFPackages/" + id }
    /// One CFItem.
    public static func item(_ id: String) -> String { base + "/CFItems/" + id }
    /// One CFItem with its associations.
    public static func itemAssociations(_ id: String) -> String { base + "/CFItemAssociations/" + id }
    /// One CFAssociation.
    public static func association(_ id: String) -> String { base + "/CFAssociations/" + id }
    /// One CFItemType with the types under it.
    public static func itemType(_ id: String) -> String { base + "/CFItemTypes/" + id }
}
