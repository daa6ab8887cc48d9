/// Byte-level helpers for the ASCII grammar of HTTP (RFC 9110 §5.6, RFC 5234 appendix B).
///
/// Field names and tokens are ASCII and compared case-insensitively; working on UTF-8 bytes
/// avoids Unicode case mapping, which is both slower and wrong for protocol elements.
enum ASCII {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B
    static let slash: UInt8 = 0x2F
    static let questionMark: UInt8 = 0x3F
    static let percent: UInt8 = 0x25
    static let quote: UInt8 = 0x22

    /// Lower-cases one ASCII letter; every other byte is returned unchanged.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Whether two byte sequences are equal ignoring ASCII case.
    @inline(__always)
    static func equalsIgnoringCase<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        guard a.count == b.count else { return false }
        var ib = b.startIndex
        for byte in a {
            if lowercased(byte) != lowercased(b[ib]) { return false }
            ib = b.index(after: ib)
        }
        return true
    }

    /// Whether two strings are equal ignoring ASCII case (field names, tokens).
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        equalsIgnoringCase(a.utf8, b.utf8)
    }

    /// Whether a byte is optional whitespace (`OWS`, RFC 9110 §5.6.3).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// Whether a comma-separated list (RFC 9110 §5.6.1) has an element equal to `token`,
    /// ignoring case and the whitespace around elements.
    static func list<List: BidirectionalCollection<UInt8>, Token: Collection<UInt8>>(
        _ list: List, containsToken token: Token
    ) -> Bool {
        var start = list.startIndex
        while true {
            let end = list[start...].firstIndex(of: comma) ?? list.endIndex
            var low = start
            var high = end
            while low < high, isWhitespace(list[low]) { low = list.index(after: low) }
            while high > low, isWhitespace(list[list.index(before: high)]) { high = list.index(before: high) }
            if equalsIgnoringCase(list[low..<high], token) { return true }
            if end == list.endIndex { return false }
            start = list.index(after: end)
        }
    }

    /// Whether a byte is a `tchar` (RFC 9110 §5.6.2): the characters of a token.
    @inline(__always)
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        tokenTable[Int(byte)]
    }

    /// Whether a byte may appear in a field value (RFC 9110 §5.5): visible characters,
    /// obs-text, space and horizontal tab; never other control characters.
    @inline(__always)
    static func isFieldValueCharacter(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }

    /// `tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`"
    /// / "|" / "~" / DIGIT / ALPHA`, as a 256-entry lookup table.
    private static let tokenTable: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in "!#$%&'*+-.^_`|~".utf8 { table[Int(byte)] = true }
        return table
    }()
}
