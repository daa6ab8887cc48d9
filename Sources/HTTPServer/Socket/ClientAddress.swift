import Glibc

/// The peer address of an accepted connection, captured once by `accept` and kept as raw
/// bytes: turning it into text (`inet_ntop`) is left to whoever prints it, off the event loop.
struct ClientAddress: Sendable {
    /// `AF_INET`, `AF_INET6`, or 0 when the address is unknown.
    let family: sa_family_t
    /// The address in network byte order: 4 bytes for IPv4, 16 for IPv6.
    let bytes: (UInt64, UInt64)

    /// An address that could not be read.
    static let unknown = ClientAddress(family: 0, bytes: (0, 0))

    /// The address in `storage`, as `accept` filled it in.
    init(_ storage: sockaddr_storage) {
        var storage = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            let address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in.self) }
            family = sa_family_t(AF_INET)
            bytes = (UInt64(address.sin_addr.s_addr), 0)
        case AF_INET6:
            let address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in6.self) }
            let raw = withUnsafeBytes(of: address.sin6_addr) {
                ($0.load(as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self))
            }
            // An IPv4 client of a dual-stack socket (`::ffff:a.b.c.d`) is shown as IPv4.
            if raw.0 == 0, raw.1 & 0xFFFF_FFFF == 0xFFFF_0000 {
                family = sa_family_t(AF_INET)
                bytes = (raw.1 >> 32, 0)
            } else {
                family = sa_family_t(AF_INET6)
                bytes = raw
            }
        default:
            self = .unknown
        }
    }

    private init(family: sa_family_t, bytes: (UInt64, UInt64)) {
        self.family = family
        self.bytes = bytes
    }

    /// Appends the address as text (`127.0.0.1`, `::1`), or `-` when it is unknown.
    func append(to out: inout [UInt8]) {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var raw = bytes
        let done = withUnsafeBytes(of: &raw) { address in
            inet_ntop(Int32(family), address.baseAddress, &text, socklen_t(text.count)) != nil
        }
        guard family != 0, done else {
            out.append(UInt8(ascii: "-"))
            return
        }
        for character in text {
            if character == 0 { break }
            out.append(UInt8(bitPattern: character))
        }
    }

    /// The address as text.
    var text: String {
        var out: [UInt8] = []
        append(to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
