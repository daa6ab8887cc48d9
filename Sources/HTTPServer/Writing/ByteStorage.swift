/// Immutable bytes at a stable address, for response bodies handed to `writev` or `sendfile`.
///
/// A partial write leaves an `iovec` pointing into the body until `EPOLLOUT` says the rest
/// can go; an `Array` gives no such guarantee outside `withUnsafeBytes`. This class owns
/// one allocation that never moves and never changes: ordinary memory, or for a large body
/// made with ``init(sendable:)`` a read-only mapping of its place in the ``BodyFile``, which
/// the connection then sends with `sendfile`.
///
/// `@unchecked Sendable` is sound because the bytes are written exactly once, in `init`,
/// before the reference can be shared, and are only read afterwards; the memory is freed
/// in `deinit`, when no reference (and so no in-flight write) remains.
final class ByteStorage: @unchecked Sendable {
    /// The bytes.
    let bytes: UnsafeRawBufferPointer
    /// Where the same bytes are in ``BodyFile/shared``, if they are there.
    let fileOffset: Int?

    /// Copies `source` into a new allocation.
    init<Source: Collection<UInt8>>(_ source: Source) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
        let copied = buffer.initializeMemory(as: UInt8.self, from: source)
        bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: copied.initialized.count)
        fileOffset = nil
    }

    /// Stores `source` for sending: in the ``BodyFile`` when it is at least
    /// ``BodyFile/threshold`` bytes and the file is available, in ordinary memory otherwise.
    convenience init(sendable source: [UInt8]) {
        if source.count >= BodyFile.threshold, let file = BodyFile.shared,
            let stored = source.withUnsafeBytes({ file.store($0) })
        {
            self.init(mapped: stored.mapped, fileOffset: stored.offset)
        } else {
            self.init(source)
        }
    }

    private init(mapped: UnsafeRawBufferPointer, fileOffset: Int) {
        bytes = mapped
        self.fileOffset = fileOffset
    }

    deinit {
        if let fileOffset {
            BodyFile.shared?.release(offset: fileOffset, count: bytes.count, mapped: bytes)
        } else {
            UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
        }
    }

    /// The number of bytes.
    var count: Int { bytes.count }
}
