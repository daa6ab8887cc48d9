/// Imports the text of a published kwalificatiedossier as extracted from its PDF (the layout of
/// SBB's "Profiel van kwalificatiedossier" publications, like the 23292 seed).
///
/// The text keeps the PDF's artefacts; the importer undoes exactly those and nothing else:
/// - a `CODE: titel` page-header line repeated for a kerntaak or werkproces that is already
///   open is dropped (its title must equal the section's own);
/// - a sentence cut by such a page break (the text before it does not end a sentence and the
///   text after it is not a new section, bullet or list) is joined again with one space;
/// - `-` bullets are read with or without a space after the dash and with leading spaces;
/// - Markdown artefacts of the extraction (`**bold**`, `| table |` rows, `<https://...>`
///   autolinks) are reduced to their text.
///
/// Every other character is kept: typos, stray punctuation and the `;` ending a gedrag bullet.
/// Titles are cross-checked between the table of contents, the overview tables and the section
/// headers; any mismatch, unknown competentie name or unexpected line is an ``ImportError``
/// with its line number.
public enum PublishedTextImporter {
    /// Imports one dossier.
    ///
    /// - Parameters:
    ///   - text: The whole text.
    ///   - file: The file's name, used in ``Bron`` and in error messages.
    public static func importDossier(from text: String, file: String) throws -> Kwalificatiedossier {
        try PublishedTextParser(text: text, file: file).parse()
    }
}

/// One line of the source with its 1-based number; `text` is trimmed.
struct SourceLine {
    let number: Int
    let raw: String
    let text: String
}

/// Section keywords of the publication layout.
private enum Keyword {
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
private struct Titled {
    var titel: String
    var line: Int
}

private final class WerkprocesBuilder {
    let code: String
    let titel: String
    let line: Int
    var omschrijving: [String] = []
    var resultaat: [String] = []
    var gedragAanhef: [String] = []
    var gedrag: [String] = []
    var competenties: [String]?

    init(code: String, titel: String, line: Int) {
        self.code = code
        self.titel = titel
        self.line = line
    }
}

private final class KerntaakBuilder {
    let code: PublishedCode
    let titel: String
    let line: Int
    var complexiteit: [String] = []
    var verantwoordelijkheid: [String] = []
    var vakkennisAanhef: [String] = []
    var vakkennis: [String] = []
    var werkprocessen: [WerkprocesBuilder] = []

    init(code: PublishedCode, titel: String, line: Int) {
        self.code = code
        self.titel = titel
        self.line = line
    }
}

private final class KwalificatieBuilder {
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
private enum Field {
    case none
    case context, beroepshouding, resultaatBeroepsgroep
    case complexiteit, verantwoordelijkheid, vakkennis
    case omschrijving, resultaat, gedrag
    case mboNiveau, eqfNiveau, typeringBeroep, beroepsvereisten, toelichtingBeroepsvereisten

    var isList: Bool { self == .vakkennis || self == .gedrag }
}

// MARK: - Parser

private final class PublishedTextParser {
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

    // MARK: Header

    func parseHeader(_ slice: ArraySlice<SourceLine>) throws {
        let content = slice.filter { !$0.text.isEmpty }
        var index = 0
        var titleLines: [String] = []
        var titleStart: Int?
        while index < content.count {
            let line = content[index]
            let text = line.text
            index += 1
            if titel == nil {
                if text == Keyword.intro { continue }
                titleStart = titleStart ?? line.number
                let plain = text.replacingAll("**", with: "")
                if let range = plain.range(of: Keyword.crebonr) {
                    titleLines.append(TextRules.trimmed(plain[..<range.lowerBound]))
                    let number = TextRules.trimmed(plain[range.upperBound...])
                    guard TextRules.isCrebo(number) else {
                        throw error(line.number, "dossier crebo '\(number)' is not five digits")
                    }
                    crebo = number
                    titel = titleLines.filter { !$0.isEmpty }.joined(separator: " ")
                    if titel!.isEmpty { throw error(line.number, "the dossier title is missing") }
                } else {
                    titleLines.append(TextRules.trimmed(plain))
                }
                continue
            }
            if text.hasPrefix("»") {
                let body = TextRules.trimmed(text.dropFirst())
                guard let (naam, number) = splitCrebo(body), TextRules.isCrebo(number) else {
                    throw error(
                        line.number, "cannot read kwalificatie '\(body)' (expected 'titel (Crebonr. 12345)')")
                }
                kwalificatieCrebos.append((naam, number, line.number))
            } else if text == Keyword.geldigVanaf || text.hasPrefix(Keyword.geldigVanaf + ":") {
                var value = TextRules.trimmed(text.dropFirst(Keyword.geldigVanaf.count).drop { $0 == ":" })
                if value.isEmpty, index < content.count, !isHeaderKey(content[index].text) {
                    value = content[index].text
                    index += 1
                }
                if !value.isEmpty { geldigVanaf = try date(value, line: line.number) }
            } else if text == Keyword.opleidingsdomein || text.hasPrefix(Keyword.opleidingsdomein + ":") {
                var value = TextRules.trimmed(
                    text.dropFirst(Keyword.opleidingsdomein.count).drop { $0 == ":" })
                var valueLine = line.number
                if value.isEmpty, index < content.count, !isHeaderKey(content[index].text) {
                    value = content[index].text
                    valueLine = content[index].number
                    index += 1
                }
                if let (naam, number) = splitCrebo(value) {
                    guard TextRules.isCrebo(number) else {
                        throw error(valueLine, "opleidingsdomein crebo '\(number)' is not five digits")
                    }
                    opleidingsdomein = Opleidingsdomein(titel: naam, crebo: number)
                } else if !value.isEmpty {
                    opleidingsdomein = Opleidingsdomein(titel: value)
                }
            } else if text.hasPrefix(Keyword.penvoerder) {
                penvoerder = TextRules.nonBlank(String(text.dropFirst(Keyword.penvoerder.count)))
            } else if text.hasPrefix(Keyword.gevalideerdDoor) {
                gevalideerdDoor = TextRules.nonBlank(String(text.dropFirst(Keyword.gevalideerdDoor.count)))
            } else if text.hasPrefix(Keyword.gevalideerdOp) {
                let value = TextRules.trimmed(text.dropFirst(Keyword.gevalideerdOp.count))
                if !value.isEmpty { gevalideerdOp = try date(value, line: line.number) }
            } else {
                throw error(line.number, "unexpected line in the title page: '\(text)'")
            }
        }
        if titel == nil {
            throw error(titleStart ?? 1, "missing the dossier title with its 'Crebonr.' on the title page")
        }
    }

    func isHeaderKey(_ text: String) -> Bool {
        text == Keyword.geldigVanaf || text == Keyword.opleidingsdomein || text.hasPrefix("»")
            || text.hasPrefix(Keyword.penvoerder) || text.hasPrefix(Keyword.gevalideerdDoor)
            || text.hasPrefix(Keyword.gevalideerdOp)
    }

    /// `Mobiliteit en voertuigen (Crebonr. 79060)` → title and number.
    func splitCrebo(_ text: String) -> (String, String)? {
        guard text.hasSuffix(")"), let range = text.range(of: " (\(Keyword.crebonr)") else { return nil }
        let number = TextRules.trimmed(text[range.upperBound...].dropLast())
        return (TextRules.trimmed(text[..<range.lowerBound]), number)
    }

    func date(_ text: String, line: Int) throws -> String {
        guard let iso = TextRules.isoDate(fromDutch: text) else {
            throw error(line, "'\(text)' is not a date dd-mm-jjjj")
        }
        return iso
    }

    // MARK: Table of contents and leeswijzer

    func parseInhoudsopgave(_ slice: ArraySlice<SourceLine>) throws {
        for line in slice where line.text.hasPrefix("|") {
            let cells = tableCells(line.text)
            guard let first = cells.first, let (code, titel) = PublishedCode.split(first, colon: true) else {
                continue  // "Leeswijzer", "Basisdeel", ... and the table's header and rule
            }
            inhoudsopgave.append((code, Titled(titel: titel, line: line.number)))
        }
    }

    /// The leeswijzer names where the keuzedelen are: the link in the sentence about them.
    func parseLeeswijzer(_ slice: ArraySlice<SourceLine>) {
        for line in slice where keuzedelenOverzicht == nil {
            for sentence in line.text.split(separator: ". ")
            where sentence.lowercased().contains("keuzedelen") {
                if let link = TextRules.firstLink(in: String(sentence)) {
                    keuzedelenOverzicht = link
                    break
                }
            }
        }
    }

    // MARK: Overview tables

    func tableCells(_ row: String) -> [String] {
        var cells = row.split(separator: "|", omittingEmptySubsequences: false).map { TextRules.trimmed($0) }
        if cells.first == "" { cells.removeFirst() }
        if cells.last == "" { cells.removeLast() }
        return cells
    }

    func isRule(_ cells: [String]) -> Bool {
        !cells.isEmpty && cells.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == ":" } }
    }

    func kwalificatie(_ code: String) -> KwalificatieBuilder {
        if let builder = kwalificaties[code] { return builder }
        let builder = KwalificatieBuilder(code: code)
        kwalificaties[code] = builder
        return builder
    }

    func setTitel(_ builder: KwalificatieBuilder, _ titel: String, line: Int) throws {
        if let known = builder.titel, known.titel != titel {
            throw error(
                line, "\(builder.code) is titled '\(titel)' here but '\(known.titel)' on line \(known.line)")
        }
        builder.titel = builder.titel ?? Titled(titel: titel, line: line)
    }

    func parseOverzicht(_ slice: ArraySlice<SourceLine>) throws {
        var tables: [[SourceLine]] = []
        var current: [SourceLine] = []
        for line in slice {
            if line.text.hasPrefix("|") {
                current.append(line)
            } else {
                if !current.isEmpty { tables.append(current) }
                current = []
            }
        }
        if !current.isEmpty { tables.append(current) }
        for table in tables {
            guard table.count >= 2, isRule(tableCells(table[1].text)) else {
                throw error(table[0].number, "a table without its header rule")
            }
            let header = tableCells(table[0].text)
            let rows = table.dropFirst(2)
            if header.allSatisfy(\.isEmpty) {
                try parseStructureTable(rows)
            } else {
                try parseKwalificatieTable(header: header, headerLine: table[0].number, rows: rows)
            }
        }
    }

    /// "Naam profiel | Mbo-niveau (EQF-niveau) | Beroepsvereisten | Typering van de kwalificatie".
    func parseKwalificatieTable(header: [String], headerLine: Int, rows: ArraySlice<SourceLine>) throws {
        enum Column { case naam, niveau(eqf: Bool), beroepsvereisten, typering }
        let columns: [Column] = try header.map { name in
            if name == "Naam profiel" { return .naam }
            if name.hasPrefix(Keyword.mboNiveau) { return .niveau(eqf: name.contains(Keyword.eqfNiveau)) }
            if name == Keyword.beroepsvereisten { return .beroepsvereisten }
            if name == "Typering van de kwalificatie" { return .typering }
            throw error(headerLine, "unknown column '\(name)' in the kwalificaties table")
        }
        guard columns.contains(where: { if case .naam = $0 { true } else { false } }) else {
            throw error(headerLine, "the kwalificaties table has no 'Naam profiel' column")
        }
        for row in rows {
            let cells = tableCells(row.text)
            guard cells.count == columns.count else {
                throw error(row.number, "expected \(columns.count) cells, found \(cells.count)")
            }
            guard let naamIndex = columns.firstIndex(where: { if case .naam = $0 { true } else { false } }),
                let (code, titel) = PublishedCode.split(cells[naamIndex], colon: false), code.kerntaak == nil
            else { throw error(row.number, "cannot read the profiel in '\(row.text)'") }
            let builder = kwalificatie(code.text)
            try setTitel(builder, titel, line: row.number)
            for (column, cell) in zip(columns, cells) where !cell.isEmpty {
                switch column {
                case .naam: break
                case .niveau(let eqf):
                    let (mbo, eqfValue) = try niveaus(cell, eqfAllowed: eqf, line: row.number)
                    builder.mboNiveau = (mbo, row.number)
                    builder.eqfNiveau = eqfValue
                case .beroepsvereisten:
                    builder.beroepsvereisten = (try jaNee(cell, line: row.number), row.number)
                case .typering:
                    builder.soortOpleiding = cell
                }
            }
        }
    }

    /// `3` (mbo only) or `3 (4)` (mbo with its EQF-niveau).
    func niveaus(_ cell: String, eqfAllowed: Bool, line: Int) throws -> (Int, Int?) {
        let parts = cell.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 1, let mbo = Int(parts[0]), (1...4).contains(mbo) { return (mbo, nil) }
        if eqfAllowed, parts.count == 2, let mbo = Int(parts[0]), (1...4).contains(mbo),
            parts[1].hasPrefix("("), parts[1].hasSuffix(")"), let eqf = Int(parts[1].dropFirst().dropLast()),
            (1...8).contains(eqf)
        {
            return (mbo, eqf)
        }
        throw error(line, "cannot read the niveau '\(cell)'")
    }

    func jaNee(_ text: String, line: Int) throws -> Bool {
        switch text {
        case "Ja": return true
        case "Nee": return false
        default: throw error(line, "'\(text)' is not Ja or Nee")
        }
    }

    /// The kerntaak/werkproces overview and the profieldeel tables.
    func parseStructureTable(_ rows: ArraySlice<SourceLine>) throws {
        var profiel: String?
        var kerntaak: String?
        for row in rows {
            let cells = tableCells(row.text)
            let first = cells.first ?? ""
            let rest = Array(cells.dropFirst())
            if let (code, titel) = PublishedCode.split(first, colon: false) {
                if let kerntaakCode = code.kerntaak, !code.isWerkproces {
                    if code.deel.hasPrefix("P") {
                        if let profiel, profiel != code.deel {
                            throw error(row.number, "kerntaak \(code.text) listed under profiel \(profiel)")
                        }
                        let builder = kwalificatie(code.deel)
                        if !builder.overzichtKerntaken.contains(kerntaakCode) {
                            builder.overzichtKerntaken.append(kerntaakCode)
                        }
                    }
                    if let known = overzichtKerntaken[kerntaakCode] {
                        throw error(
                            row.number, "kerntaak \(kerntaakCode) is listed twice (also line \(known.line))")
                    }
                    overzichtKerntaken[kerntaakCode] = Titled(titel: titel, line: row.number)
                    overzichtKerntaakOrder.append(kerntaakCode)
                    kerntaak = kerntaakCode
                } else if code.kerntaak == nil {
                    guard rest.allSatisfy(\.isEmpty) else {
                        throw error(row.number, "unexpected cells after profiel \(code.text)")
                    }
                    profiel = code.text
                    kerntaak = nil
                    try setTitel(kwalificatie(code.text), titel, line: row.number)
                    continue
                } else {
                    throw error(row.number, "werkproces code in the kerntaak column: '\(first)'")
                }
            } else if !first.isEmpty {
                // A remark such as "Geen extra kerntaken en werkprocessen" under a profiel.
                guard profiel != nil, kerntaak == nil, rest.allSatisfy(\.isEmpty) else {
                    throw error(row.number, "cannot read the row '\(row.text)'")
                }
                continue
            }
            let filled = rest.filter { !$0.isEmpty }
            if filled.isEmpty { continue }
            guard filled.count == 2, let code = PublishedCode(filled[0][...]), code.isWerkproces else {
                throw error(row.number, "cannot read the werkproces in '\(row.text)'")
            }
            guard let kerntaak, code.kerntaak == kerntaak else {
                throw error(row.number, "werkproces \(code.text) is not under its kerntaak")
            }
            if overzichtWerkprocessen[kerntaak, default: []].contains(where: { $0.code == code.text }) {
                throw error(row.number, "werkproces \(code.text) is listed twice")
            }
            overzichtWerkprocessen[kerntaak, default: []].append(
                (code.text, Titled(titel: filled[1], line: row.number)))
        }
    }

    // MARK: Body

    /// The state of the body walk.
    struct BodyState {
        var field: Field = .none
        var kerntaak: KerntaakBuilder?
        var werkproces: WerkprocesBuilder?
        var kwalificatie: KwalificatieBuilder?
        /// Set when a repeated page header was dropped: the next line may continue a sentence.
        var afterPageBreak = false
    }

    /// Walks kerntaak and werkproces sections (and, in the basisdeel, the typering; in the
    /// profieldeel, a profiel's own fields).
    func parseBody(_ slice: ArraySlice<SourceLine>, profiel: KwalificatieBuilder?) throws {
        var state = BodyState()
        state.kwalificatie = profiel
        for line in slice {
            try bodyLine(line, &state)
        }
        try close(&state)
    }

    func bodyLine(_ line: SourceLine, _ state: inout BodyState) throws {
        let text = line.text
        if text.isEmpty { return }
        if let heading = heading(text, state) {
            state.field = heading
            state.afterPageBreak = false
            return
        }
        if Keyword.isTyperingHeading(text), state.kerntaak == nil, state.kwalificatie == nil {
            state.field = .none
            return
        }
        if let (code, titel) = PublishedCode.split(text, colon: true), code.kerntaak != nil {
            try codeHeader(code, titel, line: line, &state)
            return
        }
        var competentieText = text
        if competentieText.hasPrefix("-") { competentieText = TextRules.trimmed(competentieText.dropFirst()) }
        if competentieText.hasPrefix(Keyword.competenties) {
            guard let werkproces = state.werkproces else {
                throw error(line.number, "competenties outside a werkproces")
            }
            if werkproces.competenties != nil {
                throw error(line.number, "a second competenties line for \(werkproces.code)")
            }
            werkproces.competenties = try competenties(
                String(competentieText.dropFirst(Keyword.competenties.count)), line: line.number)
            state.field = .none
            state.afterPageBreak = false
            return
        }
        try content(line, &state)
        state.afterPageBreak = false
    }

    /// The field a heading line opens, if the line is a heading valid here.
    func heading(_ text: String, _ state: BodyState) -> Field? {
        if state.werkproces != nil {
            switch text {
            case Keyword.omschrijving: return .omschrijving
            case Keyword.resultaat: return .resultaat
            case Keyword.gedrag: return .gedrag
            default: return nil
            }
        }
        if state.kerntaak != nil {
            switch text {
            case Keyword.complexiteit: return .complexiteit
            case Keyword.verantwoordelijkheid: return .verantwoordelijkheid
            case Keyword.vakkennis: return .vakkennis
            default: return nil
            }
        }
        if state.kwalificatie != nil {
            switch text {
            case Keyword.mboNiveau: return .mboNiveau
            case Keyword.eqfNiveau: return .eqfNiveau
            case Keyword.typeringBeroep: return .typeringBeroep
            case Keyword.beroepsvereisten: return .beroepsvereisten
            case Keyword.toelichtingBeroepsvereisten: return .toelichtingBeroepsvereisten
            default: return nil
            }
        }
        switch text {
        case Keyword.context: return .context
        case Keyword.beroepshouding: return .beroepshouding
        case Keyword.resultaatBeroepsgroep: return .resultaatBeroepsgroep
        default: return nil
        }
    }

    func codeHeader(_ code: PublishedCode, _ titel: String, line: SourceLine, _ state: inout BodyState) throws
    {
        // A page header repeats the open kerntaak's or werkproces's own header: drop it.
        let open = [
            state.werkproces.map { ($0.code, $0.titel, $0.line) },
            state.kerntaak.map { ($0.code.text, $0.titel, $0.line) },
        ]
        .compactMap { $0 }
        if let (_, openTitel, openLine) = open.first(where: { $0.0 == code.text }) {
            guard openTitel == titel else {
                throw error(
                    line.number,
                    "page header '\(line.text)' differs from the title '\(openTitel)' on line \(openLine)")
            }
            state.afterPageBreak = true
            return
        }
        if kerntaken.contains(where: {
            $0.code.text == code.text || $0.werkprocessen.contains { $0.code == code.text }
        }) {
            throw error(line.number, "\(code.text) appears again after its section was closed")
        }
        if let profiel = state.kwalificatie, code.deel != profiel.code {
            throw error(line.number, "\(code.text) in the section of profiel \(profiel.code)")
        }
        if state.kwalificatie == nil, !code.deel.hasPrefix("B") {
            throw error(line.number, "\(code.text) in the basisdeel")
        }
        if code.isWerkproces {
            guard let kerntaak = state.kerntaak, kerntaak.code.text == code.kerntaak else {
                throw error(line.number, "werkproces \(code.text) outside its kerntaak \(code.kerntaak!)")
            }
            try closeWerkproces(&state)
            let werkproces = WerkprocesBuilder(code: code.text, titel: titel, line: line.number)
            kerntaak.werkprocessen.append(werkproces)
            state.werkproces = werkproces
        } else {
            try close(&state)
            let kerntaak = KerntaakBuilder(code: code, titel: titel, line: line.number)
            kerntaken.append(kerntaak)
            state.kerntaak = kerntaak
        }
        state.field = .none
        state.afterPageBreak = false
    }

    func closeWerkproces(_ state: inout BodyState) throws {
        if let werkproces = state.werkproces, werkproces.competenties == nil {
            throw error(
                werkproces.line,
                "werkproces \(werkproces.code) has no 'De onderliggende competenties zijn:' line")
        }
        state.werkproces = nil
    }

    func close(_ state: inout BodyState) throws {
        try closeWerkproces(&state)
        if let kerntaak = state.kerntaak, kerntaak.werkprocessen.isEmpty {
            throw error(kerntaak.line, "kerntaak \(kerntaak.code.text) has no werkprocessen")
        }
        state.kerntaak = nil
        state.field = .none
    }

    /// A line of text, bullet or not, in the current field.
    func content(_ line: SourceLine, _ state: inout BodyState) throws {
        let isBullet = line.text.hasPrefix("-")
        let bullet = isBullet ? TextRules.trimmed(line.text.dropFirst()) : line.text
        let text = unwrapAutolinks(line.text)
        func append(_ paragraphs: inout [String]) {
            if state.afterPageBreak, let last = paragraphs.last, !endsSentence(last), !isBullet {
                paragraphs[paragraphs.count - 1] = last + " " + text
            } else {
                paragraphs.append(text)
            }
        }
        func appendItem(aanhef: inout [String], items: inout [String]) throws {
            if isBullet {
                guard !bullet.isEmpty else { throw error(line.number, "an empty bullet") }
                items.append(bullet)
            } else if items.isEmpty {
                aanhef.append(text)
            } else if state.afterPageBreak, let last = items.last, !endsSentence(last) {
                items[items.count - 1] = last + " " + text
            } else {
                throw error(
                    line.number,
                    "text after the list that is neither a bullet nor a new section: '\(line.text)'")
            }
        }
        switch state.field {
        case .none:
            throw error(line.number, "text outside any section: '\(line.text)'")
        case .context, .beroepshouding, .resultaatBeroepsgroep:
            append(&typering[state.field, default: []])
        case .complexiteit: append(&state.kerntaak!.complexiteit)
        case .verantwoordelijkheid: append(&state.kerntaak!.verantwoordelijkheid)
        case .vakkennis:
            try appendItem(aanhef: &state.kerntaak!.vakkennisAanhef, items: &state.kerntaak!.vakkennis)
        case .omschrijving: append(&state.werkproces!.omschrijving)
        case .resultaat: append(&state.werkproces!.resultaat)
        case .gedrag:
            try appendItem(aanhef: &state.werkproces!.gedragAanhef, items: &state.werkproces!.gedrag)
        case .typeringBeroep: append(&state.kwalificatie!.typering)
        case .toelichtingBeroepsvereisten: append(&state.kwalificatie!.toelichting)
        case .mboNiveau:
            let (mbo, eqf) = try niveaus(line.text, eqfAllowed: true, line: line.number)
            try merge(&state.kwalificatie!.mboNiveau, mbo, line: line.number, what: "mbo-niveau")
            if let eqf { state.kwalificatie!.eqfNiveau = eqf }
            state.field = .none
        case .eqfNiveau:
            guard let eqf = Int(line.text), (1...8).contains(eqf) else {
                throw error(line.number, "cannot read the EQF-niveau '\(line.text)'")
            }
            state.kwalificatie!.eqfNiveau = eqf
            state.field = .none
        case .beroepsvereisten:
            try merge(
                &state.kwalificatie!.beroepsvereisten, try jaNee(line.text, line: line.number),
                line: line.number, what: "beroepsvereisten")
            state.field = .none
        }
    }

    func merge<Value: Equatable>(
        _ slot: inout (value: Value, line: Int)?, _ value: Value, line: Int, what: String
    ) throws {
        if let known = slot, known.value != value {
            throw error(line, "\(what) is '\(value)' here but '\(known.value)' on line \(known.line)")
        }
        slot = slot ?? (value, line)
    }

    /// Whether a text ends a sentence (so a page break after it is no sentence split).
    func endsSentence(_ text: String) -> Bool {
        let trimmed = text.reversed().drop { ")\"'”’»".contains($0) }
        guard let last = trimmed.first else { return true }
        return ".!?:;".contains(last)
    }

    /// `<https://...>` autolinks of the extraction become the bare link.
    func unwrapAutolinks(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: ">") {
                let inner = after[..<close]
                let lower = inner.lowercased()
                if (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !inner.contains(" ") {
                    result += inner
                    rest = after[after.index(after: close)...]
                    continue
                }
            }
            result.append("<")
            rest = after
        }
        return result + rest
    }

    /// `Relaties bouwen en netwerken, Presenteren, ...` → codes, each by its exact name.
    func competenties(_ list: String, line: Int) throws -> [String] {
        var codes: [String] = []
        for name in list.split(separator: ",").map({ TextRules.trimmed($0) }) where !name.isEmpty {
            guard let competentie = Competentie.met(titel: name) else {
                throw error(line, "unknown competentie '\(name)' (not one of the 25 SBB competenties)")
            }
            if codes.contains(competentie.code) {
                throw error(line, "competentie '\(name)' is listed twice")
            }
            codes.append(competentie.code)
        }
        if codes.isEmpty { throw error(line, "an empty competenties line") }
        return codes
    }

    // MARK: Generieke onderdelen and profieldeel

    func parseGeneriek(_ slice: ArraySlice<SourceLine>) throws {
        for line in slice where !line.text.isEmpty {
            let text = unwrapAutolinks(line.text)
            // A heading is a short line that does not end a sentence; text is a paragraph.
            if !endsSentence(text) && text.count <= 80 {
                generieke.append((text, line.number, []))
            } else if generieke.isEmpty {
                generiekeInleiding.append(text)
            } else {
                generieke[generieke.count - 1].paragraphs.append(text)
            }
        }
    }

    func parseProfieldeel(_ slice: ArraySlice<SourceLine>) throws {
        var state = BodyState()
        for line in slice {
            if !line.text.isEmpty,
                let (code, titel) = PublishedCode.split(line.text, colon: false)
                    ?? PublishedCode.split(line.text, colon: true), code.kerntaak == nil
            {
                try close(&state)
                let builder = kwalificatie(code.text)
                try setTitel(builder, titel, line: line.number)
                state.kwalificatie = builder
                state.field = .none
                continue
            }
            if state.kwalificatie == nil, !line.text.isEmpty {
                throw error(line.number, "text before the first profiel: '\(line.text)'")
            }
            try bodyLine(line, &state)
        }
        try close(&state)
    }

    // MARK: Assembly and cross-checks

    func assemble() throws -> Kwalificatiedossier {
        try crossCheckStructure()
        // Vakkennis: identity is the exact text; ids by first appearance.
        var vakkennis: [Vakkennis] = []
        var ids: [String: String] = [:]
        func id(for tekst: String) -> String {
            if let id = ids[tekst] { return id }
            let id = "vk\(vakkennis.count + 1)"
            ids[tekst] = id
            vakkennis.append(Vakkennis(id: id, tekst: tekst))
            return id
        }
        var result: [Kerntaak] = []
        for builder in kerntaken {
            var refs: [String] = []
            for tekst in builder.vakkennis {
                let ref = id(for: tekst)
                if !refs.contains(ref) { refs.append(ref) }
            }
            let isProfiel = builder.code.deel.hasPrefix("P")
            result.append(
                Kerntaak(
                    code: builder.code.text, titel: builder.titel,
                    deel: isProfiel ? .profieldeel : .basisdeel,
                    profiel: isProfiel ? builder.code.deel : nil,
                    complexiteit: paragraphs(builder.complexiteit),
                    verantwoordelijkheidEnZelfstandigheid: paragraphs(builder.verantwoordelijkheid),
                    vakkennisAanhef: paragraphs(builder.vakkennisAanhef), vakkennis: refs,
                    werkprocessen: builder.werkprocessen.map { werkproces in
                        Werkproces(
                            code: werkproces.code, titel: werkproces.titel,
                            omschrijving: paragraphs(werkproces.omschrijving),
                            resultaat: paragraphs(werkproces.resultaat),
                            gedragAanhef: paragraphs(werkproces.gedragAanhef), gedrag: werkproces.gedrag,
                            competenties: werkproces.competenties ?? [])
                    }))
        }
        // Profiel kerntaken only the overview names: titles of kerntaak and werkprocessen.
        let detailed = Set(result.map(\.code))
        for code in overzichtKerntaakOrder where code.hasPrefix("P") && !detailed.contains(code) {
            let profiel = String(code.prefix { $0 != "-" })
            result.append(
                Kerntaak(
                    code: code, titel: overzichtKerntaken[code]!.titel, deel: .profieldeel, profiel: profiel,
                    werkprocessen: (overzichtWerkprocessen[code] ?? []).map {
                        Werkproces(code: $0.code, titel: $0.titel.titel)
                    }))
        }
        let basisCodes = result.filter { $0.deel == .basisdeel }.map(\.code)

        for entry in kwalificatieCrebos {
            guard let builder = kwalificaties.values.first(where: { $0.titel?.titel == entry.titel }) else {
                throw error(entry.line, "kwalificatie '\(entry.titel)' is not in the overview of profielen")
            }
            builder.crebo = entry.crebo
        }
        let kwalificatieList = try kwalificaties.values.sorted {
            Int($0.code.dropFirst())! < Int($1.code.dropFirst())!
        }
        .map { builder in
            guard let titel = builder.titel else {
                throw error(1, "profiel \(builder.code) has no title")
            }
            let eigen = result.filter { $0.profiel == builder.code }.map(\.code)
            return Kwalificatie(
                code: builder.code, crebo: builder.crebo, titel: titel.titel,
                mboNiveau: builder.mboNiveau?.value,
                eqfNiveau: builder.eqfNiveau, beroepsvereisten: builder.beroepsvereisten?.value,
                toelichtingBeroepsvereisten: paragraphs(builder.toelichting),
                soortOpleiding: builder.soortOpleiding,
                typeringVanHetBeroep: paragraphs(builder.typering), kerntaken: basisCodes + eigen)
        }

        let generiekeOnderdelen = try generieke.map { onderdeel in
            let (naam, niveaus) = try GeneriekeOnderdelen.naamEnNiveaus(onderdeel.heading) {
                error(onderdeel.line, $0)
            }
            let tekst = paragraphs(onderdeel.paragraphs)
            return GeneriekOnderdeel(
                naam: naam, niveaus: niveaus, omschrijving: tekst,
                bron: tekst.flatMap(TextRules.firstLink(in:)))
        }
        return Kwalificatiedossier(
            crebo: crebo!, titel: titel!, opleidingsdomein: opleidingsdomein, penvoerder: penvoerder,
            gevalideerdDoor: gevalideerdDoor, gevalideerdOp: gevalideerdOp, geldigVanaf: geldigVanaf,
            typering: Typering(
                context: paragraphs(typering[.context] ?? []),
                beroepshouding: paragraphs(typering[.beroepshouding] ?? []),
                resultaat: paragraphs(typering[.resultaatBeroepsgroep] ?? [])),
            kwalificaties: kwalificatieList, kerntaken: result, vakkennis: vakkennis,
            generiekeOnderdelen: generiekeOnderdelen,
            generiekeOnderdelenInleiding: paragraphs(generiekeInleiding),
            keuzedelen: Keuzedelen(overzicht: keuzedelenOverzicht),
            bron: Bron(soort: .gepubliceerdeTekst, bestand: file))
    }

    func paragraphs(_ list: [String]) -> String? {
        list.isEmpty ? nil : list.joined(separator: "\n\n")
    }

    /// The table of contents, the overview tables and the section headers must agree.
    func crossCheckStructure() throws {
        var body: [String: Titled] = [:]
        for kerntaak in kerntaken {
            body[kerntaak.code.text] = Titled(titel: kerntaak.titel, line: kerntaak.line)
            for werkproces in kerntaak.werkprocessen {
                body[werkproces.code] = Titled(titel: werkproces.titel, line: werkproces.line)
            }
        }
        var overview: [String: Titled] = overzichtKerntaken
        for (_, werkprocessen) in overzichtWerkprocessen {
            for werkproces in werkprocessen { overview[werkproces.code] = werkproces.titel }
        }
        for kerntaak in kerntaken where !overview.isEmpty {
            guard overzichtKerntaken[kerntaak.code.text] != nil else {
                throw error(kerntaak.line, "kerntaak \(kerntaak.code.text) is not in the overview")
            }
            let listed = (overzichtWerkprocessen[kerntaak.code.text] ?? []).map(\.code)
            let found = kerntaak.werkprocessen.map(\.code)
            guard listed == found else {
                throw error(
                    kerntaak.line,
                    "kerntaak \(kerntaak.code.text) has werkprocessen \(found.joined(separator: ", ")) "
                        + "but the overview lists \(listed.joined(separator: ", "))")
            }
        }
        for (code, titel) in overview.sorted(by: { $0.value.line < $1.value.line }) {
            if let section = body[code] {
                guard section.titel == titel.titel else {
                    throw error(
                        section.line,
                        "\(code) is titled '\(section.titel)' but '\(titel.titel)' in the overview (line \(titel.line))"
                    )
                }
            } else if code.hasPrefix("B") {
                throw error(titel.line, "\(code) is in the overview but has no section in the basisdeel")
            }
        }
        for (code, titel) in inhoudsopgave {
            let known: Titled?
            if code.kerntaak == nil {
                known = kwalificaties[code.text]?.titel
            } else {
                known = body[code.text] ?? overview[code.text]
            }
            guard let known else {
                throw error(titel.line, "\(code.text) is in the table of contents but not in the dossier")
            }
            guard known.titel == titel.titel else {
                throw error(
                    titel.line,
                    "\(code.text) is titled '\(titel.titel)' in the table of contents but '\(known.titel)' on line \(known.line)"
                )
            }
        }
    }
}
