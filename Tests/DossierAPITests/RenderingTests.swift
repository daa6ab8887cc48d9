import Dispatch
import Foundation
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

    @Test("two threads rendering one resource at once both serve the response stored first")
    func concurrentFirstUse() throws {
        // The document holds each renderer until the other one is rendering too, so both
        // really render (the race this guards against, made certain rather than hoped for),
        // and each render gives different bytes, so which one was served is visible.
        let renders = Mutex(0)
        let bothRendering = DispatchSemaphore(value: 0)
        let document = Document(["x"]) {
            let count = renders.withLock { count in
                count += 1
                return count
            }
            if count == 2 {
                bothRendering.signal()
                bothRendering.signal()
            }
            _ = bothRendering.wait(timeout: .now() + 5)
            return .object(["render": .int(count)])
        }
        let rendered = RenderedResources([(path: "/x", mediaType: Resource.json, document: document)])
        let served = Mutex<[PreparedResponse]>([])
        let finished = DispatchGroup()
        for _ in 0..<2 {
            finished.enter()
            // Threads of their own: the renderers block, which a Dispatch worker must never do.
            Thread {
                if let response = rendered["/x"] { served.withLock { $0.append(response) } }
                finished.leave()
            }.start()
        }
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(renders.withLock { $0 } == 2)
        let responses = served.withLock { $0 }
        #expect(responses.count == 2)
        #expect(responses.first === responses.last)
        #expect(rendered["/x"] === responses.first)
        // Once stored, the lookup renders no more.
        #expect(renders.withLock { $0 } == 2)
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
