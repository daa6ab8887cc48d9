/// Splits text into search tokens: maximal runs of letters and digits (with any combining
/// marks). Each token keeps its UTF-8 byte range in the original text, so a snippet can mark
/// the very characters that matched.
enum Tokenizer {
    /// One token of a text.
    struct Token {
        /// The case- and diacritic-folded form, the unit of matching.
        var folded: String
        /// Byte offsets of the token in the original text's UTF-8.
        var range: Range<Int>
    }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        forEachToken(in: text) { folded, range in
            tokens.append(Token(folded: String(decoding: folded, as: UTF8.self), range: range))
        }
        return tokens
    }

    /// Calls `body` with each token's folded UTF-8 (valid only during the call) and its byte
    /// range in `text`, without making a `String` per token (the index builder needs none).
    ///
    /// ASCII letters and digits, the bulk of Dutch text, are folded right here, byte by byte;
    /// only other scalars go through ``TextFolding``.
    static func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        var text = text
        text.withUTF8 { forEachToken(in: $0, body) }
    }

    private static func forEachToken(
        in utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) {
        var folded: [UInt8] = []
        folded.reserveCapacity(32)
        // The start of the token being read, or -1 between tokens.
        var start = -1
        var offset = 0
        while offset < utf8.count {
            let byte = utf8[offset]
            var width = 1
            var isTokenPart: Bool
            if byte < 0x80 {
                switch byte {
                case 0x30...0x39, 0x61...0x7A:
                    folded.append(byte)
                    isTokenPart = true
                case 0x41...0x5A:
                    folded.append(byte + 0x20)
                    isTokenPart = true
                default:
                    isTokenPart = false
                }
            } else {
                // A multi-byte scalar (a String's UTF-8 is valid, so the lead byte tells its
                // length).
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for index in 1..<width { value = value << 6 | UInt32(utf8[offset + index] & 0x3F) }
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                isTokenPart = isTokenScalar(scalar)
                if isTokenPart { TextFolding.fold(CollectionOfOne(scalar), into: &folded) }
            }
            if isTokenPart {
                if start < 0 { start = offset }
            } else if start >= 0 {
                folded.withUnsafeBufferPointer { body($0, start..<offset) }
                folded.removeAll(keepingCapacity: true)
                start = -1
                // The Dutch 's of plurals and genitives (collega's, auto's) belongs to the word
                // before it: skip it, rather than make a token "s" that, as the last term of a
                // query, would match every word starting with s.
                let next = offset + width
                if isApostrophe(utf8, at: offset), next < utf8.count, utf8[next] | 0x20 == UInt8(ascii: "s"),
                    next + 1 == utf8.count || !isWordByte(utf8[next + 1])
                {
                    offset = next + 1
                    continue
                }
            }
            offset += width
        }
        if start >= 0 {
            folded.withUnsafeBufferPointer { body($0, start..<offset) }
        }
    }

    /// `'` or `’` (U+2019) at `offset`.
    private static func isApostrophe(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        if utf8[offset] == UInt8(ascii: "'") { return true }
        return offset + 2 < utf8.count && utf8[offset] == 0xE2 && utf8[offset + 1] == 0x80
            && utf8[offset + 2] == 0x99
    }

    /// An ASCII letter or digit, or any byte of a multi-byte scalar (which may be a letter).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
            || (0x61...0x7A).contains(byte)
    }

    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value)
        }
        if (0x0300...0x036F).contains(value) { return true }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }
}
