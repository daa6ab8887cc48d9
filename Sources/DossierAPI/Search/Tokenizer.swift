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
        var current: [Unicode.Scalar] = []
        var start = 0
        var offset = 0
        func flush() {
            guard !current.isEmpty else { return }
            var folded: [UInt8] = []
            TextFolding.fold(current, into: &folded)
            tokens.append(Token(folded: String(decoding: folded, as: UTF8.self), range: start..<offset))
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if isTokenScalar(scalar) {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else {
                flush()
            }
            offset += UTF8.width(scalar)
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
