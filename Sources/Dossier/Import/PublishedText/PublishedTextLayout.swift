/// Section keywords of the publication layout.
enum Keyword {
    static let inhoudsopgave = "Inhoudsopgave"
    static let leeswijzer = "Leeswijzer"
    static let overzicht = "Overzicht van het kwalificatiedossier"
    static let basisdeel = "Basisdeel"
    static let profieldeel = "Profieldeel"
    static let complexiteit = "Complexiteit"
    static let verantwoordelijkheid = "Verantwoordelijkheid en zelfstandigheid"
    static let vakkennis = "Vakkennis en vaardigheden"
    static let omschrijving = "Omschrijving"
    static let resultaat = "Resultaat"
    static let gedrag = "Gedrag"
    static let context = "Context"
    static let beroepshouding = "Typerende beroepshouding"
    static let resultaatBeroepsgroep = "Resultaat van de beroepsgroep"
    static let competenties = "De onderliggende competenties zijn:"
    static let crebonr = "Crebonr."
    static let mboNiveau = "Mbo-niveau"
    static let eqfNiveau = "EQF-niveau"
    static let typeringBeroep = "Typering van het beroep"
    static let beroepsvereisten = "Beroepsvereisten"
    static let toelichtingBeroepsvereisten = "Toelichting beroepsvereisten"
    static let geldigVanaf = "Geldig vanaf"
    static let opleidingsdomein = "Opleidingsdomein"
    static let penvoerder = "Penvoerder:"
    static let gevalideerdDoor = "Gevalideerd door:"
    static let gevalideerdOp = "Op:"
    static let intro = "Profiel van kwalificatiedossier:"

    /// `1. Beroepsspecifieke onderdelen`, `2. Generieke onderdelen`: numbered part headings.
    static func isNumbered(_ text: String, _ title: String) -> Bool {
        guard let dot = text.firstIndex(of: ".") else { return false }
        return Code.positive(text[..<dot]) && text[dot...] == ". \(title)"
    }

    /// The typering heading; the seed misspells it "Typing van de beroepsgroep", so the first
    /// word is only required to start with "Typ".
    static func isTyperingHeading(_ text: String) -> Bool {
        guard let space = text.firstIndex(of: " ") else { return false }
        return text.hasPrefix("Typ") && text[space...] == " van de beroepsgroep"
    }
}

/// A published code at the start of a line: `B1-K1`, `B1-K1-W2`, `P2-K1-W1`, `P1`.
struct PublishedCode: Hashable {
    let text: String
    /// `B1`, `P2`.
    let deel: String
    /// `B1-K1` for a kerntaak or werkproces; `nil` for a profiel code.
    let kerntaak: String?
    let isWerkproces: Bool

    /// Reads a whole token as a code; `nil` if it is not one.
    init?(_ token: Substring) {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let first = parts[0].first, first == "B" || first == "P",
            Code.positive(parts[0].dropFirst())
        else { return nil }
        if parts.count >= 2 {
            guard parts[1].hasPrefix("K"), Code.positive(parts[1].dropFirst()) else { return nil }
        }
        if parts.count == 3 {
            guard parts[2].hasPrefix("W"), Code.positive(parts[2].dropFirst()) else { return nil }
        }
        if parts.count == 1 && first != "P" { return nil }
        text = String(token)
        deel = String(parts[0])
        kerntaak = parts.count >= 2 ? "\(parts[0])-\(parts[1])" : nil
        isWerkproces = parts.count == 3
    }

    /// Splits `CODE: titel` (or `CODE titel` when `colon` is false) into code and title.
    static func split(_ text: String, colon: Bool) -> (code: PublishedCode, titel: String)? {
        let separator = colon ? ": " : " "
        guard let range = text.range(of: separator), let code = PublishedCode(text[..<range.lowerBound])
        else {
            return nil
        }
        let titel = TextRules.trimmed(text[range.upperBound...])
        return titel.isEmpty ? nil : (code, titel)
    }
}

// MARK: - Builders

/// A titled thing with the line it was read on, to cross-check titles between parts.
struct Titled {
    var titel: String
    var line: Int
}

final class WerkprocesBuilder {
    let code: String
    let titel: String
    let line: Int
    var omschrijving: [String] = []
    var resultaat: [String] = []
    var gedragAanhef: [String] = []
    var gedrag: [String] = []
    var competenties: [String]?
    /// The "Voor ‹profiel› geldt aanvullend:" blocks, one builder per profiel in order of
    /// first appearance.
    var aanvullend: [WerkprocesAanvullingBuilder] = []

    init(code: String, titel: String, line: Int) {
        self.code = code
        self.titel = titel
        self.line = line
    }
}

final class KerntaakBuilder {
    let code: PublishedCode
    let titel: String
    let line: Int
    var complexiteit: [String] = []
    var verantwoordelijkheid: [String] = []
    var vakkennisAanhef: [String] = []
    var vakkennis: [String] = []
    var werkprocessen: [WerkprocesBuilder] = []
    /// The "Voor ‹profiel› geldt aanvullend:" blocks, one builder per profiel in order of
    /// first appearance.
    var aanvullend: [KerntaakAanvullingBuilder] = []

    init(code: PublishedCode, titel: String, line: Int) {
        self.code = code
        self.titel = titel
        self.line = line
    }
}

final class KwalificatieBuilder {
    let code: String
    var titel: Titled?
    var crebo: String?
    var mboNiveau: (value: Int, line: Int)?
    var eqfNiveau: Int?
    var beroepsvereisten: (value: Bool, line: Int)?
    var toelichting: [String] = []
    var soortOpleiding: String?
    var typering: [String] = []
    /// The profiel's own kerntaken from the overview (codes in order).
    var overzichtKerntaken: [String] = []

    init(code: String) {
        self.code = code
    }
}

/// The fields a line of body text can belong to.
enum Field {
    case none
    case context, beroepshouding, resultaatBeroepsgroep
    case complexiteit, verantwoordelijkheid, vakkennis
    case omschrijving, resultaat, gedrag
    case mboNiveau, eqfNiveau, typeringBeroep, beroepsvereisten, toelichtingBeroepsvereisten
    /// After a werkproces's competenties line: only an addition's competenties line may follow.
    case competenties

    var isList: Bool { self == .vakkennis || self == .gedrag }
}
