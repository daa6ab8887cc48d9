import Foundation
import Glibc

/// A small blocking-socket HTTP client for tests: sends raw bytes, reads raw responses,
/// and never waits past a deadline (poll(2) with a timeout, no sleeps).
public final class TestClient {
    /// Why the client gave up (a timeout, a reset, bytes that are not HTTP).
    public struct Failure: Error, CustomStringConvertible {
        /// What happened.
        public let description: String
    }

    /// A response as read off the wire.
    public struct Response: Sendable {
        /// The status code.
        public let status: Int
        /// The head as received, without the final empty line.
        public let head: String
        /// The header fields, in order.
        public let fields: [(name: String, value: String)]
        /// The content.
        public let body: [UInt8]

        /// The first field named `name` (case-insensitive).
        public func header(_ name: String) -> String? {
            fields.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The content as UTF-8 text.
        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The content parsed as JSON (`[String: Any]`, `[Any]`, ...), or `nil` if it is not.
        public var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }

        /// Reads one response from the start of `bytes`: the response and how many bytes it
        /// took, `nil` when the bytes do not hold a whole one yet. `isHead` says it answers a
        /// HEAD (no body whatever the length). Throws when the bytes are not HTTP.
        static func parse(_ bytes: [UInt8], isHead: Bool) throws -> (response: Response, length: Int)? {
            guard let headEnd = find([13, 10, 13, 10], in: bytes).map({ $0 + 4 }) else { return nil }
            let head = String(decoding: bytes[..<(headEnd - 4)], as: UTF8.self)
            var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
            let statusLine = lines.removeFirst()
            let parts = statusLine.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
                throw Failure(description: "bad status line '\(statusLine)'")
            }
            var fields: [(String, String)] = []
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else {
                    throw Failure(description: "bad field line '\(line)'")
                }
                fields.append((String(line[..<colon]), trimmed(line[line.index(after: colon)...])))
            }
            let lengthText = fields.first { $0.0.lowercased() == "content-length" }?.1
            let length =
                isHead || status == 204 || status == 304 || status < 200 ? 0 : Int(lengthText ?? "0") ?? 0
            guard bytes.count >= headEnd + length else { return nil }
            let response = Response(
                status: status, head: head, fields: fields, body: Array(bytes[headEnd..<(headEnd + length)]))
            return (response, headEnd + length)
        }
    }

    /// How a wait for the connection to close ended.
    public enum Ending: Equatable {
        /// The server closed (FIN), after sending these bytes.
        case closed(extraBytes: Int)
        /// The server reset the connection.
        case reset
        /// Still open at the deadline.
        case stillOpen
    }

    /// The socket.
    public let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; a small `receiveBufferSize` makes the server's writes
    /// block, to exercise back-pressure.
    public init(port: Int, receiveBufferSize: Int32? = nil) throws {
        // The socket is stored only once it is connected. A class whose stored properties
        // are all set runs `deinit` when its initialiser throws; closing in the failure path
        // and again in `deinit` would close a descriptor number another test may have been
        // handed in between (CI once saw a static file read fail with EBADF that way).
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        if var size = receiveBufferSize {
            setsockopt(
                socketDescriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            let code = errno
            close(socketDescriptor)
            throw Failure(description: "connect: \(code)")
        }
        descriptor = socketDescriptor
    }

    private var isOpen = true

    deinit {
        disconnect()
    }

    /// Closes the socket (FIN), as a client does after `Connection: close`.
    public func disconnect() {
        guard isOpen else { return }
        isOpen = false
        close(descriptor)
    }

    /// Sends text; returns false if the server has gone (EPIPE/ECONNRESET).
    @discardableResult
    public func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    /// Sends bytes; returns false if the server has gone.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            guard waitFor(events: Int16(POLLOUT), until: .now + .seconds(5)) else { return false }
            let count = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// Reads one response. `isHead` says it answers a HEAD (no body whatever the length).
    public func readResponse(isHead: Bool = false, timeout: Duration = .seconds(5)) throws -> Response {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let (response, length) = try Response.parse(buffer, isHead: isHead) {
                buffer.removeFirst(length)
                return response
            }
            guard try fill(until: deadline) else {
                throw Failure(
                    description:
                        "closed before a complete response; got \(String(decoding: buffer, as: UTF8.self))")
            }
        }
    }

    /// Waits for the server to close the connection.
    public func waitForClose(timeout: Duration = .seconds(5)) -> Ending {
        let deadline = ContinuousClock.now + timeout
        var extra = buffer.count
        buffer.removeAll()
        while true {
            do {
                guard try fill(until: deadline) else { return .closed(extraBytes: extra) }
                extra += buffer.count
                buffer.removeAll()
            } catch let failure as Failure where failure.description == "timeout" {
                return .stillOpen
            } catch {
                return .reset
            }
        }
    }

    /// Whether the connection is still open after `duration` with nothing received.
    public func staysOpen(for duration: Duration) -> Bool {
        waitForClose(timeout: duration) == .stillOpen
    }

    /// Closes with RST instead of FIN (SO_LINGER 0, then close), like a client that crashed.
    public func reset() {
        var linger = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        disconnect()
    }

    /// Reads more into the buffer: true if bytes came, false at end of stream; throws on
    /// timeout or reset.
    private func fill(until deadline: ContinuousClock.Instant) throws -> Bool {
        guard waitFor(events: Int16(POLLIN), until: deadline) else { throw Failure(description: "timeout") }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw Failure(description: "recv errno \(errno)") }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    private func waitFor(events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let remaining = deadline - .now
            if remaining <= .zero { return false }
            let milliseconds = Int32(
                remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
                    + 1)
            var request = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&request, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0, errno != EINTR { return true }
        }
    }
}

/// Where `pattern` first starts in `bytes`.
private func find(_ pattern: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= pattern.count else { return nil }
    for start in 0...(bytes.count - pattern.count)
    where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
        return start
    }
    return nil
}

/// The text without leading and trailing spaces and tabs.
private func trimmed(_ text: Substring) -> String {
    var text = text
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return String(text)
}
