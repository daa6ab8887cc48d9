import Dispatch
import HTTPServer
import Synchronization
import Testing

@testable import DossierAPI

/// Pre-rendered resources are rendered once — by the start-up warm-up or by the first request
/// that asks — and served from then on.
@Suite("Rendering once")
struct RenderingTests {
    @Test("every path is known up front; each resource renders once and stays the same response")
    func rendersOnce() throws {
        let rendered = RenderedResources(catalog: APIFixture.catalog)
        #expect(rendered.paths == APIFixture.service.renderedPaths)
        #expect(rendered["/api/v1/dossiers/99999"] == nil)
        for path in rendered.paths {
            let first = try #require(rendered[path], "\(path)")
            #expect(rendered[path] === first, "\(path)")
        }
    }

    @Test("two independent renderings give the same bytes and ETags (deterministic)")
    func deterministic() throws {
        let one = RenderedResources(catalog: APIFixture.catalog)
        let other = RenderedResources(catalog: APIFixture.catalog)
        for path in one.paths {
            let left = try #require(one[path])
            let right = try #require(other[path])
            #expect(left.etag == right.etag && left.body == right.body, "\(path)")
        }
    }

    @Test("threads asking for a resource for the first time at once all get the same response")
    func concurrentFirstUse() throws {
        let rendered = RenderedResources(catalog: APIFixture.catalog)
        let path = "/api/v1/dossiers/23292"
        let seen = Mutex<Set<ObjectIdentifier>>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let response = rendered[path] {
                seen.withLock { _ = $0.insert(ObjectIdentifier(response)) }
            }
        }
        #expect(seen.withLock { $0.count } == 1)
    }

    @Test("the warm-up renders every resource once; requests then get those very responses")
    func warmUp() throws {
        let rendered = RenderedResources(catalog: APIFixture.catalog)
        let early = try #require(rendered["/api/v1/competenties/K"])
        let total = rendered.renderAll()
        #expect(total.resources == rendered.paths.count)
        var bytes = 0
        for path in rendered.paths { bytes += try #require(rendered[path]).body.count }
        #expect(total.bytes == bytes)
        #expect(rendered["/api/v1/competenties/K"] === early)
        #expect(rendered.renderAll() == total)
    }
}
