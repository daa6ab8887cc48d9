import Synchronization

/// A value made the first time it is asked for, by whichever thread asks first, and shared
/// from then on; a thread asking meanwhile waits for it rather than making a second one.
///
/// For what start-up can leave until after the socket opens (the CASE records and the paths of
/// the LMS rows): reading it takes a lock, so it stays off the hot path.
final class OnceValue<Value: Sendable>: Sendable {
    private let state: Mutex<Value?> = Mutex(nil)
    private let make: @Sendable () -> Value

    /// A value `make` makes when first asked for.
    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, made now if no one has yet.
    var value: Value {
        state.withLock { value in
            if let value { return value }
            let made = make()
            value = made
            return made
        }
    }
}
