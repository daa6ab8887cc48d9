/// The content of a response.
///
/// Built from an array for responses made per request, or shared immutable storage for a
/// ``PreparedResponse``: serving the latter copies nothing and allocates nothing.
public struct HTTPBody: Sendable, Equatable {
    enum Storage: Sendable {
        case bytes([UInt8])
        case stored(ByteStorage)
    }

    let storage: Storage

    /// A body holding these bytes.
    public init(_ bytes: [UInt8]) {
        storage = .bytes(bytes)
    }

    /// A body holding the UTF-8 bytes of `text`.
    public init(_ text: String) {
        storage = .bytes(Array(text.utf8))
    }

    init(stored: ByteStorage) {
        storage = .stored(stored)
    }

    /// No content.
    public static let empty = HTTPBody([])

    /// The number of bytes.
    public var count: Int {
        switch storage {
        case .bytes(let bytes): return bytes.count
        case .stored(let stored): return stored.count
        }
    }

    /// Whether there are no bytes.
    public var isEmpty: Bool { count == 0 }

    /// The bytes, as a new array (for tests and the rare consumer that needs them).
    public var bytes: [UInt8] {
        switch storage {
        case .bytes(let bytes): return bytes
        case .stored(let stored): return Array(stored.bytes)
        }
    }

    /// Calls `body` with the bytes in contiguous memory.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
    {
        switch storage {
        case .bytes(let bytes): return try bytes.withUnsafeBytes(body)
        case .stored(let stored): return try body(stored.bytes)
        }
    }

    /// Bodies are equal when their bytes are.
    public static func == (lhs: HTTPBody, rhs: HTTPBody) -> Bool {
        lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in left.elementsEqual(right) } }
    }
}
