// The body walk: typering, kerntaken and werkprocessen, with page headers dropped and page-split sentences joined.

extension PublishedTextParser {
    // MARK: Body

    /// The state of the body walk.
    struct BodyState {
        var field: Field = .none
        var kerntaak: KerntaakBuilder?
        var werkproces: WerkprocesBuilder?
        var kwalificatie: KwalificatieBuilder?
        /// The open "Voor ‹profiel› geldt aanvullend:" block, if any: lines go to it, not to
        /// the basis text, until the next heading, label, section or competenties line.
        var aanvulling: AanvullingBlock?
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
        if try aanvullingLabel(line, &state) { return }
        if let heading = heading(text, state) {
            try closeAanvulling(&state)
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
            if try aanvullingCompetenties(competentieText, line: line, &state) { return }
            if werkproces.competenties != nil {
                throw error(line.number, "a second competenties line for \(werkproces.code)")
            }
            werkproces.competenties = try competenties(
                String(competentieText.dropFirst(Keyword.competenties.count)), line: line.number)
            state.field = .competenties
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
        try closeAanvulling(&state)
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
        try closeAanvulling(&state)
        try closeWerkproces(&state)
        if let kerntaak = state.kerntaak, kerntaak.werkprocessen.isEmpty {
            throw error(kerntaak.line, "kerntaak \(kerntaak.code.text) has no werkprocessen")
        }
        state.kerntaak = nil
        state.field = .none
    }

    /// A line of paragraph text: a new paragraph, or the continuation of a sentence a page
    /// break cut.
    func appendParagraph(_ line: SourceLine, to paragraphs: inout [String], afterPageBreak: Bool) {
        let text = unwrapAutolinks(line.text)
        if afterPageBreak, let last = paragraphs.last, !endsSentence(last), !line.text.hasPrefix("-") {
            paragraphs[paragraphs.count - 1] = last + " " + text
        } else {
            paragraphs.append(text)
        }
    }

    /// A line of a list (vakkennis, gedrag): a bullet is an item, text before the first bullet
    /// the lead-in, text after a page break the rest of a cut item; anything else is refused.
    func appendItem(
        _ line: SourceLine, aanhef: inout [String], items: inout [String], afterPageBreak: Bool
    ) throws {
        let isBullet = line.text.hasPrefix("-")
        let text = unwrapAutolinks(line.text)
        if isBullet {
            let bullet = TextRules.trimmed(line.text.dropFirst())
            guard !bullet.isEmpty else { throw error(line.number, "an empty bullet") }
            items.append(bullet)
        } else if items.isEmpty {
            aanhef.append(text)
        } else if afterPageBreak, let last = items.last, !endsSentence(last) {
            items[items.count - 1] = last + " " + text
        } else {
            throw error(
                line.number,
                "text after the list that is neither a bullet nor a new section: '\(line.text)'")
        }
    }

    /// A line of text, bullet or not, in the current field (or the open addition block).
    func content(_ line: SourceLine, _ state: inout BodyState) throws {
        if state.aanvulling != nil {
            try aanvullingContent(line, &state)
            return
        }
        let pageBreak = state.afterPageBreak
        func append(_ paragraphs: inout [String]) {
            appendParagraph(line, to: &paragraphs, afterPageBreak: pageBreak)
        }
        func appendItem(aanhef: inout [String], items: inout [String]) throws {
            try self.appendItem(line, aanhef: &aanhef, items: &items, afterPageBreak: pageBreak)
        }
        switch state.field {
        case .none, .competenties:
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
}
