import Dossier

/// The kinds of the API's path parameters, as a row of ``ResourceTable`` names them: checked
/// before any lookup, so a malformed value is a 400 that says what the shape is and only a
/// well-formed unknown one is a 404.
///
/// Hand-written byte checks rather than `Regex`: they run on every request that misses the
/// pre-rendered lookup, and each is a few comparisons.
enum PathParameter: Sendable, Equatable {
    /// A crebo: five digits (`23292`).
    case crebo
    /// A profiel code: `P` and one or two digits (`P1`).
    case profiel
    /// A kerntaak code: `B1-K2`, `P2-K1`.
    case kerntaak
    /// A werkproces code: `B1-K2-W3`.
    case werkproces
    /// A vakkennis id: 1–16 lowercase letters or digits (`vk3`, `986487`).
    case vakkennis
    /// A competentie code: one capital `A`...`Y`.
    case competentie
    /// A CASE `sourcedId`: any value. The CASE binding answers a malformed one with a 404
    /// `invalid_uuid`, not a 400, so every value reaches the lookup (``canonical(_:)``).
    case sourcedId

    /// What the detail of a 400 says the value should look like.
    var shape: String {
        switch self {
        case .crebo: "een crebonummer bestaat uit vijf cijfers, bijv. 23292"
        case .profiel: "een profielcode is P gevolgd door een nummer, bijv. P1"
        case .kerntaak: "een kerntaakcode ziet eruit als B1-K2 of P2-K1"
        case .werkproces: "een werkprocescode ziet eruit als B1-K2-W3"
        case .vakkennis: "een vakkennis-id bestaat uit 1 tot 16 kleine letters of cijfers, bijv. vk3"
        case .competentie: "een competentiecode is één hoofdletter van A tot en met Y"
        case .sourcedId: "een sourcedId is een UUID, bijv. 886313e1-3b8a-5372-9b90-0c9aee199e5d"
        }
    }

    /// Whether a 404's detail names the value as a crebo ("met crebo 23292") or as a code.
    var isCrebo: Bool { self == .crebo }

    /// Whether `value` (percent-decoded) has this kind's shape.
    func matches(_ value: String) -> Bool {
        var bytes = value.utf8[...]
        switch self {
        case .crebo:
            return Crebo.isValid(value)
        case .profiel:
            return bytes.popFirst() == UInt8(ascii: "P") && Self.number(&bytes) && bytes.isEmpty
        case .kerntaak:
            return Self.kerntaakPrefix(&bytes) && bytes.isEmpty
        case .werkproces:
            return Self.kerntaakPrefix(&bytes) && bytes.popFirst() == UInt8(ascii: "-")
                && bytes.popFirst() == UInt8(ascii: "W") && Self.number(&bytes) && bytes.isEmpty
        case .vakkennis:
            return (1...16).contains(bytes.count)
                && bytes.allSatisfy {
                    Self.isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                }
        case .competentie:
            return bytes.count == 1 && (UInt8(ascii: "A")...UInt8(ascii: "Y")).contains(bytes.first!)
        case .sourcedId:
            return true
        }
    }

    /// The form of `value` the rendered paths use: a UUID in lower case (RFC 9562 §4: the
    /// hex digits are case-insensitive on input); every other kind as it is.
    func canonical(_ value: String) -> String {
        guard self == .sourcedId, let uuid = NameBasedUUID(value) else { return value }
        return uuid.description
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// One or two digits.
    private static func number(_ bytes: inout Substring.UTF8View.SubSequence) -> Bool {
        var count = 0
        while let byte = bytes.first, isDigit(byte), count < 2 {
            bytes.removeFirst()
            count += 1
        }
        return count > 0 && !(bytes.first.map(isDigit) ?? false)
    }

    /// `B1-K2` or `P2-K1`.
    private static func kerntaakPrefix(_ bytes: inout Substring.UTF8View.SubSequence) -> Bool {
        guard let part = bytes.popFirst(), part == UInt8(ascii: "B") || part == UInt8(ascii: "P") else {
            return false
        }
        return number(&bytes) && bytes.popFirst() == UInt8(ascii: "-")
            && bytes.popFirst() == UInt8(ascii: "K")
            && number(&bytes)
    }
}
