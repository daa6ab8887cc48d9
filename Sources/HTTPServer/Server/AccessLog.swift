import Foundation
import Synchronization

/// One line per request on standard output, written by a dedicated thread.
///
/// Event loops append each batch's lines under a mutex (one lock per batch, not per
/// request) and never touch the descriptor: if stdout is a slow pipe, only the logger thread
/// waits. The buffer is capped; lines beyond the cap are counted and reported, not queued
/// without bound.
final class AccessLog: Sendable {
    private struct Pending {
        var bytes: [UInt8] = []
        var dropped = 0
        var isStopping = false
    }

    /// The most bytes waiting to be written before lines are dropped
    /// (``ServerTuning/accessLogCapacity``).
    private let capacity: Int

    private let pending = Mutex(Pending())
    private let wakeUp = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let descriptor: Int32

    /// Starts the logger thread, writing to `descriptor` (standard output by default) and
    /// holding at most `capacity` bytes of lines.
    init(descriptor: Int32 = 1, capacity: Int = ServerTuning().accessLogCapacity) {
        self.descriptor = descriptor
        self.capacity = capacity
        let thread = Thread { [self] in run() }
        thread.name = "access-log"
        thread.start()
    }

    /// Queues formatted lines.
    func append(_ lines: [UInt8]) {
        let wasEmpty = pending.withLock { state -> Bool in
            let wasEmpty = state.bytes.isEmpty
            if state.bytes.count + lines.count > capacity {
                state.dropped += lines.reduce(0) { $0 + ($1 == ASCII.lf ? 1 : 0) }
            } else {
                state.bytes.append(contentsOf: lines)
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
        var batch: [UInt8] = []
        while true {
            wakeUp.wait()
            // Swap buffers under the lock; write outside it.
            let (dropped, isStopping) = pending.withLock { state in
                swap(&state.bytes, &batch)
                defer { state.dropped = 0 }
                return (state.dropped, state.isStopping)
            }
            if dropped > 0 {
                batch.append(contentsOf: "access-log: \(dropped) lines dropped (output too slow)\n".utf8)
            }
            writeAll(batch)
            batch.removeAll(keepingCapacity: true)
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

    /// Appends `METHOD target status bytes microseconds` and a newline, e.g.
    /// `GET /healthz 200 16 42us`. Method and target are `-` for a request that could not be
    /// parsed. The target comes from a parsed request line, which has no spaces or control
    /// characters, so a line cannot be forged.
    static func appendLine(
        method: String, target: String, status: Int, bytes: Int, microseconds: Int, to out: inout [UInt8]
    ) {
        out.append(contentsOf: method.utf8)
        out.append(ASCII.space)
        out.append(contentsOf: target.utf8)
        out.append(ASCII.space)
        ResponseSerializer.appendDecimal(status, to: &out)
        out.append(ASCII.space)
        ResponseSerializer.appendDecimal(bytes, to: &out)
        out.append(ASCII.space)
        ResponseSerializer.appendDecimal(microseconds, to: &out)
        out.append(contentsOf: "us\n".utf8)
    }
}
