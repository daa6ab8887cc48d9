import Foundation

/// Imports SBB's XML export of the qualification structure (`<sbb>` with `domeinen`,
/// `sectorkamers`, `competenties` and `dossiers`) into ``Kwalificatiedossier`` values.
///
/// One export can hold many dossiers; each becomes one value. Codes follow the published
/// numbering: basis kerntaken `B1-K{hoofdstuk}`, their werkprocessen `B1-K{k}-W{hoofdstuk}`,
/// profielen `P{hoofdstuk}` with kerntaken `P{p}-K{k}` and werkprocessen `P{p}-K{k}-W{w}`.
/// Competenties and vakkennis are resolved through their `referentie`, and so are the profielen
/// of the per-profiel additions (`…perprofiel/aanvullend`, see `SBBXMLImporter+Aanvullend.swift`).
/// Texts are trimmed, HTML is reduced to plain text, and nothing is guessed: an element the
/// model cannot hold that carries content (a certificate list or a categorie of vakkennis, for
/// example) stops the import with an ``ImportError`` naming the element and its line rather
/// than being dropped.
public enum SBBXMLImporter {
    /// Imports every dossier in an export.
    ///
    /// - Parameters:
    ///   - data: The file's bytes (UTF-8, with or without a byte order mark).
    ///   - file: The file's name, used in ``Bron`` and in error messages.
    /// - Throws: ``ImportError`` with the line of the offending element.
    public static func importDossiers(from data: Data, file: String) throws -> [Kwalificatiedossier] {
        let root = try XMLElementNode.parse(data, file: file)
        let context = try ExportContext(root: root, file: file)
        guard let dossiers = root.child("dossiers") else {
            throw ImportError(
                file: file, location: .line(root.line), message: "missing <dossiers> in <\(root.name)>")
        }
        let elements = dossiers.children(named: "dossier")
        if elements.isEmpty {
            throw ImportError(
                file: file, location: .line(dossiers.line), message: "<dossiers> holds no <dossier>")
        }
        return try elements.map { try DossierReader(context: context, element: $0).read() }
    }
}

/// The shared blocks of an export: domeinen, sectorkamers and competenties by their `nr`.
struct ExportContext {
    let file: String
    var domeinen: [String: Opleidingsdomein] = [:]
    var sectorkamers: [String: String] = [:]
    var competentieCodes: [String: String] = [:]

    init(root: XMLElementNode, file: String) throws {
        self.file = file
        guard root.name == "sbb" else {
            throw ImportError(
                file: file, location: .line(root.line),
                message: "root element is <\(root.name)>, expected <sbb> (an SBB XML export)")
        }
        for domein in root.child("domeinen")?.children(named: "domein") ?? [] {
            let nr = try Self.required(domein, "nr", file: file)
            let titel = try Self.required(domein, "titel", file: file)
            let crebo = TextRules.nonBlank(domein.attributes["crebo"])
            if let crebo, !TextRules.isCrebo(crebo) {
                throw ImportError(
                    file: file, location: .line(domein.line),
                    message: "domein \(nr) has crebo '\(crebo)', expected five digits")
            }
            domeinen[nr] = Opleidingsdomein(titel: titel, crebo: crebo)
        }
        for sectorkamer in root.child("sectorkamers")?.children(named: "sectorkamer") ?? [] {
            let nr = try Self.required(sectorkamer, "nr", file: file)
            sectorkamers[nr] = try Self.required(sectorkamer, "titel", file: file)
        }
        guard let block = root.child("competenties") else {
            throw ImportError(
                file: file, location: .line(root.line), message: "missing <competenties> block")
        }
        for competentie in block.children(named: "competentie") {
            let nr = try Self.required(competentie, "nr", file: file)
            let code = try Self.required(competentie, "code", file: file)
            let titel = try Self.required(competentie, "titel", file: file)
            guard let known = Competentie.met(code: code) else {
                throw ImportError(
                    file: file, location: .line(competentie.line),
                    message: "competentie \(nr) has code '\(code)', not one of the 25 SBB codes A...Y")
            }
            guard known.titel == titel else {
                throw ImportError(
                    file: file, location: .line(competentie.line),
                    message: "competentie \(code) is named '\(titel)', SBB's name is '\(known.titel)'")
            }
            competentieCodes[nr] = code
        }
    }

    static func required(_ element: XMLElementNode, _ attribute: String, file: String) throws -> String {
        guard let value = TextRules.nonBlank(element.attributes[attribute]) else {
            throw ImportError(
                file: file, location: .line(element.line),
                message: "<\(element.name)> lacks its '\(attribute)' attribute")
        }
        return value
    }
}

/// Reads one `<dossier>` element.
struct DossierReader {
    let context: ExportContext
    let element: XMLElementNode
    var file: String { context.file }
    /// The dossier's profielen by their `nr`: the profiel code (`P3`) an `aanvullend` refers to.
    private(set) var profielen: [String: String] = [:]

    init(context: ExportContext, element: XMLElementNode) {
        self.context = context
        self.element = element
    }

    /// Elements whose content the model cannot hold; they must be empty (see the type doc).
    static let mustBeEmpty: Set<String> = [
        "vakkennisenvaardigheden_met_categorie", "instellingendieaanmogenbieden",
    ]

    func read() throws -> Kwalificatiedossier {
        var reader = self
        try reader.readProfielCodes()
        return try reader.readDossier()
    }

    /// Every profiel's code by its `nr`, before the basisdeel whose additions refer to them.
    private mutating func readProfielCodes() throws {
        for profiel in element.child("profielen")?.children(named: "profiel") ?? [] {
            let nr = try ExportContext.required(profiel, "nr", file: file)
            guard profielen[nr] == nil else { throw error(profiel, "duplicate profiel nr \(nr)") }
            profielen[nr] = "P\(try hoofdstuk(profiel))"
        }
    }

    private func readDossier() throws -> Kwalificatiedossier {
        let nr = try ExportContext.required(element, "nr", file: file)
        let titel = try ExportContext.required(element, "titel", file: file)
        try checkNothingUnmodelled()

        let crebos = element.child("dossiercrebos")?.children(named: "dossiercrebo") ?? []
        guard crebos.count == 1, let creboElement = crebos.first else {
            throw error(
                element.child("dossiercrebos") ?? element,
                "dossier \(nr) has \(crebos.count) <dossiercrebo> elements, expected exactly one")
        }
        let crebo = try creboText(creboElement)
        let vakkennis = try readVakkennis()
        let known = Set(vakkennis.map(\.id))

        guard let basis = element.child("basis") else {
            throw error(element, "dossier \(nr) has no <basis> section")
        }
        let typeringElement = basis.child("typeringberoepengroep")
        let typering = Typering(
            context: try text(typeringElement?.descendant("context", "omschrijving")),
            beroepshouding: try text(typeringElement?.descendant("beroepshouding", "omschrijving")),
            resultaat: try text(typeringElement?.descendant("resultaatvanhetberoep", "omschrijving")))

        guard let basiskerntaken = basis.descendant("basistaken", "basiskerntaken"),
            !basiskerntaken.children(named: "kerntaak").isEmpty
        else {
            throw error(basis, "dossier \(nr) has no basis kerntaken (<basistaken><basiskerntaken>)")
        }
        var kerntaken = try readKerntaken(
            basiskerntaken, prefix: "B1", deel: .basisdeel, profiel: nil,
            werkprocessenElement: "basiswerkprocessen", vakkennis: known)
        let basisCodes = kerntaken.map(\.code)

        var kwalificaties: [Kwalificatie] = []
        var profielCodes: Set<String> = []
        for profiel in element.child("profielen")?.children(named: "profiel") ?? [] {
            let code = "P\(try hoofdstuk(profiel))"
            guard profielCodes.insert(code).inserted else {
                throw error(profiel, "duplicate profiel \(code)")
            }
            let eigen = try readKerntaken(
                profiel.child("profielkerntaken"), prefix: code, deel: .profieldeel, profiel: code,
                werkprocessenElement: "profielwerkprocessen", vakkennis: known)
            kerntaken += eigen
            kwalificaties.append(
                try readKwalificatie(profiel, code: code, kerntaken: basisCodes + eigen.map(\.code)))
        }

        let generiek = try readGeneriekeOnderdelen(basis.descendant("basistaken", "generieke_onderdelen"))
        let vaststelling = element.descendant(
            "voorblad", "omschrijving", "verantwoording", "vaststellingsinformatie")
        return Kwalificatiedossier(
            crebo: crebo, titel: titel,
            versie: TextRules.nonBlank(element.attributes["versie"]),
            status: TextRules.nonBlank(element.attributes["status"]),
            opleidingsdomein: try domein(),
            penvoerder: try penvoerder(),
            vastgesteldDoor: try text(vaststelling?.child("vastgestelddoor")),
            vastgesteldOp: try date(vaststelling?.child("vastgesteldop")),
            vastgesteldTe: try text(vaststelling?.child("vastgesteldte")),
            geldigVanaf: try date(attribute: "Geldig_vanaf", of: creboElement),
            datumEindeInstroom: try date(attribute: "Datum_einde_instroom", of: creboElement),
            datumEindeOpleiding: try date(attribute: "Datum_einde_opleiding", of: creboElement),
            typering: typering, kwalificaties: kwalificaties, kerntaken: kerntaken,
            vakkennis: vakkennis, generiekeOnderdelen: generiek.onderdelen,
            generiekeOnderdelenInleiding: generiek.inleiding,
            // The export format has no keuzedelen section and names no overview: nothing to say.
            keuzedelen: Keuzedelen(),
            wettelijkeBeroepsvereisten: try jaNee(attribute: "wettelijkeberoepsvereisten", of: element),
            positiefAdviesToetsingskamer: try jaNee(attribute: "positief_advies_toetsingskamer", of: element),
            bron: Bron(soort: .sbbXML, bestand: file))
    }

    // MARK: Parts

    /// Content the model cannot hold must not be dropped silently: each of ``mustBeEmpty``
    /// must be empty, and a `…perprofiel` element the importer does not know must not occur
    /// at all (the known ones are read where they belong and refused anywhere else).
    private func checkNothingUnmodelled() throws {
        let parts = [element.child("basis"), element.child("profielen")].compactMap { $0 }
        for node in parts.flatMap({ $0.allDescendants() }) {
            if node.name.hasSuffix("perprofiel"), !Self.perProfielElementen.contains(node.name) {
                throw error(
                    node,
                    "unknown per-profiel element <\(node.name)>; this importer reads "
                        + Self.perProfielElementen.sorted().map { "<\($0)>" }.joined(separator: ", "))
            }
            guard Self.mustBeEmpty.contains(node.name) else { continue }
            if !node.children.isEmpty || !TextRules.trimmed(node.text).isEmpty {
                throw error(
                    node,
                    "<\(node.name)> has content, which this importer cannot represent yet "
                        + "(categories of vakkennis and the institutions allowed to offer a kwalificatie are not in the model)"
                )
            }
        }
    }

    private func readVakkennis() throws -> [Vakkennis] {
        var items: [Vakkennis] = []
        var seen: Set<String> = []
        for item in element.child("kennisenvaardigheden")?.children(named: "kennisofvaardigheid") ?? [] {
            let nr = try ExportContext.required(item, "nr", file: file)
            let tekst = try ExportContext.required(item, "titel", file: file)
            guard seen.insert(nr).inserted else {
                throw error(item, "duplicate kennisofvaardigheid nr \(nr)")
            }
            items.append(Vakkennis(id: nr, tekst: tekst))
        }
        return items
    }

    private func readKerntaken(
        _ container: XMLElementNode?, prefix: String, deel: Kerntaak.Deel, profiel: String?,
        werkprocessenElement: String, vakkennis: Set<String>
    ) throws -> [Kerntaak] {
        var result: [Kerntaak] = []
        for kerntaak in container?.children(named: "kerntaak") ?? [] {
            let nr = try ExportContext.required(kerntaak, "nr", file: file)
            let code = "\(prefix)-K\(try hoofdstuk(kerntaak))"
            if result.contains(where: { $0.code == code }) {
                throw error(kerntaak, "duplicate kerntaak \(code) (kerntaak \(nr))")
            }
            try expectOnly(
                ["complexiteit", "verantwoordelijkheid", "vakkennisenvaardigheden", werkprocessenElement],
                in: kerntaak, what: "kerntaak \(nr)")
            let lijst = kerntaak.child("vakkennisenvaardigheden")
            if let lijst {
                try expectOnly(
                    [
                        "vakkennisenvaardigheden", "vakkennisenvaardighedenperprofiel",
                        "vakkennisenvaardigheden_met_categorie",
                    ], in: lijst, what: "the vakkennis of kerntaak \(nr)")
            }
            let referenties = try vakkennisReferenties(
                lijst?.children(named: "vakkennisenvaardigheden") ?? [], known: vakkennis,
                of: "kerntaak \(nr)")
            var werkprocessen: [Werkproces] = []
            for werkproces in kerntaak.child(werkprocessenElement)?.children(named: "werkproces") ?? [] {
                let read = try readWerkproces(werkproces, kerntaak: code, deel: deel, vakkennis: vakkennis)
                if werkprocessen.contains(where: { $0.code == read.code }) {
                    throw error(werkproces, "duplicate werkproces \(read.code)")
                }
                werkprocessen.append(read)
            }
            if werkprocessen.isEmpty {
                throw error(kerntaak, "kerntaak \(nr) (\(code)) has no werkprocessen")
            }
            let complexiteit = kerntaak.child("complexiteit")
            let verantwoordelijkheid = kerntaak.child("verantwoordelijkheid")
            result.append(
                Kerntaak(
                    code: code, titel: try ExportContext.required(kerntaak, "titel", file: file),
                    deel: deel, profiel: profiel,
                    complexiteit: try text(complexiteit, perProfiel: "complexiteitperprofiel"),
                    verantwoordelijkheidEnZelfstandigheid: try text(
                        verantwoordelijkheid, perProfiel: "verantwoordelijkheidperprofiel"),
                    vakkennis: referenties, werkprocessen: werkprocessen,
                    aanvullend: try kerntaakAanvullend(
                        complexiteit: complexiteit, verantwoordelijkheid: verantwoordelijkheid,
                        vakkennis: lijst, known: vakkennis, deel: deel, code: code)))
        }
        return result
    }

    private func readWerkproces(
        _ werkproces: XMLElementNode, kerntaak: String, deel: Kerntaak.Deel, vakkennis: Set<String>
    ) throws -> Werkproces {
        let nr = try ExportContext.required(werkproces, "nr", file: file)
        let code = "\(kerntaak)-W\(try hoofdstuk(werkproces))"
        try expectOnly(
            ["werkprocesomschrijving", "werkprocesresultaat", "werkprocesgedrag", "werkprocescompetenties"],
            in: werkproces, what: "werkproces \(nr)")
        let lijst = werkproces.child("werkprocescompetenties")
        if let lijst {
            try expectOnly(
                ["competentie", "werkprocescompetentiesperprofiel"], in: lijst,
                what: "the competenties of werkproces \(nr)")
        }
        let competenties = try competentieReferenties(
            lijst?.children(named: "competentie") ?? [], of: "werkproces \(nr)")
        let omschrijving = werkproces.child("werkprocesomschrijving")
        let resultaat = werkproces.child("werkprocesresultaat")
        let gedragElement = werkproces.child("werkprocesgedrag")
        let gedrag = try readGedrag(
            gedragElement, perProfiel: "werkprocesgedragperprofiel", werkproces: nr)
        return Werkproces(
            code: code, titel: try ExportContext.required(werkproces, "titel", file: file),
            omschrijving: try text(omschrijving, perProfiel: "werkprocesomschrijvingperprofiel"),
            resultaat: try text(resultaat, perProfiel: "werkprocesresultaatperprofiel"),
            gedragAanhef: gedrag.aanhef, gedrag: gedrag.items, competenties: competenties,
            aanvullend: try werkprocesAanvullend(
                omschrijving: omschrijving, resultaat: resultaat, gedrag: gedragElement,
                competenties: lijst, deel: deel, code: code, nr: nr))
    }

    /// The competentie codes of `<competentie referentie>` elements, each once, in order.
    func competentieReferenties(_ elements: [XMLElementNode], of owner: String) throws -> [String] {
        var competenties: [String] = []
        for competentie in elements {
            let referentie = try ExportContext.required(competentie, "referentie", file: file)
            guard let code = context.competentieCodes[referentie] else {
                throw error(competentie, "\(owner) refers to unknown competentie \(referentie)")
            }
            if !competenties.contains(code) { competenties.append(code) }
        }
        return competenties
    }

    /// The ids of `<vakkennisenvaardigheden referentie>` elements, each once, in order.
    func vakkennisReferenties(_ elements: [XMLElementNode], known: Set<String>, of owner: String) throws
        -> [String]
    {
        var referenties: [String] = []
        for referentie in elements {
            let id = try ExportContext.required(referentie, "referentie", file: file)
            guard known.contains(id) else {
                throw error(referentie, "\(owner) refers to unknown kennisofvaardigheid \(id)")
            }
            // The export lists some items twice within one kerntaak: keep the first.
            if !referenties.contains(id) { referenties.append(id) }
        }
        return referenties
    }

    /// Splits a gedrag text: the lines before the first `-` bullet are the lead-in, every
    /// bullet is one item (a line without a bullet after one continues that item). The same
    /// rules split a basis gedrag and a profiel's added gedrag.
    func readGedrag(_ node: XMLElementNode?, perProfiel: String? = nil, werkproces: String) throws -> (
        aanhef: String?, items: [String]
    ) {
        guard let node, let tekst = try text(node, perProfiel: perProfiel) else { return (nil, []) }
        var aanhef: [String] = []
        var items: [String] = []
        for line in tekst.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = TextRules.trimmed(line)
            if line.hasPrefix("-") {
                let item = TextRules.trimmed(line.dropFirst())
                if !item.isEmpty { items.append(item) }
            } else if let last = items.indices.last {
                items[last] += "\n" + line
            } else {
                aanhef.append(line)
            }
        }
        if items.isEmpty {
            throw error(node, "the gedrag of werkproces \(werkproces) has no '-' bullets")
        }
        return (aanhef.isEmpty ? nil : aanhef.joined(separator: "\n"), items)
    }

    private func readKwalificatie(_ profiel: XMLElementNode, code: String, kerntaken: [String]) throws
        -> Kwalificatie
    {
        let nr = try ExportContext.required(profiel, "nr", file: file)
        let omschrijving = profiel.child("omschrijving")
        try expectOnly(
            ["omschrijving", "creboinformatie", "profielkerntaken"], in: profiel, what: "profiel \(nr)")
        if let omschrijving {
            try expectOnly(
                [
                    "typeringvanhetberoep", "wettelijkeberoepsvereisten",
                    "toelichtingwettelijkeberoepsvereisten",
                    "bronwettelijkeberoepsvereisten", "certificaten", "sbu", "soortopleiding",
                    "instellingendieaanmogenbieden",
                ], in: omschrijving, what: "profiel \(nr) <omschrijving>")
        }
        let crebos = profiel.child("creboinformatie")?.children(named: "crebo") ?? []
        if crebos.count > 1 {
            throw error(
                crebos[1], "profiel \(nr) has \(crebos.count) crebos; the model holds one per kwalificatie")
        }
        var niveau: Int?
        if let text = TextRules.nonBlank(profiel.attributes["niveau"]) {
            guard let value = Int(text), (1...4).contains(value) else {
                throw error(profiel, "profiel \(nr) has niveau '\(text)', expected 1...4")
            }
            niveau = value
        }
        var beroepsvereisten: Bool?
        if let node = omschrijving?.child("wettelijkeberoepsvereisten"), let text = try text(node) {
            beroepsvereisten = try jaNee(text, node, "wettelijkeberoepsvereisten")
        }
        var sbu: Int?
        if let node = omschrijving?.child("sbu"), let text = try text(node) {
            guard let value = Int(text), value >= 0 else {
                throw error(node, "sbu is '\(text)', expected a whole number of hours")
            }
            sbu = value
        }
        let crebo = try crebos.first.map(creboText)
        return Kwalificatie(
            code: code, crebo: crebo, titel: try ExportContext.required(profiel, "titel", file: file),
            mboNiveau: niveau, beroepsvereisten: beroepsvereisten,
            toelichtingBeroepsvereisten: try text(
                omschrijving?.child("toelichtingwettelijkeberoepsvereisten")),
            soortOpleiding: try text(omschrijving?.child("soortopleiding")),
            beroepsgroep: TextRules.nonBlank(profiel.attributes["beroepsgroep"]),
            typeringVanHetBeroep: try text(omschrijving?.child("typeringvanhetberoep")), sbu: sbu,
            geldigVanaf: try crebos.first.flatMap { try date(attribute: "Geldig_vanaf", of: $0) },
            datumEindeInstroom: try crebos.first.flatMap {
                try date(attribute: "Datum_einde_instroom", of: $0)
            },
            datumEindeOpleiding: try crebos.first.flatMap {
                try date(attribute: "Datum_einde_opleiding", of: $0)
            },
            // Read as text; a list of certificate elements (a shape not seen in real exports
            // yet) is refused by text(_:) with its line rather than dropped.
            bronBeroepsvereisten: try text(omschrijving?.child("bronwettelijkeberoepsvereisten")),
            certificaten: try text(omschrijving?.child("certificaten")),
            kerntaken: kerntaken)
    }

    /// Splits the generieke onderdelen HTML by its `<h2>` headings; "(alleen voor niveau 4)"
    /// in a heading gives the niveaus, the first link in the text its source.
    private func readGeneriekeOnderdelen(_ node: XMLElementNode?) throws -> (
        inleiding: String?, onderdelen: [GeneriekOnderdeel]
    ) {
        guard let omschrijving = node?.child("omschrijving") else { return (nil, []) }
        var inleiding: [String] = []
        var onderdelen: [(heading: String, paragraphs: [String])] = []
        for block in HTMLText.blocks(omschrijving.text) {
            switch block {
            case .heading(let level, let text) where level >= 2:
                onderdelen.append((text, []))
            case .heading:
                continue  // the section's own title ("Generieke onderdelen")
            case .paragraph(let text):
                if onderdelen.isEmpty {
                    inleiding.append(text)
                } else {
                    onderdelen[onderdelen.count - 1].paragraphs.append(text)
                }
            }
        }
        let result = try onderdelen.map { onderdeel in
            let (naam, niveaus) = try GeneriekeOnderdelen.naamEnNiveaus(onderdeel.heading) {
                error(omschrijving, $0)
            }
            let tekst = onderdeel.paragraphs.joined(separator: "\n\n")
            return GeneriekOnderdeel(
                naam: naam, niveaus: niveaus, omschrijving: tekst.isEmpty ? nil : tekst,
                bron: TextRules.firstLink(in: tekst))
        }
        return (inleiding.isEmpty ? nil : inleiding.joined(separator: "\n\n"), result)
    }

    private func domein() throws -> Opleidingsdomein? {
        guard let referentie = TextRules.nonBlank(element.attributes["referentiedomein"]) else { return nil }
        guard let domein = context.domeinen[referentie] else {
            throw error(element, "dossier refers to unknown domein \(referentie)")
        }
        return domein
    }

    private func penvoerder() throws -> String? {
        let penvoerder = element.descendant("voorblad", "omschrijving", "penvoerder")
        guard let sectorkamer = penvoerder?.child("sectorkamer") else {
            return try text(penvoerder)
        }
        let referentie = try ExportContext.required(sectorkamer, "referentie", file: file)
        guard let titel = context.sectorkamers[referentie] else {
            throw error(sectorkamer, "penvoerder refers to unknown sectorkamer \(referentie)")
        }
        return titel
    }

    // MARK: Values

    private func hoofdstuk(_ node: XMLElementNode) throws -> Int {
        let text = try ExportContext.required(node, "hoofdstuk", file: file)
        guard let value = Int(text), value > 0, text.allSatisfy(\.isASCIIDigit) else {
            throw error(node, "<\(node.name)> has hoofdstuk '\(text)', expected a positive whole number")
        }
        return value
    }

    private func jaNee(_ text: String, _ node: XMLElementNode, _ name: String) throws -> Bool {
        switch text {
        case "Ja": return true
        case "Nee": return false
        default: throw error(node, "\(name) is '\(text)', expected Ja or Nee")
        }
    }

    private func jaNee(attribute: String, of node: XMLElementNode) throws -> Bool? {
        guard let text = TextRules.nonBlank(node.attributes[attribute]) else { return nil }
        return try jaNee(text, node, attribute)
    }

    private func creboText(_ node: XMLElementNode) throws -> String {
        let crebo = TextRules.trimmed(node.text)
        guard TextRules.isCrebo(crebo) else {
            throw error(node, "crebo '\(crebo)' is not five digits")
        }
        return crebo
    }

    private func date(_ node: XMLElementNode?) throws -> String? {
        guard let node, let text = TextRules.nonBlank(node.text) else { return nil }
        guard let iso = TextRules.isoDate(fromDutch: text) else {
            throw error(node, "<\(node.name)> is '\(text)', expected a date dd-mm-jjjj")
        }
        return iso
    }

    private func date(attribute: String, of node: XMLElementNode) throws -> String? {
        guard let text = TextRules.nonBlank(node.attributes[attribute]) else { return nil }
        guard let iso = TextRules.isoDate(fromDutch: text) else {
            throw error(node, "\(attribute) is '\(text)', expected a date dd-mm-jjjj")
        }
        return iso
    }

    /// The element's own text: HTML reduced to plain text, else paragraphs normalised; `nil`
    /// if blank. No child element is expected but the one `perProfiel` element that holds the
    /// element's additions (read by the caller).
    func text(_ node: XMLElementNode?, perProfiel: String? = nil) throws -> String? {
        guard let node else { return nil }
        if let child = node.children.first(where: { $0.name != perProfiel }) {
            throw error(child, "unexpected element <\(child.name)> inside <\(node.name)>")
        }
        if node.children.count > 1 {
            throw error(node.children[1], "a second <\(node.children[1].name)> inside <\(node.name)>")
        }
        return HTMLText.isHTML(node.text) ? HTMLText.plainText(node.text) : TextRules.paragraphs(node.text)
    }

    func expectOnly(_ names: Set<String>, in node: XMLElementNode, what: String) throws {
        if let child = node.children.first(where: { !names.contains($0.name) }) {
            throw error(child, "unexpected element <\(child.name)> in \(what)")
        }
    }

    func error(_ node: XMLElementNode, _ message: String) -> ImportError {
        ImportError(file: file, location: .line(node.line), message: message)
    }
}

/// Rules for generieke onderdeel headings shared by both importers.
enum GeneriekeOnderdelen {
    /// Splits "Engels (alleen voor niveau 4)" into `Engels` and `[4]`; a heading without such
    /// a remark applies to every niveau (`nil`).
    static func naamEnNiveaus(_ heading: String, error: (String) -> ImportError) throws -> (String, [Int]?) {
        let marker = " (alleen voor niveau"
        guard let range = heading.range(of: marker), heading.hasSuffix(")") else {
            return (heading, nil)
        }
        let naam = String(heading[..<range.lowerBound])
        let list = heading[range.upperBound...].dropLast()
        let niveaus = list.split(whereSeparator: { $0 == "," || $0 == " " }).filter { $0 != "en" }
        let values = niveaus.compactMap { Int($0) }
        guard !values.isEmpty, values.count == niveaus.count, values.allSatisfy({ (1...4).contains($0) })
        else {
            throw error("cannot read the niveaus in '\(heading)'")
        }
        return (naam, values)
    }
}
