/// The typering van de beroepsgroep: the context of the work, the typical professional
/// attitude and the result of the profession. Each text is verbatim; `nil` where absent.
public struct Typering: Codable, Sendable, Hashable {
    /// "Context".
    public var context: String?
    /// "Typerende beroepshouding".
    public var beroepshouding: String?
    /// "Resultaat van de beroepsgroep".
    public var resultaat: String?

    /// Creates a typering.
    public init(context: String? = nil, beroepshouding: String? = nil, resultaat: String? = nil) {
        self.context = context
        self.beroepshouding = beroepshouding
        self.resultaat = resultaat
    }
}
