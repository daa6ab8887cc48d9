/// Percent-encoding of URI components (RFC 3986 §2.1), the inverse of ``PercentDecoding``.
public enum PercentEncoding {
    /// `component` with every byte outside RFC 3986's unreserved characters (§2.3: letters,
    /// digits, `-`, `.`, `_`, `~`) written as `%XX`, uppercase as §2.1 recommends: safe as a
    /// path segment or a query value.
    public static func encode(_ component: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(component.utf8.count)
        for byte in component.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(ASCII.percent)
                Hex.append(byte, to: &out, uppercase: true)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
