import Glibc

/// A system call failed while starting the server (resolving, binding, listening).
public struct ServerError: Error, CustomStringConvertible, Sendable {
    /// What was being done, e.g. `bind 0.0.0.0:8080`.
    public let operation: String
    /// The `errno` value, or a `getaddrinfo` error code for resolution.
    public let code: Int32
    /// The system's message for `code`.
    public let message: String

    /// Creates an error; `message` defaults to `strerror(code)`.
    public init(operation: String, code: Int32, message: String? = nil) {
        self.operation = operation
        self.code = code
        self.message = message ?? String(cString: strerror(code))
    }

    /// `operation: message`.
    public var description: String { "\(operation): \(message)" }
}
