import Dispatch
import Synchronization
import Testing

@testable import DossierServer

/// How ``Reloader`` coalesces requests, with a reload that waits for the test.
@Suite("Reloader")
struct ReloaderTests {
    /// A reload the test holds until it lets it go, counting how often it ran.
    final class HeldReload: Sendable {
        let started = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let runs = Atomic(0)

        func run() {
            runs.add(1, ordering: .relaxed)
            started.signal()
            proceed.wait()
        }
    }

    @Test("requests during a reload make exactly one more reload after it; a later one makes another")
    func coalesces() {
        let held = HeldReload()
        let reloader = Reloader { held.run() }

        reloader.request()
        #expect(held.started.wait(timeout: .now() + 10) == .success)
        for _ in 0..<5 { reloader.request() }
        held.proceed.signal()

        #expect(held.started.wait(timeout: .now() + 10) == .success)
        #expect(held.runs.load(ordering: .relaxed) == 2)
        held.proceed.signal()
        // No third: the five were one.
        #expect(held.started.wait(timeout: .now() + .milliseconds(300)) == .timedOut)
        #expect(held.runs.load(ordering: .relaxed) == 2)

        reloader.request()
        #expect(held.started.wait(timeout: .now() + 10) == .success)
        #expect(held.runs.load(ordering: .relaxed) == 3)
        held.proceed.signal()
    }
}
