// The per-profiel additions of an SBB export: `…perprofiel` elements holding `aanvullend` entries.

/// The format: a basis text element holds, after its own text, a `…perprofiel` element; a list
/// (vakkennis, competenties) holds one beside its references. Each `aanvullend` in it names a
/// profiel by `<profiel referentie="nr"/>` and holds what that profiel adds:
///
/// ```xml
/// <complexiteit><![CDATA[basis text]]><complexiteitperprofiel>
///   <aanvullend><profiel referentie="1216566" /><complexiteit><![CDATA[added]]></complexiteit></aanvullend>
/// </complexiteitperprofiel></complexiteit>
/// ```
///
/// An entry whose text or list is empty is no addition. A referentie to no profiel of the
/// dossier, a second entry for one profiel, text or an element where the format has none, and
/// an addition on a profieldeel kerntaak are errors with their line: nothing is dropped.
extension DossierReader {
    /// Every `…perprofiel` element of the format, each read where it belongs.
    static let perProfielElementen: Set<String> = [
        "complexiteitperprofiel", "verantwoordelijkheidperprofiel", "vakkennisenvaardighedenperprofiel",
        "werkprocesomschrijvingperprofiel", "werkprocesresultaatperprofiel", "werkprocesgedragperprofiel",
        "werkprocescompetentiesperprofiel",
    ]

    /// One `aanvullend` entry: the profiel it is for and the element with what it adds.
    struct Entry {
        let profiel: String
        let body: XMLElementNode?
        let element: XMLElementNode
    }

    /// What profielen add to a kerntaak, one value per profiel in profiel order; `nil` if none.
    func kerntaakAanvullend(
        complexiteit: XMLElementNode?, verantwoordelijkheid: XMLElementNode?,
        vakkennis: XMLElementNode?, known: Set<String>, deel: Kerntaak.Deel, code: String
    ) throws -> [KerntaakAanvulling]? {
        var result = Additions<KerntaakAanvulling> { KerntaakAanvulling(profiel: $0) }
        for entry in try entries(complexiteit, "complexiteitperprofiel", body: "complexiteit") {
            guard let tekst = try text(entry.body) else { continue }
            result.add(entry) { $0.complexiteit = tekst }
        }
        for entry in try entries(
            verantwoordelijkheid, "verantwoordelijkheidperprofiel", body: "verantwoordelijkheid")
        {
            guard let tekst = try text(entry.body) else { continue }
            result.add(entry) { $0.verantwoordelijkheidEnZelfstandigheid = tekst }
        }
        for entry in try entries(
            vakkennis, "vakkennisenvaardighedenperprofiel", body: "vakkennisenvaardighedenonderdelen")
        {
            let ids = try referenties(entry, "vakkennisenvaardigheden") {
                try vakkennisReferenties($0, known: known, of: "the addition for \(entry.profiel) to \(code)")
            }
            if ids.isEmpty { continue }
            result.add(entry) { $0.vakkennis = ids }
        }
        return try result.values(on: deel, code: code, reader: self)
    }

    /// What profielen add to a werkproces, one value per profiel in profiel order; `nil` if none.
    func werkprocesAanvullend(
        omschrijving: XMLElementNode?, resultaat: XMLElementNode?, gedrag: XMLElementNode?,
        competenties: XMLElementNode?, deel: Kerntaak.Deel, code: String, nr: String
    ) throws -> [WerkprocesAanvulling]? {
        var result = Additions<WerkprocesAanvulling> { WerkprocesAanvulling(profiel: $0) }
        for entry in try entries(omschrijving, "werkprocesomschrijvingperprofiel", body: "omschrijving") {
            guard let tekst = try text(entry.body) else { continue }
            result.add(entry) { $0.omschrijving = tekst }
        }
        for entry in try entries(resultaat, "werkprocesresultaatperprofiel", body: "omschrijving") {
            guard let tekst = try text(entry.body) else { continue }
            result.add(entry) { $0.resultaat = tekst }
        }
        for entry in try entries(gedrag, "werkprocesgedragperprofiel", body: "omschrijving") {
            let split = try readGedrag(entry.body, werkproces: "\(nr) for \(entry.profiel)")
            if split.items.isEmpty { continue }
            result.add(entry) {
                $0.gedragAanhef = split.aanhef
                $0.gedrag = split.items
            }
        }
        for entry in try entries(competenties, "werkprocescompetentiesperprofiel", body: "omschrijving") {
            let codes = try referenties(entry, "competentie") {
                try competentieReferenties($0, of: "the addition for \(entry.profiel) to werkproces \(nr)")
            }
            if codes.isEmpty { continue }
            result.add(entry) { $0.competenties = codes }
        }
        return try result.values(on: deel, code: code, reader: self)
    }

    // MARK: Entries

    /// The `aanvullend` entries of the one `perProfiel` child of `parent`, structure checked
    /// and profiel resolved.
    private func entries(_ parent: XMLElementNode?, _ perProfiel: String, body: String) throws -> [Entry] {
        let elements = parent?.children(named: perProfiel) ?? []
        if elements.count > 1 {
            throw error(elements[1], "a second <\(perProfiel)> inside <\(parent!.name)>")
        }
        guard let container = elements.first else { return [] }
        try expectBlank(container)
        var seen: [String: Int] = [:]
        var result: [Entry] = []
        for aanvullend in container.children {
            guard aanvullend.name == "aanvullend" else {
                throw error(aanvullend, "unexpected element <\(aanvullend.name)> in <\(perProfiel)>")
            }
            try expectBlank(aanvullend)
            let profielElementen = aanvullend.children(named: "profiel")
            guard let profiel = profielElementen.first else {
                throw error(aanvullend, "<aanvullend> in <\(perProfiel)> names no <profiel>")
            }
            if profielElementen.count > 1 {
                throw error(profielElementen[1], "<aanvullend> in <\(perProfiel)> names a second <profiel>")
            }
            if let child = aanvullend.children.first(where: { $0.name != "profiel" && $0.name != body }) {
                throw error(child, "unexpected element <\(child.name)> in <aanvullend> of <\(perProfiel)>")
            }
            let bodies = aanvullend.children(named: body)
            if bodies.count > 1 {
                throw error(bodies[1], "a second <\(body)> in <aanvullend> of <\(perProfiel)>")
            }
            try expectBlank(profiel, noChildren: true)
            let referentie = try ExportContext.required(profiel, "referentie", file: file)
            guard let code = profielen[referentie] else {
                throw error(
                    profiel, "<aanvullend> in <\(perProfiel)> refers to unknown profiel \(referentie)")
            }
            if let line = seen[code] {
                throw error(
                    profiel,
                    "a second <aanvullend> for profiel \(code) (\(referentie)) in <\(perProfiel)>; the first is on line \(line)"
                )
            }
            seen[code] = profiel.line
            result.append(Entry(profiel: code, body: bodies.first, element: aanvullend))
        }
        return result
    }

    /// The references an addition lists: `referentie` children of its body and nothing else.
    private func referenties(
        _ entry: Entry, _ name: String, resolve: ([XMLElementNode]) throws -> [String]
    ) throws -> [String] {
        guard let body = entry.body else { return [] }
        try expectBlank(body)
        try expectOnly([name], in: body, what: "<\(body.name)> of an addition")
        return try resolve(body.children)
    }

    /// An element that holds only elements: any text in it would be lost.
    private func expectBlank(_ node: XMLElementNode, noChildren: Bool = false) throws {
        if !TextRules.trimmed(node.text).isEmpty {
            throw error(node, "unexpected text inside <\(node.name)>")
        }
        if noChildren, let child = node.children.first {
            throw error(child, "unexpected element <\(child.name)> inside <\(node.name)>")
        }
    }
}

/// The additions of one item collected per profiel, then put in profiel order.
private struct Additions<Value> {
    let make: (String) -> Value
    var byProfiel: [String: (value: Value, line: Int)] = [:]

    init(make: @escaping (String) -> Value) {
        self.make = make
    }

    mutating func add(_ entry: DossierReader.Entry, _ change: (inout Value) -> Void) {
        var current = byProfiel[entry.profiel] ?? (make(entry.profiel), entry.element.line)
        change(&current.value)
        byProfiel[entry.profiel] = current
    }

    /// The values in profiel order (`P1`, `P2`, ..., `P10`); `nil` when there are none. A
    /// profieldeel item cannot have additions: the first one is an error with its line.
    func values(on deel: Kerntaak.Deel, code: String, reader: DossierReader) throws -> [Value]? {
        if byProfiel.isEmpty { return nil }
        guard deel == .basisdeel else {
            let line = byProfiel.values.map(\.line).min()!
            throw ImportError(
                file: reader.file, location: .line(line),
                message:
                    "an addition to profieldeel item \(code); only the basisdeel has per-profiel additions")
        }
        return byProfiel.sorted { Int($0.key.dropFirst())! < Int($1.key.dropFirst())! }.map(\.value.value)
    }
}
