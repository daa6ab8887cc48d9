import Glibc

/// A moment of `CLOCK_MONOTONIC`, in nanoseconds: the time the event loops, the connection
/// state machine and the latency metrics count in.
///
/// Not `ContinuousClock.Instant`: that type is not frozen (the `_Concurrency` module is built
/// for library evolution), so every struct that holds one, the connection's state machine and
/// the loop's batch time among them, has a size known only at run time. The hot path then asks
/// for type metadata, sizes its stack at run time and copies through value witnesses, with a
/// retain of the object around each copy, on every request. An `Int` has none of that, and a
/// latency is one subtraction instead of `Duration`'s 128-bit arithmetic.
struct MonotonicInstant: Comparable, Hashable, Sendable {
    /// Nanoseconds since an arbitrary start (the boot), never going back.
    let nanoseconds: Int

    init(nanoseconds: Int) {
        self.nanoseconds = nanoseconds
    }

    /// The current moment: one `clock_gettime`, which the vDSO answers without a system call.
    @inline(__always)
    static var now: MonotonicInstant {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return MonotonicInstant(nanoseconds: time.tv_sec &* 1_000_000_000 &+ time.tv_nsec)
    }

    static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// `duration` later (earlier when negative), saturating rather than trapping: a duration
    /// beyond `Int`'s nanoseconds (a timeout of "never") gives the end of the clock.
    static func + (instant: MonotonicInstant, duration: Duration) -> MonotonicInstant {
        let nanoseconds = duration.wholeNanoseconds
        guard nanoseconds != .max, nanoseconds != .min else {
            return MonotonicInstant(nanoseconds: nanoseconds)
        }
        let (sum, overflow) = instant.nanoseconds.addingReportingOverflow(nanoseconds)
        return MonotonicInstant(nanoseconds: overflow ? (nanoseconds < 0 ? .min : .max) : sum)
    }

    /// The time from `earlier` to `later`.
    static func - (later: MonotonicInstant, earlier: MonotonicInstant) -> Duration {
        .nanoseconds(later.nanoseconds &- earlier.nanoseconds)
    }
}

extension Duration {
    /// The duration in whole nanoseconds (toward zero), saturating at `Int`'s bounds.
    var wholeNanoseconds: Int {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, carry) = Int(scaled).addingReportingOverflow(Int(attoseconds / 1_000_000_000))
        return carry ? (seconds < 0 ? .min : .max) : sum
    }
}
