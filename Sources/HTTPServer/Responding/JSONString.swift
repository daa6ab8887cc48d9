/// JSON string literals (RFC 8259 §7), written straight into a byte buffer.
public enum JSONString {
    /// Appends `text` as a quoted JSON string: `"` and `\` escaped, control characters as
    /// `\n`, `\t`, ... or `\u00XX`; everything else (including non-ASCII) as UTF-8.
    public static func append(_ text: String, to out: inout [UInt8]) {
        out.append(ASCII.quote)
        for byte in text.utf8 {
            switch byte {
            case ASCII.quote: out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case ASCII.lf: out.append(contentsOf: "\\n".utf8)
            case ASCII.cr: out.append(contentsOf: "\\r".utf8)
            case ASCII.tab: out.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                Hex.append(byte, to: &out)
            default: out.append(byte)
            }
        }
        out.append(ASCII.quote)
    }

    /// `text` as a quoted JSON string.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
