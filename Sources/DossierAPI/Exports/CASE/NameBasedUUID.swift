/// A name-based UUID, version 5 (RFC 9562 §5.5): SHA-1 over a namespace UUID and a name.
///
/// The same namespace and name give the same UUID on every replica and after every restart,
/// which is what lets a CASE consumer keep its links to our frameworks.
struct NameBasedUUID: Hashable, Sendable, CustomStringConvertible {
    /// The 16 bytes, in network order.
    let bytes: [UInt8]

    /// The UUID of `name` (its UTF-8 bytes) in `namespace`.
    init(namespace: NameBasedUUID, name: String) {
        var hash = SHA1.digest(namespace.bytes + Array(name.utf8))
        hash.removeLast(4)
        hash[6] = (hash[6] & 0x0F) | 0x50  // version 5 (§5.5)
        hash[8] = (hash[8] & 0x3F) | 0x80  // variant 10xx (§4.1)
        bytes = hash
    }

    /// Parses the 8-4-4-4-12 hex form (either case); `nil` for anything else.
    init?(_ text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 36 else { return nil }
        var parsed: [UInt8] = []
        var high: UInt8?
        for (index, byte) in utf8.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard let nibble = Self.nibble(byte) else { return nil }
            if let first = high {
                parsed.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        bytes = parsed
    }

    /// Lower-case 8-4-4-4-12 hex, as RFC 9562 §4 recommends for output.
    var description: String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The RFC 9562 §6.6 namespace for URLs (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
    static let urlNamespace = NameBasedUUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")!
    /// The RFC 9562 §6.6 namespace for DNS names (`6ba7b810-9dad-11d1-80b4-00c04fd430c8`).
    static let dnsNamespace = NameBasedUUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")!

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
