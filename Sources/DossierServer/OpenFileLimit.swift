import Foundation
import HTTPServer

/// The process's open-file limit (`RLIMIT_NOFILE`), raised at start-up as far as the
/// connection cap needs.
///
/// The soft limit is often 1,024 while the hard limit allows far more; an unprivileged process
/// may raise its soft limit up to the hard one. It is raised only as far as the budget needs,
/// not to the hard limit itself: that can be a billion, and a huge soft limit slows whatever
/// walks every possible descriptor (a child process closing the ones it inherited).
enum OpenFileLimit {
    /// The current soft and hard limits.
    static func current() -> (soft: Int, hard: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return (1024, 1024) }
        return (Int(clamping: limit.rlim_cur), Int(clamping: limit.rlim_max))
    }

    /// Raises the soft limit to `wanted` (at most the hard limit; never lowers it) and returns
    /// the soft limit in force afterwards.
    static func raise(to wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return current().soft }
        let soft = Int(clamping: limit.rlim_cur)
        let hard = Int(clamping: limit.rlim_max)
        guard soft < wanted else { return soft }
        limit.rlim_cur = rlim_t(min(wanted, hard))
        return setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? Int(limit.rlim_cur) : soft
    }

    /// The connection cap `configuration` can keep: raises the soft limit for its budget and,
    /// if the limit still falls short, returns a lower cap that fits and says so on standard
    /// error (so a connection beyond the cap is answered 503 rather than left unaccepted).
    static func fitConnectionCap(of configuration: ServerConfiguration) -> Int {
        let requested = configuration.limits.maxConnections
        let wanted = DescriptorBudget.fitting(
            connections: requested, eventLoops: configuration.eventLoopCount, limit: .max)
        let limit = raise(to: wanted.total)
        let budget = DescriptorBudget.fitting(
            connections: requested, eventLoops: configuration.eventLoopCount, limit: limit)
        if budget.connections < requested {
            DossierServerCommand.printError(
                "dossier-server: open-file limit \(limit) (hard \(current().hard)) is below the \(wanted.total) "
                    + "descriptors for \(wanted): connection cap lowered to \(budget.connections), "
                    + "with \(budget.rejections) descriptors for 503 answers beyond it")
        }
        return budget.connections
    }
}
