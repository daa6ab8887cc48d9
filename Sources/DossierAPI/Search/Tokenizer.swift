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

    /// ASCII letters and digits, the bulk of Dutch text, are folded right here, byte by byte;
    /// only other scalars go through ``TextFolding`` (this runs over every text of every
    /// dossier at start-up, and over the fields of every hit of a search).
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var folded: [UInt8] = []
        folded.reserveCapacity(32)
        var isInToken = false
        var start = 0
        var offset = 0
        func flush() {
            guard isInToken else { return }
            tokens.append(Token(folded: String(decoding: folded, as: UTF8.self), range: start..<offset))
            folded.removeAll(keepingCapacity: true)
            isInToken = false
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x30...0x39, 0x61...0x7A:
                    if !isInToken {
                        start = offset
                        isInToken = true
                    }
                    folded.append(byte)
                case 0x41...0x5A:
                    if !isInToken {
                        start = offset
                        isInToken = true
                    }
                    folded.append(byte + 0x20)
                default:
                    flush()
                }
                offset += 1
            } else {
                if isTokenScalar(scalar) {
                    if !isInToken {
                        start = offset
                        isInToken = true
                    }
                    TextFolding.fold(CollectionOfOne(scalar), into: &folded)
                } else {
                    flush()
                }
                offset += UTF8.width(scalar)
            }
        }
        flush()
        return tokens
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
