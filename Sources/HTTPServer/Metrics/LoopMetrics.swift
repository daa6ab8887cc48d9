import Synchronization

/// One event loop's counters: a flat block of integers only that loop's queue writes, read by
/// a scrape from any thread.
///
/// Each counter is an `Atomic<Int>` written with a relaxed load and a relaxed store, not a
/// read-modify-write: there is one writer (the loop's serial queue), so no increment can be
/// lost, and a relaxed load and store are plain `mov`s (x86-64) or `ldr`/`str` (arm64): no
/// lock prefix, no lock, no fence. A scrape's relaxed loads see each counter whole, a few
/// increments late at worst, which is all a monotonic counter needs. This is instead of
/// hopping onto each loop's queue to read: a responder answers synchronously, so a scrape on
/// one loop could only wait for the others by blocking a Dispatch thread.
///
/// `@unchecked Sendable`: the block is written only on the owning loop's queue, and only
/// through atomics.
final class LoopMetrics: @unchecked Sendable {
    let layout: MetricsLayout
    private let counters: UnsafeMutablePointer<Atomic<Int>>

    init(layout: MetricsLayout) {
        self.layout = layout
        counters = .allocate(capacity: layout.count)
        for index in 0..<layout.count { (counters + index).initialize(to: Atomic(0)) }
    }

    deinit {
        counters.deinitialize(count: layout.count)
        counters.deallocate()
    }

    /// Adds `amount` to counter `index`. Only on the owning loop's queue.
    @inline(__always)
    func add(_ amount: Int, at index: Int) {
        let counter = counters + index
        counter.pointee.store(counter.pointee.load(ordering: .relaxed) &+ amount, ordering: .relaxed)
    }

    /// The value of counter `index`, from any thread.
    func value(at index: Int) -> Int {
        (counters + index).pointee.load(ordering: .relaxed)
    }

    /// One request answered: its method, route and status slots, and its latency.
    @inline(__always)
    func recordRequest(method: HTTPMethod, route: Int, status: Int, nanoseconds: Int) {
        add(1, at: layout.requestIndex(method: method, route: route, status: status))
        add(1, at: layout.bucketIndex(nanoseconds: nanoseconds))
        add(nanoseconds, at: layout.latencySumNanoseconds)
    }
}

/// Where each counter sits in a ``LoopMetrics`` block: requests by method × route × status,
/// then the latency buckets and sum, bytes written, parse errors by kind, rejected
/// connections and timeouts.
struct MetricsLayout: Sendable {
    /// The methods with a label of their own; any other is `other`.
    static let methods = HTTPMethod.standardMethods
    /// The statuses with a label of their own; any other is `other`.
    static let statuses = [
        100, 101, 200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 406, 408,
        409, 410, 411, 412, 413, 414, 415, 416, 417, 422, 426, 429, 431, 500, 501, 502, 503, 504, 505,
    ]
    /// The latency histogram's upper bounds in seconds (`le`), and in nanoseconds.
    static let bucketBounds: [Double] = [
        0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1,
        0.25, 0.5, 1,
    ]
    static let bucketNanoseconds: [Int] = bucketBounds.map { Int(($0 * 1e9).rounded()) }
    /// The parse error kinds, in label order.
    static let parseErrorKinds = ParseError.Kind.allCases

    /// Status code → slot, for codes below 600.
    private static let statusSlots: [UInt8] = {
        var slots = [UInt8](repeating: UInt8(statuses.count), count: 600)
        for (slot, code) in statuses.enumerated() { slots[code] = UInt8(slot) }
        return slots
    }()

    /// How many routes (templates) have a label; one more is `unmatched`.
    let routeCount: Int
    let count: Int
    let firstBucket: Int
    let latencySumNanoseconds: Int
    let bytesWritten: Int
    let firstParseError: Int
    let rejectedConnections: Int
    let requestTimeouts: Int

    init(routeCount: Int) {
        self.routeCount = routeCount
        let requests = (Self.methods.count + 1) * (routeCount + 1) * (Self.statuses.count + 1)
        firstBucket = requests
        latencySumNanoseconds = firstBucket + Self.bucketBounds.count + 1
        bytesWritten = latencySumNanoseconds + 1
        firstParseError = bytesWritten + 1
        rejectedConnections = firstParseError + Self.parseErrorKinds.count
        requestTimeouts = rejectedConnections + 1
        count = requestTimeouts + 1
    }

    /// The number of request counters (they come first).
    var requestCount: Int { firstBucket }

    /// The counter of (method, route, status): array arithmetic only. `route` is
    /// ``HTTPResponse/route``: an index into the route templates, or negative for none.
    @inline(__always)
    func requestIndex(method: HTTPMethod, route: Int, status: Int) -> Int {
        // The standard methods are the parser's immortal constants: GET is found by its first
        // comparison, which matches on identity.
        let methodSlot = Self.methods.firstIndex(of: method) ?? Self.methods.count
        let routeSlot = route >= 0 && route < routeCount ? route : routeCount
        let statusSlot = status >= 0 && status < 600 ? Int(Self.statusSlots[status]) : Self.statuses.count
        return (methodSlot * (routeCount + 1) + routeSlot) * (Self.statuses.count + 1) + statusSlot
    }

    /// The (method, route, status) slots of request counter `index`.
    func requestSlots(_ index: Int) -> (method: Int, route: Int, status: Int) {
        let status = index % (Self.statuses.count + 1)
        let rest = index / (Self.statuses.count + 1)
        return (rest / (routeCount + 1), rest % (routeCount + 1), status)
    }

    /// The bucket counter for a latency (not cumulative: the scrape sums them up).
    @inline(__always)
    func bucketIndex(nanoseconds: Int) -> Int {
        var bucket = 0
        while bucket < Self.bucketNanoseconds.count, nanoseconds > Self.bucketNanoseconds[bucket] {
            bucket += 1
        }
        return firstBucket + bucket
    }

    /// The counter for a parse error kind.
    func parseErrorIndex(_ kind: ParseError.Kind) -> Int {
        firstParseError + (Self.parseErrorKinds.firstIndex(of: kind) ?? 0)
    }
}
