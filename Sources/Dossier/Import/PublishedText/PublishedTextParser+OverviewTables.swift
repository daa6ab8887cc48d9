// The overview tables: kwalificaties with niveau and beroepsvereisten, and the kerntaak/werkproces structure of basisdeel and profieldeel.

extension PublishedTextParser {
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
}
