import Glibc

/// The bytes a connection still has to write, as segments for one `writev`.
///
/// Heads (and small bodies) are copied into one growing byte buffer; large prepared bodies
/// are referenced, not copied. All responses of a pipelined batch go out in one
/// `writev`/`sendmsg` call: writing a head and its body separately would wait for the
/// client's delayed ACK (~40 ms) on every request. Segments are offsets, not pointers, so
/// the buffer may grow between writes; `iovec`s are made just before each write.
///
/// A wire image in the ``BodyFile`` is a segment of its own that ``withNextWrite(_:_:)``
/// offers for `sendfile`; the bytes before it go out first with `MSG_MORE`, so the kernel
/// holds them back until the image follows and they still leave as full packets.
///
/// Owned by one ``Connection`` and touched only on its loop's queue.
struct OutboundQueue {
    private enum Segment {
        case inline(start: Int, end: Int)
        case stored(ByteStorage)
        case file(FileStretch)

        var count: Int {
            switch self {
            case .inline(let start, let end): return end - start
            case .stored(let storage): return storage.count
            case .file(let stretch): return stretch.count
            }
        }
    }

    /// One system call's worth of pending output.
    enum Write {
        /// Byte segments for `writev`/`sendmsg`; `moreFollows` when a file segment comes next.
        case vectors(UnsafeMutableBufferPointer<iovec>, moreFollows: Bool)
        /// A stretch of the body file `descriptor` for `sendfile`.
        case file(descriptor: Int32, offset: Int, count: Int)
    }

    /// Stored bodies up to this size are copied (``ServerTuning/inlineCopyThreshold``).
    private let copyThreshold: Int
    /// The buffer capacity kept between responses (``ServerTuning/retainedWriteBufferCapacity``).
    private let retainedCapacity: Int

    private var bytes: [UInt8] = []
    private var segments: [Segment] = []
    /// The first segment not completely written, and how much of it has been.
    private var first = 0
    private var firstWritten = 0

    /// Bytes queued and not yet written.
    private(set) var pendingByteCount = 0

    /// Whether everything queued has been written.
    var isEmpty: Bool { pendingByteCount == 0 }

    /// An empty queue with the given copy threshold and retained capacity.
    init(tuning: ServerTuning = ServerTuning()) {
        copyThreshold = tuning.inlineCopyThreshold
        retainedCapacity = tuning.retainedWriteBufferCapacity
    }

    /// Queues a copy of `source`.
    mutating func appendBytes(_ source: [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: source)
        extendInline(from: start)
    }

    /// Queues a copy of `source`.
    mutating func appendBytes(_ source: UnsafeRawBufferPointer) {
        let start = bytes.count
        bytes.append(contentsOf: source)
        extendInline(from: start)
    }

    /// Queues whatever `build` appends to the buffer.
    mutating func appendBytes(_ build: (inout [UInt8]) -> Void) {
        let start = bytes.count
        build(&bytes)
        extendInline(from: start)
    }

    /// Queues stored bytes by reference (small ones are copied).
    mutating func appendStorage(_ storage: ByteStorage) {
        if storage.count <= copyThreshold {
            appendBytes(storage.bytes)
            return
        }
        segments.append(.stored(storage))
        pendingByteCount += storage.count
    }

    /// Queues a stretch of the body file, to be sent with `sendfile`.
    mutating func appendFile(_ stretch: FileStretch) {
        segments.append(.file(stretch))
        pendingByteCount += stretch.count
    }

    private mutating func extendInline(from start: Int) {
        let end = bytes.count
        guard end > start else { return }
        pendingByteCount += end - start
        if let last = segments.last, case .inline(let lastStart, let lastEnd) = last, lastEnd == start,
            segments.count - 1 >= first
        {
            segments[segments.count - 1] = .inline(start: lastStart, end: end)
        } else {
            segments.append(.inline(start: start, end: end))
        }
    }

    /// Calls `write` with the next system call's worth of output: the `iovec`s of the byte
    /// segments up to the next file segment (at most `scratch.count`), or, when a file segment
    /// is first, its unwritten stretch of the file. `write` returns how many bytes it wrote,
    /// or a negative value on error, which is passed through.
    func withNextWrite(_ scratch: UnsafeMutableBufferPointer<iovec>, _ write: (Write) -> Int) -> Int {
        guard first < segments.count else { return 0 }
        if case .file(let stretch) = segments[first] {
            return write(
                .file(
                    descriptor: stretch.file.descriptor, offset: stretch.offset + firstWritten,
                    count: stretch.count - firstWritten))
        }
        var end = first
        while end < segments.count, end - first < scratch.count {
            if case .file = segments[end] { break }
            end += 1
        }
        var moreFollows = false
        if end < segments.count, case .file = segments[end] { moreFollows = true }
        return bytes.withUnsafeBytes { buffer in
            var count = 0
            var offset = firstWritten
            for index in first..<end {
                switch segments[index] {
                case .inline(let start, let segmentEnd):
                    if let base = buffer.baseAddress {
                        scratch[count] = iovec(
                            iov_base: UnsafeMutableRawPointer(mutating: base + start + offset),
                            iov_len: segmentEnd - start - offset)
                        count += 1
                    }
                case .stored(let storage):
                    if let base = storage.bytes.baseAddress {
                        scratch[count] = iovec(
                            iov_base: UnsafeMutableRawPointer(mutating: base + offset),
                            iov_len: storage.count - offset)
                        count += 1
                    }
                case .file:
                    // Never reached: the loop above stops at the first file segment.
                    break
                }
                offset = 0
            }
            return write(
                .vectors(UnsafeMutableBufferPointer(rebasing: scratch[0..<count]), moreFollows: moreFollows))
        }
    }

    /// Marks `count` bytes as written.
    mutating func consume(_ count: Int) {
        pendingByteCount -= count
        var remaining = count
        while remaining > 0, first < segments.count {
            let left = segments[first].count - firstWritten
            if remaining >= left {
                remaining -= left
                first += 1
                firstWritten = 0
            } else {
                firstWritten += remaining
                remaining = 0
            }
        }
        if pendingByteCount == 0 { removeAll() }
    }

    /// Forgets everything queued (also what was not written), keeping modest capacity so a
    /// keep-alive connection reuses its buffer.
    mutating func removeAll() {
        if bytes.capacity > retainedCapacity {
            bytes = []
        } else {
            bytes.removeAll(keepingCapacity: true)
        }
        segments.removeAll(keepingCapacity: true)
        first = 0
        firstWritten = 0
        pendingByteCount = 0
    }
}

@available(*, unavailable, message: "a connection's queue is touched only on its event loop's queue")
extension OutboundQueue: Sendable {}
