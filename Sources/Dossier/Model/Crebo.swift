/// A crebo number: the five digits under which the Centraal Register Beroepsopleidingen lists a
/// dossier, a kwalificatie or an opleidingsdomein (`23292`, `25712`, `79060`).
///
/// The one definition of what a crebo looks like, for every place that checks one: the
/// validator of a loaded dossier, the API's path and query parameters. The model keeps crebos as
/// the strings its sources give; this type says whether such a string is one.
public struct Crebo: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The five digits.
    public let digits: String

    /// The crebo `text` spells, or `nil` unless it is exactly five ASCII digits (no sign, no
    /// spaces, no other script's digits: a crebo is typed and compared byte for byte).
    public init?(_ text: some StringProtocol) {
        guard Self.isValid(text) else { return nil }
        digits = String(text)
    }

    /// Whether `text` is exactly five ASCII digits.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        return bytes.count == 5 && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The digits.
    public var description: String { digits }

    /// Ordered as the digits are (all crebos have five).
    public static func < (lhs: Crebo, rhs: Crebo) -> Bool {
        lhs.digits < rhs.digits
    }
}
