import Dispatch
import DossierAPI
import Foundation
import HTTPServer
import Synchronization

/// Reloads the data on SIGHUP, one reload at a time, on a thread of its own.
///
/// A reload reads files (`--data`, `Public/`, `openapi.yaml`), which is blocking I/O, and
/// renders every resource, which is seconds of CPU with hundreds of dossiers: neither may run
/// on an event loop or on a worker of Dispatch's shared pool (two cores, and the pool would
/// starve). So the reloader owns one thread that sleeps on a semaphore until ``request()``.
///
/// Requests coalesce: one that comes while a reload runs makes exactly one more reload after
/// it, however many came, and that one reads the files after the last request came, so the
/// files as they were when SIGHUP was last sent are what ends up live. The signal handler only
/// calls ``request()``, which never blocks.
final class Reloader: Sendable {
    /// Whether a request is waiting for the thread (set by ``request()``, cleared by the
    /// thread just before it reloads).
    private let isPending = Mutex(false)
    private let wake = DispatchSemaphore(value: 0)
    private let reload: @Sendable () -> Void
    /// The reloader thread's nice value (0 is the event loops').
    static let niceness: Int32 = 5

    /// A reloader that calls `reload` on its thread for every coalesced request.
    init(reload: @escaping @Sendable () -> Void) {
        self.reload = reload
        let thread = Thread { [self] in run() }
        thread.name = "dossier-reload"
        thread.start()
    }

    /// A reloader that builds the next application from `options`, counting in the metrics of
    /// `current`, and swaps it into `server`.
    convenience init(options: ServeOptions, server: Server, current: DossierApplication) {
        let metrics = current.metrics
        self.init { Self.reload(options: options, server: server, metrics: metrics) }
    }

    /// Asks for a reload; returns at once.
    func request() {
        let wasPending = isPending.withLock { pending in
            defer { pending = true }
            return pending
        }
        if !wasPending { wake.signal() }
    }

    private func run() {
        // Below the event loops: on two cores a reload competes with them for seconds, and
        // requests matter more than how soon the new data is live; 5 rather than more, so that
        // a saturated server still reloads within seconds (about a seventh of a core beside
        // two busy loops). On Linux the nice value is per thread, and `who` 0 is the calling
        // thread only.
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
        while true {
            wake.wait()
            isPending.withLock { $0 = false }
            reload()
        }
    }

    /// One reload: everything is loaded, validated and rendered before the swap, so no request
    /// ever sees half of it or pays for rendering; on any error the old application stays.
    static func reload(options: ServeOptions, server: Server, metrics: ServerMetrics) {
        let started = ContinuousClock.now
        DossierServerCommand.printError(
            "dossier-server: SIGHUP: reloading the dossiers, '\(options.publicDirectory)' and '\(options.openAPIFile)'"
        )
        do {
            let next = try ServerCommand.makeApplication(options: options, metrics: metrics)
            let rendered = next.service.warmUp()
            server.replaceResponder(with: next.service)
            metrics.setDataVersion(next.dataVersion)
            metrics.recordReload(succeeded: true)
            let dossiers = next.catalog.dossiers.count
            DossierServerCommand.printError(
                "dossier-server: reloaded in \(milliseconds(since: started)) ms: data version \(next.dataVersion) "
                    + "(\(dossiers) \(dossiers == 1 ? "dossier" : "dossiers"), \(rendered.resources) resources, "
                    + "\(rendered.bytes / 1024) KiB)")
        } catch {
            metrics.recordReload(succeeded: false)
            DossierServerCommand.printError(
                "dossier-server: reload failed: \(error); still serving data version \(metrics.currentDataVersion)"
            )
        }
    }

    /// Whole milliseconds, without grouping, for log lines a script may read.
    private static func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = start.duration(to: .now).components
        return elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
    }
}
