import Foundation
import Synchronization

/// One line per request on standard output, formatted and written by a dedicated thread.
///
/// Event loops append each batch's entries under a mutex (one lock per batch, not per
/// request) and never touch the descriptor or format a byte: an entry is the raw facts (a
/// wall-clock time in milliseconds, the peer's address bytes, the method and target strings
/// the request already holds, three integers), and the logger thread turns them into text or
/// JSON. If stdout is a slow pipe, only the logger thread waits. The queue is capped; entries
/// beyond the cap are counted and reported, not queued without bound.
final class AccessLog: Sendable {
    /// One request, as the event loop saw it.
    struct Entry: Sendable {
        /// When the batch that answered it began: milliseconds since 1970 (UTC).
        var milliseconds: Int64
        /// The peer, captured at accept.
        var client: ClientAddress
        /// The method token, or `-` for a request that could not be parsed.
        var method: String
        /// The target as sent, or `-`.
        var target: String
        /// The status sent.
        var status: Int
        /// The bytes of the response.
        var bytes: Int
        /// How long the answer took.
        var microseconds: Int
    }

    private struct Pending {
        var entries: [Entry] = []
        var dropped = 0
        var isStopping = false
    }

    /// The most entries waiting to be written before entries are dropped: the byte capacity
    /// of ``ServerTuning/accessLogCapacity`` at about 128 bytes a line.
    private let capacity: Int
    private let format: AccessLogFormat

    private let pending = Mutex(Pending())
    private let wakeUp = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let descriptor: Int32

    /// Starts the logger thread, writing to `descriptor` (standard output by default) in
    /// `format` and holding at most about `capacity` bytes of lines.
    init(
        descriptor: Int32 = 1, format: AccessLogFormat = .text,
        capacity: Int = ServerTuning().accessLogCapacity
    ) {
        self.descriptor = descriptor
        self.format = format
        self.capacity = max(capacity / 128, 1)
        let thread = Thread { [self] in run() }
        thread.name = "access-log"
        thread.start()
    }

    /// Queues entries.
    func append(_ entries: [Entry]) {
        let wasEmpty = pending.withLock { state -> Bool in
            let wasEmpty = state.entries.isEmpty
            if state.entries.count + entries.count > capacity {
                state.dropped += entries.count
            } else {
                state.entries.append(contentsOf: entries)
            }
            return wasEmpty
        }
        if wasEmpty { wakeUp.signal() }
    }

    /// Writes what is queued, stops the thread, and returns when it has.
    func stop() {
        pending.withLock { $0.isStopping = true }
        wakeUp.signal()
        finished.wait()
    }

    private func run() {
        var batch: [Entry] = []
        var bytes: [UInt8] = []
        var clock = TimestampFormatter()
        while true {
            wakeUp.wait()
            // Swap buffers under the lock; format and write outside it.
            let (dropped, isStopping) = pending.withLock { state in
                swap(&state.entries, &batch)
                defer { state.dropped = 0 }
                return (state.dropped, state.isStopping)
            }
            for entry in batch {
                Self.appendLine(entry, format: format, clock: &clock, to: &bytes)
            }
            if dropped > 0 {
                bytes.append(contentsOf: "access-log: \(dropped) lines dropped (output too slow)\n".utf8)
            }
            writeAll(bytes)
            batch.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            if isStopping { break }
        }
        finished.signal()
    }

    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += count
            }
        }
    }

    /// Appends one line and its newline.
    ///
    /// Text: `time client METHOD target status bytes microseconds`, e.g.
    /// `2026-12-01T22:27:25.123Z 127.0.0.1 GET /healthz 200 16 42us`; method and target are `-`
    /// for a request that could not be parsed. JSON: one object with the keys `time`,
    /// `client`, `method`, `target`, `status`, `bytes`, `duration_us`.
    ///
    /// The parser admits no spaces or control characters in a target, but the log does not
    /// rely on it: in text, a space, control character, `"`, `\` or DEL is written `\xHH`; in
    /// JSON, strings are JSON-escaped. Either way one request is one line that cannot pass
    /// for another.
    static func appendLine(
        _ entry: Entry, format: AccessLogFormat, clock: inout TimestampFormatter, to out: inout [UInt8]
    ) {
        switch format {
        case .text:
            clock.append(milliseconds: entry.milliseconds, to: &out)
            out.append(ASCII.space)
            entry.client.append(to: &out)
            out.append(ASCII.space)
            appendEscaped(entry.method, to: &out)
            out.append(ASCII.space)
            appendEscaped(entry.target, to: &out)
            out.append(ASCII.space)
            ResponseSerializer.appendDecimal(entry.status, to: &out)
            out.append(ASCII.space)
            ResponseSerializer.appendDecimal(entry.bytes, to: &out)
            out.append(ASCII.space)
            ResponseSerializer.appendDecimal(entry.microseconds, to: &out)
            out.append(contentsOf: "us\n".utf8)
        case .json:
            out.append(contentsOf: #"{"time":""#.utf8)
            clock.append(milliseconds: entry.milliseconds, to: &out)
            out.append(contentsOf: #"","client":""#.utf8)
            entry.client.append(to: &out)
            out.append(contentsOf: #"","method":"#.utf8)
            JSONString.append(entry.method, to: &out)
            out.append(contentsOf: #","target":"#.utf8)
            JSONString.append(entry.target, to: &out)
            out.append(contentsOf: #","status":"#.utf8)
            ResponseSerializer.appendDecimal(entry.status, to: &out)
            out.append(contentsOf: #","bytes":"#.utf8)
            ResponseSerializer.appendDecimal(entry.bytes, to: &out)
            out.append(contentsOf: #","duration_us":"#.utf8)
            ResponseSerializer.appendDecimal(entry.microseconds, to: &out)
            out.append(contentsOf: "}\n".utf8)
        }
    }

    /// `text` with every byte that could break or fake a line written `\xHH`.
    private static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            if byte <= ASCII.space || byte == 0x7F || byte == ASCII.quote || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: "\\x".utf8)
                Hex.append(byte, to: &out)
            } else {
                out.append(byte)
            }
        }
    }
}
