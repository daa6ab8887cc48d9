/// Hexadecimal digits (RFC 5234 `HEXDIG`): the one place the HTTP layer turns bytes into hex
/// and back, for entity tags, JSON `\u00XX` escapes, percent-encoding and chunk sizes.
public enum Hex {
    private static let lowercaseDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let uppercaseDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// The digit for the low four bits of `nibble`; lowercase unless `uppercase` (RFC 3986
    /// §2.1 prefers uppercase in percent-encodings).
    @inline(__always)
    public static func digit(_ nibble: UInt8, uppercase: Bool = false) -> UInt8 {
        (uppercase ? uppercaseDigits : lowercaseDigits)[Int(nibble & 0x0F)]
    }

    /// Appends the two digits of `byte`, high nibble first.
    @inline(__always)
    public static func append(_ byte: UInt8, to out: inout [UInt8], uppercase: Bool = false) {
        out.append(digit(byte >> 4, uppercase: uppercase))
        out.append(digit(byte, uppercase: uppercase))
    }

    /// `bytes` as lowercase hex, two digits per byte.
    public static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes, uppercase: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes { append(byte, to: &out, uppercase: uppercase) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of a hex digit (either case), or `nil` for any other byte.
    @inline(__always)
    public static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: return digit - 0x30
        case 0x41...0x46: return digit - 0x41 + 10
        case 0x61...0x66: return digit - 0x61 + 10
        default: return nil
        }
    }
}
