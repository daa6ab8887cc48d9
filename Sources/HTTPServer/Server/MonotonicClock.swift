import Glibc

/// Monotonic time as plain nanoseconds, for the latency the metrics and the access log record.
///
/// Not `ContinuousClock`: subtracting two of its instants gives a `Duration`, whose conversion
/// to nanoseconds is 128-bit arithmetic on every request. `CLOCK_MONOTONIC` through the vDSO
/// costs the same single read, and the difference is one integer subtraction.
enum MonotonicClock {
    /// Nanoseconds since an arbitrary start (the boot), never going back.
    @inline(__always)
    static func nanoseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec &* 1_000_000_000 &+ time.tv_nsec
    }
}
