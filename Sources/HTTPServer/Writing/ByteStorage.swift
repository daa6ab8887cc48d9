/// Immutable bytes at a stable address, for response bodies handed to `sendmsg`.
///
/// A partial write leaves an `iovec` pointing into the body until `EPOLLOUT` says the rest
/// can go; an `Array` gives no such guarantee outside `withUnsafeBytes`. This class owns
/// one allocation that never moves and never changes.
///
/// `@unchecked Sendable` is sound because the bytes are written exactly once, in `init`,
/// before the reference can be shared, and are only read afterwards; the memory is freed
/// in `deinit`, when no reference (and so no in-flight write) remains.
final class ByteStorage: @unchecked Sendable {
    /// The bytes.
    let bytes: UnsafeRawBufferPointer

    /// Copies `source` into a new allocation.
    init<Source: Collection<UInt8>>(_ source: Source) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
        let copied = buffer.initializeMemory(as: UInt8.self, from: source)
        bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: copied.initialized.count)
    }

    deinit {
        UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
    }

    /// The number of bytes.
    var count: Int { bytes.count }
}
