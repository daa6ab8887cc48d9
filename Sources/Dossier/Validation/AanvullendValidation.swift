// The checks on per-profiel additions, beside the validator's other checks in DossierValidator.swift.

extension Checker {
    /// A kerntaak's and its werkprocessen's additions: only on the basisdeel, each for a profiel
    /// of the dossier (once per item), never empty, every vakkennis item and competentie known.
    ///
    /// An addition may repeat what the basis already lists: real exports do (4156 adds
    /// competentie C to B1-K1-W2, whose basis already has C), and the text is the law as
    /// published, so it is kept; ``SamengesteldWerkproces/competenties`` lists it once.
    func checkAanvullend(_ kerntaak: Kerntaak, at path: String) throws {
        let profielen = Set(dossier.kwalificaties.map(\.code))
        let vakkennis = Set(dossier.vakkennis.map(\.id))
        if let aanvullend = kerntaak.aanvullend {
            try checkEach(aanvullend, of: kerntaak, profielen: profielen, at: "\(path).aanvullend") {
                aanvulling, apath in
                try checkText(aanvulling.complexiteit, at: "\(apath).complexiteit")
                try checkText(
                    aanvulling.verantwoordelijkheidEnZelfstandigheid,
                    at: "\(apath).verantwoordelijkheidEnZelfstandigheid")
                try checkText(aanvulling.vakkennisAanhef, at: "\(apath).vakkennisAanhef")
                if aanvulling.vakkennisAanhef != nil, aanvulling.vakkennis == nil {
                    throw fail("\(apath).vakkennis", "a vakkennis lead-in without vakkennis items")
                }
                try checkList(aanvulling.vakkennis, at: "\(apath).vakkennis") { id in
                    vakkennis.contains(id) ? nil : "unknown vakkennis item \(id)"
                }
            }
        }
        for werkproces in kerntaak.werkprocessen {
            guard let aanvullend = werkproces.aanvullend else { continue }
            let wpath = "\(path).werkprocessen[\(werkproces.code)].aanvullend"
            try checkEach(aanvullend, of: kerntaak, profielen: profielen, at: wpath) { aanvulling, apath in
                try checkText(aanvulling.omschrijving, at: "\(apath).omschrijving")
                try checkText(aanvulling.resultaat, at: "\(apath).resultaat")
                try checkText(aanvulling.gedragAanhef, at: "\(apath).gedragAanhef")
                if aanvulling.gedragAanhef != nil, aanvulling.gedrag == nil {
                    throw fail("\(apath).gedrag", "a gedrag lead line without gedrag items")
                }
                try checkList(aanvulling.gedrag, at: "\(apath).gedrag", unique: false) { item in
                    TextRules.trimmed(item).isEmpty ? "an empty gedrag item" : nil
                }
                try checkList(aanvulling.competenties, at: "\(apath).competenties") { code in
                    Competentie.met(code: code) == nil ? "unknown competentie \(code)" : nil
                }
            }
        }
    }

    /// The checks every addition has: the kerntaak is on the basisdeel, the list is not empty,
    /// each addition is for a profiel of the dossier (once) and adds something; then `check`
    /// with the addition and its path.
    private func checkEach<A: Aanvulling>(
        _ aanvullend: [A], of kerntaak: Kerntaak, profielen: Set<String>, at path: String,
        _ check: (A, String) throws -> Void
    ) throws {
        try checkOnBasis(kerntaak, aanvullend.isEmpty, at: path)
        var seen: Set<String> = []
        for aanvulling in aanvullend {
            let apath = "\(path)[\(aanvulling.profiel)]"
            try checkProfiel(aanvulling.profiel, known: profielen, seen: &seen, at: apath)
            if aanvulling.isLeeg { throw fail(apath, "an addition that adds nothing") }
            try check(aanvulling, apath)
        }
    }

    private func checkOnBasis(_ kerntaak: Kerntaak, _ isEmpty: Bool, at path: String) throws {
        guard kerntaak.deel == .basisdeel else {
            throw fail(
                path,
                "profieldeel kerntaak \(kerntaak.code) has additions; only the basisdeel has them")
        }
        if isEmpty { throw fail(path, "an empty list of additions (leave the field out)") }
    }

    private func checkProfiel(
        _ profiel: String, known: Set<String>, seen: inout Set<String>, at path: String
    ) throws {
        guard known.contains(profiel) else {
            throw fail(path, "addition for unknown profiel \(profiel)")
        }
        guard seen.insert(profiel).inserted else {
            throw fail(path, "a second addition for profiel \(profiel)")
        }
    }

    private func checkText(_ text: String?, at path: String) throws {
        if let text, TextRules.trimmed(text).isEmpty {
            throw fail(path, "an empty text (leave the field out)")
        }
    }

    /// A list that is absent or non-empty, each item passing `problem`; a list of references
    /// (`unique`) names each item once.
    private func checkList(
        _ list: [String]?, at path: String, unique: Bool = true, problem: (String) -> String?
    ) throws {
        guard let list else { return }
        if list.isEmpty { throw fail(path, "an empty list (leave the field out)") }
        var seen: Set<String> = []
        for item in list {
            if let message = problem(item) { throw fail(path, message) }
            guard seen.insert(item).inserted || !unique else { throw fail(path, "\(item) is listed twice") }
        }
    }
}

/// What every check on an addition reads: whose it is, and whether it adds anything.
protocol Aanvulling {
    var profiel: String { get }
    var isLeeg: Bool { get }
}

extension KerntaakAanvulling: Aanvulling {}
extension WerkprocesAanvulling: Aanvulling {}
