import HTTPServer

/// The one route table of the API: every path and method the server answers, with the
/// `operationId` that `openapi.yaml` gives it. The router is built from this table and a test
/// compares it with the contract both ways, so neither can gain a route the other lacks.
enum Routes {
    /// One route.
    struct Route: Sendable {
        let operationID: String
        let method: HTTPMethod
        let template: String
        let handler: @Sendable (Operations) -> RouterBuilder.Handler
    }

    static let all: [Route] = [
        Route(operationID: "getBrowsePage", method: .get, template: "/") { ops in
            { ops.getBrowsePage($0, $1) }
        },
        Route(operationID: "getOpenAPI", method: .get, template: "/openapi.yaml") { ops in
            { ops.getOpenAPI($0, $1) }
        },
        Route(operationID: "getHealth", method: .get, template: "/healthz") { ops in { ops.getHealth($0, $1) }
        },
        Route(operationID: "getEntryPoint", method: .get, template: "/api/v1") { ops in
            { ops.getEntryPoint($0, $1) }
        },
        Route(operationID: "listDossiers", method: .get, template: "/api/v1/dossiers") { ops in
            { ops.listDossiers($0, $1) }
        },
        Route(operationID: "getDossier", method: .get, template: "/api/v1/dossiers/{crebo}") { ops in
            { ops.getDossier($0, $1) }
        },
        Route(
            operationID: "listDossierKwalificaties", method: .get,
            template: "/api/v1/dossiers/{crebo}/kwalificaties"
        ) {
            ops in { ops.listDossierKwalificaties($0, $1) }
        },
        Route(
            operationID: "getDossierKwalificatie", method: .get,
            template: "/api/v1/dossiers/{crebo}/kwalificaties/{profiel}"
        ) { ops in { ops.getDossierKwalificatie($0, $1) } },
        Route(operationID: "listKwalificaties", method: .get, template: "/api/v1/kwalificaties") { ops in
            { ops.listKwalificaties($0, $1) }
        },
        Route(operationID: "getKwalificatie", method: .get, template: "/api/v1/kwalificaties/{crebo}") {
            ops in
            { ops.getKwalificatie($0, $1) }
        },
        Route(operationID: "listKerntaken", method: .get, template: "/api/v1/dossiers/{crebo}/kerntaken") {
            ops in
            { ops.listKerntaken($0, $1) }
        },
        Route(operationID: "getKerntaak", method: .get, template: "/api/v1/dossiers/{crebo}/kerntaken/{code}")
        { ops in
            { ops.getKerntaak($0, $1) }
        },
        Route(
            operationID: "listWerkprocessen", method: .get, template: "/api/v1/dossiers/{crebo}/werkprocessen"
        ) {
            ops in { ops.listWerkprocessen($0, $1) }
        },
        Route(
            operationID: "getWerkproces", method: .get,
            template: "/api/v1/dossiers/{crebo}/werkprocessen/{code}"
        ) {
            ops in { ops.getWerkproces($0, $1) }
        },
        Route(operationID: "getKeuzedelen", method: .get, template: "/api/v1/dossiers/{crebo}/keuzedelen") {
            ops in
            { ops.getKeuzedelen($0, $1) }
        },
        Route(
            operationID: "getCompetentieMatrix", method: .get,
            template: "/api/v1/dossiers/{crebo}/competenties"
        ) {
            ops in { ops.getCompetentieMatrix($0, $1) }
        },
        Route(operationID: "listVakkennis", method: .get, template: "/api/v1/dossiers/{crebo}/vakkennis") {
            ops in
            { ops.listVakkennis($0, $1) }
        },
        Route(operationID: "getVakkennis", method: .get, template: "/api/v1/dossiers/{crebo}/vakkennis/{id}")
        { ops in
            { ops.getVakkennis($0, $1) }
        },
        Route(operationID: "listCompetenties", method: .get, template: "/api/v1/competenties") { ops in
            { ops.listCompetenties($0, $1) }
        },
        Route(operationID: "getCompetentie", method: .get, template: "/api/v1/competenties/{code}") { ops in
            { ops.getCompetentie($0, $1) }
        },
        Route(operationID: "search", method: .get, template: "/api/v1/zoeken") { ops in { ops.search($0, $1) }
        },
    ]
}
