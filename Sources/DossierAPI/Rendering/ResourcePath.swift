/// Builds the path of every API resource; the one place that knows the URL layout, so the
/// route table, the links inside resources and the search hits cannot drift apart.
///
/// Paths are absolute-path references (`/api/v1/...`): they resolve against whatever host,
/// port or proxy the client reached the API through.
public enum ResourcePath {
    /// The API's entry point.
    public static let root = "/api/v1"
    /// The contract.
    public static let openAPI = "/openapi.yaml"
    /// The dossier collection.
    public static let dossiers = root + "/dossiers"
    /// The kwalificaties of every dossier.
    public static let kwalificaties = root + "/kwalificaties"
    /// The 25 SBB competenties.
    public static let competenties = root + "/competenties"
    /// Full-text search.
    public static let zoeken = root + "/zoeken"

    /// One dossier.
    public static func dossier(_ crebo: String) -> String { dossiers + "/" + crebo }
    /// The kwalificaties of a dossier.
    public static func kwalificaties(_ crebo: String) -> String { dossier(crebo) + "/kwalificaties" }
    /// One kwalificatie by its profiel code within its dossier (works when it has no crebo).
    public static func kwalificatie(_ crebo: String, profiel code: String) -> String {
        kwalificaties(crebo) + "/" + code
    }
    /// One kwalificatie by its own crebo.
    public static func kwalificatie(crebo: String) -> String { kwalificaties + "/" + crebo }
    /// The kerntaken of a dossier.
    public static func kerntaken(_ crebo: String) -> String { dossier(crebo) + "/kerntaken" }
    /// One kerntaak.
    public static func kerntaak(_ crebo: String, _ code: String) -> String { kerntaken(crebo) + "/" + code }
    /// The werkprocessen of a dossier.
    public static func werkprocessen(_ crebo: String) -> String { dossier(crebo) + "/werkprocessen" }
    /// One werkproces.
    public static func werkproces(_ crebo: String, _ code: String) -> String {
        werkprocessen(crebo) + "/" + code
    }
    /// The keuzedelen links of a dossier.
    public static func keuzedelen(_ crebo: String) -> String { dossier(crebo) + "/keuzedelen" }
    /// The werkproces × competentie matrix of a dossier.
    public static func competentieMatrix(_ crebo: String) -> String { dossier(crebo) + "/competenties" }
    /// The vakkennis items of a dossier.
    public static func vakkennis(_ crebo: String) -> String { dossier(crebo) + "/vakkennis" }
    /// One vakkennis item.
    public static func vakkennisItem(_ crebo: String, _ id: String) -> String { vakkennis(crebo) + "/" + id }
    /// One competentie.
    public static func competentie(_ code: String) -> String { competenties + "/" + code }
}
