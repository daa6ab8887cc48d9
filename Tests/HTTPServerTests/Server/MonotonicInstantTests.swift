import Glibc
import Testing

@testable import HTTPServer

/// The loops' clock: the arithmetic the timeouts rely on, including the edges where a
/// `Duration` does not fit an `Int` of nanoseconds.
@Suite("Monotonic instants")
struct MonotonicInstantTests {
    @Test("a duration added and taken away again gives the same instant and the same duration")
    func roundTrip() {
        let start = MonotonicInstant(nanoseconds: 5_000_000_000)
        for duration: Duration in [.zero, .nanoseconds(1), .milliseconds(1500), .seconds(15), .seconds(-2)] {
            let later = start + duration
            #expect(later - start == duration)
            #expect((later > start) == (duration > .zero))
        }
        #expect((start + .milliseconds(250)).nanoseconds == 5_250_000_000)
    }

    @Test("whole nanoseconds cut sub-nanosecond parts toward zero and saturate beyond Int")
    func wholeNanoseconds() {
        #expect(Duration.milliseconds(1500).wholeNanoseconds == 1_500_000_000)
        #expect(Duration.microseconds(-3).wholeNanoseconds == -3000)
        #expect(
            (Duration.nanoseconds(7) + Duration(secondsComponent: 0, attosecondsComponent: 999_999_999))
                .wholeNanoseconds == 7)
        #expect(Duration.seconds(Int64.max).wholeNanoseconds == .max)
        #expect(Duration.seconds(Int64.min).wholeNanoseconds == .min)
    }

    @Test("adding a duration too long for the clock saturates instead of trapping")
    func saturates() {
        let start = MonotonicInstant(nanoseconds: 1_000)
        #expect((start + .seconds(Int64.max)).nanoseconds == .max)
        #expect((start + .seconds(Int64.min)).nanoseconds == .min)
        #expect((MonotonicInstant(nanoseconds: .max - 1) + .nanoseconds(10)).nanoseconds == .max)
    }

    @Test("now never goes back and keeps time with the system's other clock")
    func nowMoves() {
        // Bounded by ContinuousClock read around it, not by a fixed limit: under a loaded
        // test run the sleep itself may take seconds.
        let outerStart = ContinuousClock.now
        let first = MonotonicInstant.now
        usleep(20_000)
        let second = MonotonicInstant.now
        let outer = ContinuousClock.now - outerStart
        #expect(second - first >= .milliseconds(20))
        #expect(second - first <= outer + .milliseconds(1))
    }
}
