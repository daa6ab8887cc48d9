import Glibc

/// The socket system calls the server makes, with their options in one place.
enum Socket {
    /// Creates a non-blocking listening TCP socket bound to `host:port` (port 0 picks a free
    /// one), and returns it with the bound port.
    static func listen(host: String, port: Int, backlog: Int32) throws(ServerError) -> (
        descriptor: Int32, port: Int
    ) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &results)
        guard status == 0, let first = results else {
            throw ServerError(
                operation: "resolve \(host)", code: status, message: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(results) }

        let descriptor = socket(
            first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError(operation: "socket", code: errno) }
        do throws(ServerError) {
            // Restarting must not wait for TIME_WAIT connections of the previous process.
            try setOption(descriptor, SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR")
            guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
                throw ServerError(operation: "bind \(host):\(port)", code: errno)
            }
            guard Glibc.listen(descriptor, backlog) == 0 else {
                throw ServerError(operation: "listen", code: errno)
            }
            try setNonBlocking(descriptor)
            return (descriptor, try boundPort(descriptor))
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Accepts one pending connection: non-blocking, close-on-exec, `TCP_NODELAY` (a small
    /// response must not wait for Nagle's algorithm). Returns the descriptor, or `nil` with
    /// `errno` set when there is none or accepting failed. Glibc's Swift overlay has no
    /// `accept4`, hence the `fcntl`s.
    static func accept(_ listener: Int32) -> (descriptor: Int32, client: ClientAddress)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let descriptor = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(listener, $0, &length) }
        }
        guard descriptor >= 0 else { return nil }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return (descriptor, ClientAddress(storage))
    }

    /// Reads into `buffer`: bytes read, 0 at end of input, or -1 with `errno`.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            return count
        }
    }

    /// Writes the `iovec`s with one call: bytes written, or -1 with `errno`.
    /// `sendmsg` rather than `writev` for `MSG_NOSIGNAL`: a peer that has gone yields
    /// `EPIPE` here instead of killing the process with SIGPIPE.
    /// `moreFollows` sets `MSG_MORE`: the kernel holds a short tail back until the next call
    /// (a `sendfile` of the body) adds to it, so a head does not leave as a packet of its own.
    static func write(
        _ descriptor: Int32, _ vectors: UnsafeMutableBufferPointer<iovec>, moreFollows: Bool = false
    ) -> Int {
        var message = msghdr()
        message.msg_iov = vectors.baseAddress
        message.msg_iovlen = vectors.count
        let flags = Int32(MSG_NOSIGNAL) | (moreFollows ? Int32(MSG_MORE) : 0)
        while true {
            let count = sendmsg(descriptor, &message, flags)
            if count < 0, errno == EINTR { continue }
            return count
        }
    }

    /// Sends `count` bytes of `file` from `offset` with `sendfile`: bytes written, or -1 with
    /// `errno`. The socket must be non-blocking (it is), so this never waits. A peer that has
    /// gone yields `EPIPE`, not SIGPIPE: the server ignores SIGPIPE (see ``Server/start()``).
    static func sendFile(_ descriptor: Int32, from file: Int32, offset: Int, count: Int) -> Int {
        var position = off_t(offset)
        while true {
            let written = sendfile(descriptor, file, &position, count)
            if written < 0, errno == EINTR { continue }
            return written
        }
    }

    /// The port a bound socket listens on.
    static func boundPort(_ descriptor: Int32) throws(ServerError) -> Int {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { throw ServerError(operation: "getsockname", code: errno) }
        switch Int32(address.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin_port))
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
        default:
            throw ServerError(operation: "getsockname", code: EAFNOSUPPORT)
        }
    }

    static func setNonBlocking(_ descriptor: Int32) throws(ServerError) {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw ServerError(operation: "fcntl O_NONBLOCK", code: errno)
        }
    }

    private static func setOption(
        _ descriptor: Int32, _ level: Int32, _ name: Int32, _ value: Int32, _ label: String
    ) throws(ServerError) {
        var value = value
        guard setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw ServerError(operation: "setsockopt \(label)", code: errno)
        }
    }
}
