/// Reads one published text, section by section, into builders and assembles the dossier.
///
/// One parser per text (a class, because every section step fills in the same state); the
/// steps live in the `PublishedTextParser+*.swift` files beside this one.
final class PublishedTextParser {
    let file: String
    let lines: [SourceLine]

    // Header
    var titel: String?
    var crebo: String?
    var geldigVanaf: String?
    var opleidingsdomein: Opleidingsdomein?
    var penvoerder: String?
    var gevalideerdDoor: String?
    var gevalideerdOp: String?
    var kwalificatieCrebos: [(titel: String, crebo: String, line: Int)] = []

    // Table of contents: code → title.
    var inhoudsopgave: [(code: PublishedCode, titel: Titled)] = []
    var keuzedelenOverzicht: String?

    // Overview tables.
    var kwalificaties: [String: KwalificatieBuilder] = [:]
    var overzichtKerntaken: [String: Titled] = [:]
    var overzichtKerntaakOrder: [String] = []
    var overzichtWerkprocessen: [String: [(code: String, titel: Titled)]] = [:]

    // Body.
    var typering: [Field: [String]] = [:]
    var kerntaken: [KerntaakBuilder] = []
    var generiekeInleiding: [String] = []
    var generieke: [(heading: String, line: Int, paragraphs: [String])] = []

    init(text: String, file: String) {
        self.file = file
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let raw = text.replacingAll("\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        lines = raw.enumerated().map { index, line in
            SourceLine(number: index + 1, raw: String(line), text: TextRules.trimmed(line))
        }
    }

    func error(_ line: Int, _ message: String) -> ImportError {
        ImportError(file: file, location: .line(line), message: message)
    }

    // MARK: Sections

    func parse() throws -> Kwalificatiedossier {
        let overzicht = try find(Keyword.overzicht, from: 0, required: true)!
        let inhoud = try find(Keyword.inhoudsopgave, from: 0, before: overzicht, required: false)
        let leeswijzer = try find(Keyword.leeswijzer, from: inhoud ?? 0, before: overzicht, required: false)
        let basis = try find(Keyword.basisdeel, from: overzicht + 1, required: true)!
        let beroepsspecifiek = try findNumbered(
            "Beroepsspecifieke onderdelen", from: basis + 1, required: true)!
        let generiek = try findNumbered("Generieke onderdelen", from: beroepsspecifiek + 1, required: true)!
        let profieldeel = try find(Keyword.profieldeel, from: generiek + 1, required: false)

        // Only the basis kerntaken and werkprocessen can hold additions; the body walk reads
        // them there, and a mention anywhere else would otherwise join some other text.
        try refuseAanvullendLabels(in: lines[..<(beroepsspecifiek + 1)], where: "before the basis kerntaken")
        try refuseAanvullendLabels(in: lines[generiek...], where: "after the basis kerntaken")
        let headerEnd = inhoud ?? leeswijzer ?? overzicht
        try parseHeader(lines[0..<headerEnd])
        if let inhoud { try parseInhoudsopgave(lines[(inhoud + 1)..<(leeswijzer ?? overzicht)]) }
        if let leeswijzer { parseLeeswijzer(lines[(leeswijzer + 1)..<overzicht]) }
        try parseOverzicht(lines[(overzicht + 1)..<basis])
        try expectOnlyBlank(lines[(basis + 1)..<beroepsspecifiek])
        try parseBody(lines[(beroepsspecifiek + 1)..<generiek], profiel: nil)
        try parseGeneriek(lines[(generiek + 1)..<(profieldeel ?? lines.count)])
        if let profieldeel { try parseProfieldeel(lines[(profieldeel + 1)..<lines.count]) }
        return try assemble()
    }

    /// The index of the next line that is exactly `keyword`.
    func find(_ keyword: String, from start: Int, before end: Int? = nil, required: Bool) throws -> Int? {
        let end = end ?? lines.count
        if start < end, let index = lines[start..<end].firstIndex(where: { $0.text == keyword }) {
            return index
        }
        if required {
            throw error(
                min(start + 1, lines.count), "missing section '\(keyword)' (expected after this line)")
        }
        return nil
    }

    func findNumbered(_ title: String, from start: Int, required: Bool) throws -> Int? {
        if start < lines.count,
            let index = lines[start...].firstIndex(where: { Keyword.isNumbered($0.text, title) })
        {
            return index
        }
        if required {
            throw error(
                min(start + 1, lines.count), "missing section 'N. \(title)' (expected after this line)")
        }
        return nil
    }

    func expectOnlyBlank(_ slice: ArraySlice<SourceLine>) throws {
        if let line = slice.first(where: { !$0.text.isEmpty }) {
            throw error(line.number, "unexpected text '\(line.text)'")
        }
    }
}
