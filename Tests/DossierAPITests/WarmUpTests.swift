import Dispatch
import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@testable import DossierAPI

/// The warm-up renders the API's own resources and leaves the LMS rows (CSV exports, CASE
/// records) to the first request, which gets the same bytes a full rendering gives, and their
/// gzip representation right after.
@Suite("Warm-up and first use")
struct WarmUpTests {
    @Test(
        "the rows left to first use are exactly the CSV exports, the rendered CASE records and the composed items"
    )
    func rowsLeftToFirstUse() {
        let lms = ResourceTable.all.filter {
            $0.isRendered && ($0.mediaType == Resource.csv || $0.dialect == .caseStatusInfo)
        }
        let samengesteld = ResourceTable.all.filter {
            $0.isRendered && ($0.template.contains("/kerntaken") || $0.template.contains("/werkprocessen"))
                && $0.template.hasPrefix("/api/v1/") && $0.template.contains("kwalificaties/")
        }
        // Moodle and Canvas, and the 11 CASE operations with a sourcedId; the composed
        // kerntaken and werkprocessen, lists and items, canonical and alias.
        #expect(lms.count == 2 + 11)
        #expect(samengesteld.count == 8)
        #expect(Set((lms + samengesteld).map(\.operationID)) == Documents.renderedOnFirstUse)
    }

    @Test("the warm-up renders every other resource with its gzip representation, and none of the LMS rows")
    func warmUpLeavesTheLMSRows() throws {
        let rendered = RenderedResources(catalog: APIFixture.catalog)
        let total = rendered.warmUp()
        let warm = rendered.paths.filter(rendered.warmsUp)
        let cold = rendered.paths.filter { !rendered.warmsUp($0) }
        #expect(total.resources == warm.count)
        #expect(cold.count > warm.count)  // with the embedded data too, the CASE records outnumber the rest
        #expect(cold.allSatisfy { !rendered.isRendered($0) })
        let hasMoodleExport = cold.contains("/api/v1/dossiers/23292/kwalificaties/P1/moodle.csv")
        #expect(hasMoodleExport)
        #expect(
            cold.allSatisfy {
                $0.hasPrefix(CASEPath.base) || $0.hasSuffix(".csv") || $0.contains("/kerntaken")
                    || $0.contains("/werkprocessen")
            })
        let composed = "/api/v1/dossiers/23181/kwalificaties/P3/werkprocessen/B1-K1-W2"
        #expect(cold.contains(composed))
        #expect(warm.contains("/api/v1/dossiers/23181/werkprocessen/B1-K1-W2"))
        var bytes = 0
        for path in warm {
            #expect(rendered.isRendered(path), "\(path)")
            let response = try #require(rendered[path])
            bytes += response.body.count
            if response.isNegotiable { #expect(response.gzipped != nil, "\(path)") }
        }
        #expect(total.bytes == bytes)
        // A second warm-up finds everything there: same count, same bytes, nothing new.
        #expect(rendered.warmUp() == total)
        #expect(cold.allSatisfy { !rendered.isRendered($0) })
    }

    @Test("a resource left to first use renders on request with the bytes of a full rendering, gzip after")
    func firstUse() throws {
        let lazy = RenderedResources(catalog: APIFixture.catalog)
        _ = lazy.warmUp()
        let full = RenderedResources(catalog: APIFixture.catalog)
        _ = full.renderAll()
        let packages = lazy.paths.filter { $0.hasPrefix(CASEPath.base + "/CFPackages/") }
        // One per kwalificatie, and the competenties'.
        #expect(packages.count == ExportFixture.all.count + 1)
        let canvas = try #require(lazy.paths.first { $0.hasSuffix("/canvas.csv") })
        for path in packages + [canvas] {
            #expect(!lazy.isRendered(path), "\(path)")
            let first = try #require(lazy[path], "\(path)")
            let expected = try #require(full[path])
            #expect(first.body == expected.body && first.etag == expected.etag, "\(path)")
            #expect(lazy[path] === first, "\(path)")
        }
        // The gzip representations were queued by the first requests; once the queue has run
        // them, they are the ones a full rendering makes.
        RenderedResources.compression.sync {}
        for path in packages {
            let gzip = try #require(lazy[path]?.gzipped, "\(path)")
            #expect(Gunzip.decode(gzip.body.bytes) == full[path]?.body.bytes, "\(path)")
            #expect(gzip.etag == full[path]?.gzipped?.etag, "\(path)")
        }
    }

    @Test("a first-use resource over the API: 200, then the gzip representation with its own tag")
    func firstUseThroughTheService() throws {
        // An application of its own: the shared one may be rendered in full by another test.
        let application = try DossierApplication(
            catalog: APIFixture.catalog, openAPIDocument: Array(APIFixture.openAPIText.utf8),
            publicDirectory: APIFixture.repository.appendingPathComponent("Public").path)
        let client = InProcessClient(responder: application.service, configuration: application.configuration)
        _ = application.service.warmUp()
        let path = "/api/v1/dossiers/23292/kwalificaties/P1/canvas.csv"
        #expect(!application.service.rendered.isRendered(path))
        let identity = client.request(.get, path, headers: [])
        #expect(identity.status == 200)
        #expect(identity.header("Content-Type") == Resource.csv)
        RenderedResources.compression.sync {}
        let gzip = client.request(.get, path, headers: [("Accept-Encoding", "gzip")])
        #expect(gzip.status == 200)
        #expect(gzip.header("Content-Encoding") == "gzip")
        #expect(gzip.header("ETag") == identity.header("ETag").map { EntityTag.coded($0, coding: "gzip") })
        #expect(Gunzip.decode(gzip.body) == identity.body)
    }
}
