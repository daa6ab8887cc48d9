// Building the model from what the sections read, and the cross-checks between table of contents, overview tables and sections.

extension PublishedTextParser {
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
        let basisRefs = kerntaken.map { builder in
            var refs: [String] = []
            for tekst in builder.vakkennis {
                let ref = id(for: tekst)
                if !refs.contains(ref) { refs.append(ref) }
            }
            return refs
        }
        // Items only an addition lists are numbered after every kerntaak's own, so that an
        // addition never renumbers the basis items.
        let aanvullend = kerntaken.map { kerntaakAanvullend($0, id: id(for:)) }
        var result: [Kerntaak] = []
        for (index, builder) in kerntaken.enumerated() {
            let refs = basisRefs[index]
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
                            competenties: werkproces.competenties,
                            aanvullend: werkprocesAanvullend(werkproces))
                    }, aanvullend: aanvullend[index]))
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
