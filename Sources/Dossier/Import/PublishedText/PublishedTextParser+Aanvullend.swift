// Per-profiel additions in the published text: "Voor ‹profiel› geldt aanvullend:" blocks.

/// The published layout of an addition: inside a basis kerntaak's or werkproces's field, a line
/// that is exactly `Voor ‹titel› geldt aanvullend:`, where ‹titel› is the title of one of the
/// dossier's profielen as the overview names it (its first letter may differ in case), opens a
/// block. Every following line belongs to that profiel's addition to the same field, by the
/// field's own rules (paragraphs; a lead-in and `-` bullets for vakkennis and gedrag), until the
/// next field heading, label, kerntaak or werkproces section or competenties line. After a
/// werkproces's "De onderliggende competenties zijn:" line, a label followed by such a line adds
/// those competenties for that profiel.
///
/// The block never joins the basis text. Any other line that mentions "geldt aanvullend" (another
/// wording, text after the colon, a name that is no profiel, a place outside the basis kerntaken
/// and werkprocessen) is refused with its line, as is a label with nothing under it.
extension PublishedTextParser {
    /// What a line says about additions.
    enum AanvullendLabel: Equatable {
        /// No mention of an addition.
        case none
        /// `Voor ‹naam› geldt aanvullend:`.
        case label(naam: String)
        /// A mention this importer cannot read safely.
        case unreadable
    }

    static func aanvullendLabel(_ text: String) -> AanvullendLabel {
        let prefix = "Voor "
        let suffix = " geldt aanvullend:"
        if text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count {
            let naam = TextRules.trimmed(text.dropFirst(prefix.count).dropLast(suffix.count))
            if !naam.isEmpty { return .label(naam: naam) }
        }
        return text.lowercased().contains("geldt aanvullend") ? .unreadable : .none
    }

    /// Refuses every mention of an addition in lines the body walk does not read as one.
    func refuseAanvullendLabels(in slice: ArraySlice<SourceLine>, where place: String) throws {
        for line in slice where Self.aanvullendLabel(line.text) != .none {
            throw error(
                line.number,
                "'\(line.text)' \(place); per-profiel additions belong to basis kerntaken and werkprocessen")
        }
    }

    // MARK: The body walk

    /// Opens a block if `line` is a label; `false` if the line is no mention of an addition.
    func aanvullingLabel(_ line: SourceLine, _ state: inout BodyState) throws -> Bool {
        let naam: String
        switch Self.aanvullendLabel(line.text) {
        case .none: return false
        case .unreadable:
            throw error(
                line.number,
                "cannot read '\(line.text)' as an addition; expected a line 'Voor ‹profiel› geldt aanvullend:' alone"
            )
        case .label(let value): naam = value
        }
        if let profiel = state.kwalificatie {
            throw error(
                line.number,
                "'\(line.text)' in the section of profiel \(profiel.code); additions belong to basis kerntaken and werkprocessen"
            )
        }
        guard let kerntaak = state.kerntaak else {
            throw error(line.number, "'\(line.text)' outside a kerntaak")
        }
        guard let profiel = profielCode(naam) else {
            let known = kwalificaties.values.compactMap(\.titel?.titel).sorted()
            throw error(
                line.number,
                "'\(naam)' is not a profiel of this dossier (profielen: \(known.joined(separator: ", ")))")
        }
        try closeAanvulling(&state)
        let target: AanvullingBlock.Target
        switch state.field {
        case .complexiteit, .verantwoordelijkheid, .vakkennis:
            target = .kerntaak(kerntaak.aanvulling(profiel))
        case .omschrijving, .resultaat, .gedrag, .competenties:
            guard let werkproces = state.werkproces else {
                throw error(line.number, "'\(line.text)' outside a field of a kerntaak or werkproces")
            }
            target = .werkproces(werkproces.aanvulling(profiel))
        default:
            throw error(line.number, "'\(line.text)' outside a field of a kerntaak or werkproces")
        }
        if let first = target.labels[state.field] {
            throw error(
                line.number,
                "a second addition for \(profiel) to the \(Self.kop(state.field)) of \(state.werkproces?.code ?? kerntaak.code.text) "
                    + "(the first is on line \(first))")
        }
        target.setLabel(state.field, line: line.number)
        state.aanvulling = AanvullingBlock(
            profiel: profiel, line: line.number, field: state.field, target: target)
        state.afterPageBreak = false
        return true
    }

    /// A competenties line in an addition block opened after the basis competenties line;
    /// `false` (after closing any other block) when the line is the basis one.
    func aanvullingCompetenties(_ text: String, line: SourceLine, _ state: inout BodyState) throws -> Bool {
        guard let block = state.aanvulling, block.field == .competenties,
            case .werkproces(let builder) = block.target
        else {
            try closeAanvulling(&state)
            return false
        }
        if builder.competenties != nil {
            throw error(line.number, "a second competenties line in the addition for \(block.profiel)")
        }
        builder.competenties = try competenties(
            String(text.dropFirst(Keyword.competenties.count)), line: line.number)
        state.aanvulling?.hasContent = true
        try closeAanvulling(&state)
        state.afterPageBreak = false
        return true
    }

    /// Ends the open block; a label with nothing under it is refused.
    func closeAanvulling(_ state: inout BodyState) throws {
        guard let block = state.aanvulling else { return }
        state.aanvulling = nil
        if !block.hasContent {
            throw error(block.line, "the addition for \(block.profiel) opened here has no text")
        }
    }

    /// A line of the open block, by the rules of the block's field.
    func aanvullingContent(_ line: SourceLine, _ state: inout BodyState) throws {
        guard let block = state.aanvulling else { return }
        let pageBreak = state.afterPageBreak
        switch (block.target, block.field) {
        case (.kerntaak(let builder), .complexiteit):
            appendParagraph(line, to: &builder.complexiteit, afterPageBreak: pageBreak)
        case (.kerntaak(let builder), .verantwoordelijkheid):
            appendParagraph(line, to: &builder.verantwoordelijkheid, afterPageBreak: pageBreak)
        case (.kerntaak(let builder), .vakkennis):
            try appendItem(
                line, aanhef: &builder.vakkennisAanhef, items: &builder.vakkennis, afterPageBreak: pageBreak)
        case (.werkproces(let builder), .omschrijving):
            appendParagraph(line, to: &builder.omschrijving, afterPageBreak: pageBreak)
        case (.werkproces(let builder), .resultaat):
            appendParagraph(line, to: &builder.resultaat, afterPageBreak: pageBreak)
        case (.werkproces(let builder), .gedrag):
            try appendItem(
                line, aanhef: &builder.gedragAanhef, items: &builder.gedrag, afterPageBreak: pageBreak)
        default:
            throw error(
                line.number,
                "the addition for \(block.profiel) opened on line \(block.line) holds only a "
                    + "'\(Keyword.competenties)' line here, not '\(line.text)'")
        }
        state.aanvulling?.hasContent = true
    }

    /// The published heading of a field, to name it in a message.
    static func kop(_ field: Field) -> String {
        switch field {
        case .complexiteit: Keyword.complexiteit
        case .verantwoordelijkheid: Keyword.verantwoordelijkheid
        case .vakkennis: Keyword.vakkennis
        case .omschrijving: Keyword.omschrijving
        case .resultaat: Keyword.resultaat
        case .gedrag: Keyword.gedrag
        default: "competenties"
        }
    }

    /// The profiel code for a title as the overview gives it; the first letter's case may
    /// differ (a label inside a sentence-case text).
    func profielCode(_ naam: String) -> String? {
        func folded(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
        let matches = kwalificaties.values.filter { builder in
            guard let titel = builder.titel?.titel else { return false }
            return titel == naam || folded(titel) == folded(naam)
        }
        return matches.count == 1 ? matches[0].code : nil
    }

    // MARK: Assembly

    /// The kerntaak additions in profiel order, vakkennis ids made by `id` in text order.
    func kerntaakAanvullend(_ builder: KerntaakBuilder, id: (String) -> String) -> [KerntaakAanvulling]? {
        let values = builder.aanvullend.map { aanvulling in
            var ids: [String] = []
            for tekst in aanvulling.vakkennis {
                let ref = id(tekst)
                if !ids.contains(ref) { ids.append(ref) }
            }
            return KerntaakAanvulling(
                profiel: aanvulling.profiel, complexiteit: paragraphs(aanvulling.complexiteit),
                verantwoordelijkheidEnZelfstandigheid: paragraphs(aanvulling.verantwoordelijkheid),
                vakkennisAanhef: paragraphs(aanvulling.vakkennisAanhef), vakkennis: ids.isEmpty ? nil : ids)
        }
        return Self.inProfielOrder(values, \.profiel)
    }

    /// The werkproces additions in profiel order.
    func werkprocesAanvullend(_ builder: WerkprocesBuilder) -> [WerkprocesAanvulling]? {
        let values = builder.aanvullend.map { aanvulling in
            WerkprocesAanvulling(
                profiel: aanvulling.profiel, omschrijving: paragraphs(aanvulling.omschrijving),
                resultaat: paragraphs(aanvulling.resultaat),
                gedragAanhef: paragraphs(aanvulling.gedragAanhef),
                gedrag: aanvulling.gedrag.isEmpty ? nil : aanvulling.gedrag,
                competenties: aanvulling.competenties)
        }
        return Self.inProfielOrder(values, \.profiel)
    }

    static func inProfielOrder<Value>(_ values: [Value], _ profiel: KeyPath<Value, String>) -> [Value]? {
        values.isEmpty
            ? nil
            : values.sorted {
                Int($0[keyPath: profiel].dropFirst())! < Int($1[keyPath: profiel].dropFirst())!
            }
    }
}

/// The open addition block of the body walk.
struct AanvullingBlock {
    /// Where the block's lines go.
    enum Target {
        case kerntaak(KerntaakAanvullingBuilder)
        case werkproces(WerkprocesAanvullingBuilder)

        /// The line of the label of each field this profiel's addition already has.
        var labels: [Field: Int] {
            switch self {
            case .kerntaak(let builder): builder.labels
            case .werkproces(let builder): builder.labels
            }
        }

        func setLabel(_ field: Field, line: Int) {
            switch self {
            case .kerntaak(let builder): builder.labels[field] = line
            case .werkproces(let builder): builder.labels[field] = line
            }
        }
    }

    let profiel: String
    let line: Int
    let field: Field
    let target: Target
    var hasContent = false
}

final class KerntaakAanvullingBuilder {
    let profiel: String
    var labels: [Field: Int] = [:]
    var complexiteit: [String] = []
    var verantwoordelijkheid: [String] = []
    var vakkennisAanhef: [String] = []
    var vakkennis: [String] = []

    init(profiel: String) {
        self.profiel = profiel
    }
}

final class WerkprocesAanvullingBuilder {
    let profiel: String
    var labels: [Field: Int] = [:]
    var omschrijving: [String] = []
    var resultaat: [String] = []
    var gedragAanhef: [String] = []
    var gedrag: [String] = []
    var competenties: [String]?

    init(profiel: String) {
        self.profiel = profiel
    }
}

extension KerntaakBuilder {
    /// The builder of this profiel's addition, made on first use.
    func aanvulling(_ profiel: String) -> KerntaakAanvullingBuilder {
        if let known = aanvullend.first(where: { $0.profiel == profiel }) { return known }
        let builder = KerntaakAanvullingBuilder(profiel: profiel)
        aanvullend.append(builder)
        return builder
    }
}

extension WerkprocesBuilder {
    /// The builder of this profiel's addition, made on first use.
    func aanvulling(_ profiel: String) -> WerkprocesAanvullingBuilder {
        if let known = aanvullend.first(where: { $0.profiel == profiel }) { return known }
        let builder = WerkprocesAanvullingBuilder(profiel: profiel)
        aanvullend.append(builder)
        return builder
    }
}
