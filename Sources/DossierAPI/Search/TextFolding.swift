/// Case and diacritic folding for search: `Beïnvloeden` and `beinvloeden` are the same term.
///
/// A hand-made table rather than Foundation's `folding(options:)`: it runs over every token of
/// every loaded dossier at start-up (millions with 500 dossiers), and the table covers what
/// Dutch text uses (Latin-1 and Latin Extended-A letters) at a fraction of the cost.
enum TextFolding {
    /// The folded form of one token's scalars, appended to `output` as UTF-8.
    static func fold<S: Sequence<Unicode.Scalar>>(_ scalars: S, into output: inout [UInt8]) {
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                output.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if (0x0300...0x036F).contains(value) {
                continue  // a combining mark of a decomposed letter: drop it, keep the base
            } else if let base = latinBase(value) {
                output.append(contentsOf: base.utf8)
            } else {
                output.append(contentsOf: String(scalar).lowercased().utf8)
            }
        }
    }

    /// The folded form of a whole string (for queries and tests).
    static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        fold(text.unicodeScalars, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func latinBase(_ value: UInt32) -> String? {
        switch value {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: return "a"
        case 0xC6, 0xE6: return "ae"
        case 0xC7, 0xE7, 0x106...0x10D: return "c"
        case 0x10E...0x111: return "d"
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: return "e"
        case 0x11C...0x123: return "g"
        case 0x124...0x127: return "h"
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: return "i"
        case 0x132, 0x133: return "ij"
        case 0x134, 0x135: return "j"
        case 0x136, 0x137: return "k"
        case 0x139...0x142: return "l"
        case 0xD1, 0xF1, 0x143...0x148: return "n"
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151: return "o"
        case 0x152, 0x153: return "oe"
        case 0x154...0x159: return "r"
        case 0xDF: return "ss"
        case 0x15A...0x161: return "s"
        case 0x162...0x167: return "t"
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: return "u"
        case 0x174, 0x175: return "w"
        case 0xDD, 0xFD, 0xFF, 0x176...0x178: return "y"
        case 0x179...0x17E: return "z"
        default: return nil
        }
    }
}
