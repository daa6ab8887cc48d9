/// Checks one dossier's inner consistency before it may be served: required fields present,
/// codes unique and consistent with their parent (`B1-K2-W3` under `B1-K2`, `P2-K1` under
/// profiel `P2`), every kwalificatie's kerntaken, every competentie and every vakkennis
/// reference resolving, crebos of five digits, dates real ISO dates.
///
/// Places are named by a path of codes, e.g.
/// `kerntaken[B1-K2].werkprocessen[B1-K2-W3].competenties`.
public enum DossierValidator {
    /// Throws the first problem found as an ``ImportError`` for `file`.
    public static func validate(_ dossier: Kwalificatiedossier, file: String) throws {
        try Checker(dossier: dossier, file: file).run()
    }
}

struct Checker {
    let dossier: Kwalificatiedossier
    let file: String

    func fail(_ path: String, _ message: String) -> ImportError {
        ImportError(file: file, location: .path(path), message: message)
    }

    func run() throws {
        guard Crebo.isValid(dossier.crebo) else {
            throw fail("crebo", "dossier crebo '\(dossier.crebo)' is not five digits")
        }
        try requireText(dossier.titel, "titel")
        if let domein = dossier.opleidingsdomein {
            try requireText(domein.titel, "opleidingsdomein.titel")
            if let crebo = domein.crebo, !Crebo.isValid(crebo) {
                throw fail("opleidingsdomein.crebo", "crebo '\(crebo)' is not five digits")
            }
        }
        let dates: [(String, String?)] = [
            ("gevalideerdOp", dossier.gevalideerdOp), ("vastgesteldOp", dossier.vastgesteldOp),
            ("geldigVanaf", dossier.geldigVanaf), ("datumEindeInstroom", dossier.datumEindeInstroom),
            ("datumEindeOpleiding", dossier.datumEindeOpleiding),
        ]
        try checkDates(dates, at: "")
        try checkVakkennis()
        try checkKerntaken()
        try checkKwalificaties()
        for (index, onderdeel) in dossier.generiekeOnderdelen.enumerated() {
            try requireText(onderdeel.naam, "generiekeOnderdelen[\(index)].naam")
            if let niveaus = onderdeel.niveaus,
                niveaus.isEmpty || !niveaus.allSatisfy({ (1...4).contains($0) })
            {
                throw fail("generiekeOnderdelen[\(onderdeel.naam)].niveaus", "niveaus must be 1...4")
            }
        }
        for (index, keuzedeel) in dossier.keuzedelen.items.enumerated() {
            try requireText(keuzedeel.titel, "keuzedelen.items[\(index)].titel")
        }
    }

    private func checkVakkennis() throws {
        var ids: Set<String> = []
        for item in dossier.vakkennis {
            guard !item.id.isEmpty else { throw fail("vakkennis", "an item has an empty id") }
            guard ids.insert(item.id).inserted else {
                throw fail("vakkennis[\(item.id)]", "duplicate vakkennis id \(item.id)")
            }
            try requireText(item.tekst, "vakkennis[\(item.id)].tekst")
        }
    }

    private func checkKerntaken() throws {
        guard !dossier.kerntaken.isEmpty else { throw fail("kerntaken", "the dossier has no kerntaken") }
        let profielen = Set(dossier.kwalificaties.map(\.code))
        let vakkennis = Set(dossier.vakkennis.map(\.id))
        var codes: Set<String> = []
        var werkprocesCodes: Set<String> = []
        for kerntaak in dossier.kerntaken {
            let path = "kerntaken[\(kerntaak.code)]"
            guard codes.insert(kerntaak.code).inserted else {
                throw fail(path, "duplicate kerntaak code \(kerntaak.code)")
            }
            try requireText(kerntaak.titel, "\(path).titel")
            guard let parsed = Code.kerntaak(kerntaak.code) else {
                throw fail(path, "'\(kerntaak.code)' is not a kerntaak code (B1-K1, P2-K1, ...)")
            }
            switch kerntaak.deel {
            case .basisdeel:
                guard parsed.deel.hasPrefix("B"), kerntaak.profiel == nil else {
                    throw fail(path, "basisdeel kerntaak \(kerntaak.code) must have a B code and no profiel")
                }
            case .profieldeel:
                guard parsed.deel.hasPrefix("P"), kerntaak.profiel == parsed.deel else {
                    throw fail(
                        path,
                        "profieldeel kerntaak \(kerntaak.code) must belong to profiel \(parsed.deel), "
                            + "not \(kerntaak.profiel ?? "none")")
                }
                guard profielen.contains(parsed.deel) else {
                    throw fail(path, "kerntaak \(kerntaak.code) belongs to unknown profiel \(parsed.deel)")
                }
            }
            var listed: Set<String> = []
            for id in kerntaak.vakkennis ?? [] {
                guard vakkennis.contains(id) else {
                    throw fail("\(path).vakkennis", "unknown vakkennis item \(id)")
                }
                guard listed.insert(id).inserted else {
                    throw fail("\(path).vakkennis", "vakkennis item \(id) is listed twice")
                }
            }
            guard !kerntaak.werkprocessen.isEmpty else {
                throw fail("\(path).werkprocessen", "kerntaak \(kerntaak.code) has no werkprocessen")
            }
            try checkAanvullend(kerntaak, at: path)
            for werkproces in kerntaak.werkprocessen {
                let wpath = "\(path).werkprocessen[\(werkproces.code)]"
                guard werkprocesCodes.insert(werkproces.code).inserted else {
                    throw fail(wpath, "duplicate werkproces code \(werkproces.code)")
                }
                guard let number = werkproces.code.split(separator: "-").last, number.hasPrefix("W"),
                    werkproces.code == "\(kerntaak.code)-\(number)", Code.positive(number.dropFirst())
                else {
                    throw fail(
                        wpath, "werkproces code \(werkproces.code) does not belong under \(kerntaak.code)")
                }
                try requireText(werkproces.titel, "\(wpath).titel")
                var seen: Set<String> = []
                for code in werkproces.competenties ?? [] {
                    guard Competentie.met(code: code) != nil else {
                        throw fail("\(wpath).competenties", "unknown competentie \(code)")
                    }
                    guard seen.insert(code).inserted else {
                        throw fail("\(wpath).competenties", "competentie \(code) is listed twice")
                    }
                }
            }
        }
    }

    private func checkKwalificaties() throws {
        guard !dossier.kwalificaties.isEmpty else {
            throw fail("kwalificaties", "the dossier has no kwalificaties")
        }
        let kerntaken = Dictionary(uniqueKeysWithValues: dossier.kerntaken.map { ($0.code, $0) })
        var codes: Set<String> = []
        var crebos: Set<String> = []
        for kwalificatie in dossier.kwalificaties {
            let path = "kwalificaties[\(kwalificatie.code)]"
            guard kwalificatie.code.hasPrefix("P"), Code.positive(kwalificatie.code.dropFirst()) else {
                throw fail(path, "'\(kwalificatie.code)' is not a profiel code (P1, P2, ...)")
            }
            guard codes.insert(kwalificatie.code).inserted else {
                throw fail(path, "duplicate kwalificatie code \(kwalificatie.code)")
            }
            try requireText(kwalificatie.titel, "\(path).titel")
            if let crebo = kwalificatie.crebo {
                guard Crebo.isValid(crebo) else {
                    throw fail("\(path).crebo", "crebo '\(crebo)' is not five digits")
                }
                guard crebos.insert(crebo).inserted, crebo != dossier.crebo else {
                    throw fail("\(path).crebo", "crebo \(crebo) is used twice in the dossier")
                }
            }
            if let niveau = kwalificatie.mboNiveau, !(1...4).contains(niveau) {
                throw fail("\(path).mboNiveau", "mbo-niveau \(niveau) is not 1...4")
            }
            if let niveau = kwalificatie.eqfNiveau, !(1...8).contains(niveau) {
                throw fail("\(path).eqfNiveau", "EQF-niveau \(niveau) is not 1...8")
            }
            if let sbu = kwalificatie.sbu, sbu < 0 { throw fail("\(path).sbu", "negative sbu") }
            try checkDates(
                [
                    ("geldigVanaf", kwalificatie.geldigVanaf),
                    ("datumEindeInstroom", kwalificatie.datumEindeInstroom),
                    ("datumEindeOpleiding", kwalificatie.datumEindeOpleiding),
                ], at: "\(path).")
            var listed: Set<String> = []
            for code in kwalificatie.kerntaken {
                guard let kerntaak = kerntaken[code] else {
                    throw fail("\(path).kerntaken", "unknown kerntaak \(code)")
                }
                guard listed.insert(code).inserted else {
                    throw fail("\(path).kerntaken", "kerntaak \(code) is listed twice")
                }
                if kerntaak.deel == .profieldeel, kerntaak.profiel != kwalificatie.code {
                    throw fail(
                        "\(path).kerntaken", "kerntaak \(code) belongs to profiel \(kerntaak.profiel ?? "?")")
                }
            }
            // Every kwalificatie consists of the whole basisdeel plus its own profieldeel.
            for kerntaak in dossier.kerntaken
            where (kerntaak.deel == .basisdeel || kerntaak.profiel == kwalificatie.code)
                && !listed.contains(kerntaak.code)
            {
                throw fail("\(path).kerntaken", "kerntaak \(kerntaak.code) is missing")
            }
        }
    }

    private func checkDates(_ dates: [(String, String?)], at prefix: String) throws {
        for (name, value) in dates {
            if let value, !TextRules.isISODate(value) {
                throw fail(prefix + name, "'\(value)' is not an ISO date jjjj-mm-dd")
            }
        }
    }

    private func requireText(_ text: String, _ path: String) throws {
        if TextRules.trimmed(text).isEmpty { throw fail(path, "required text is empty") }
    }
}

/// The shapes of the published codes.
enum Code {
    /// Splits `B1-K2` or `P2-K1` into its part (`B1`, `P2`) and number; `nil` for other text.
    static func kerntaak(_ code: String) -> (deel: String, nummer: Int)? {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = parts[0].first, first == "B" || first == "P",
            positive(parts[0].dropFirst()), parts[1].hasPrefix("K"), positive(parts[1].dropFirst())
        else { return nil }
        return (String(parts[0]), Int(parts[1].dropFirst())!)
    }

    /// Whether a text is a positive whole number in ASCII digits without leading zeros (and
    /// small enough that `Int(text)` always succeeds).
    static func positive(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 9 && text.allSatisfy(\.isASCIIDigit) && text.first != "0"
    }
}
