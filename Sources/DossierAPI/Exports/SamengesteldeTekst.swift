import Dossier
import Foundation

/// The composed text of one kerntaak or werkproces of one kwalificatie, as every export writes
/// it: the title, then each part under its published heading, the basis text verbatim and,
/// where the kwalificatie's profiel adds to that part, the published label
/// `Voor ‹profiel› geldt aanvullend:` followed by the addition verbatim.
///
/// One rule for CASE, Moodle and Canvas alike, so the three never disagree on what a
/// kwalificatie requires. Nothing is merged, reworded or reordered; a part the source leaves
/// empty for both is left out.
struct SamengesteldeTekst: Sendable, Equatable {
    /// One part's content: running text (paragraphs separated by a blank line, as in the model)
    /// or a list with its lead-in.
    enum Blok: Sendable, Equatable {
        case tekst(String)
        case lijst(aanhef: String?, items: [String])
    }

    /// One part: its heading (none for the competenties sentence), the basis and the addition.
    struct Onderdeel: Sendable, Equatable {
        let kop: String?
        let basis: Blok?
        let aanvulling: Blok?
    }

    /// The kerntaak's or werkproces's title.
    let titel: String
    /// The title of the kwalificatie whose additions these are (the published label names it).
    let profielTitel: String
    /// The parts, in published order.
    let onderdelen: [Onderdeel]

    /// The label that opens an addition, exactly as the published dossiers print it.
    var aanvullendLabel: String { "Voor \(profielTitel) geldt aanvullend:" }

    /// The kerntaak's parts: Complexiteit, then Verantwoordelijkheid en zelfstandigheid.
    init(kerntaak: SamengesteldeKerntaak, kwalificatie: Kwalificatie) {
        let basis = kerntaak.kerntaak
        let extra = kerntaak.aanvulling
        titel = basis.titel
        profielTitel = kwalificatie.titel
        onderdelen = [
            Self.onderdeel(
                "Complexiteit", basis.complexiteit.map(Blok.tekst), extra?.complexiteit.map(Blok.tekst)),
            Self.onderdeel(
                "Verantwoordelijkheid en zelfstandigheid",
                basis.verantwoordelijkheidEnZelfstandigheid.map(Blok.tekst),
                extra?.verantwoordelijkheidEnZelfstandigheid.map(Blok.tekst)),
        ].compactMap { $0 }
    }

    /// The werkproces's parts: Omschrijving, Resultaat, Gedrag and the sentence naming its
    /// underlying competenties (the published "De onderliggende competenties zijn: …"), where
    /// the addition's sentence names only the competenties the basis does not.
    init(werkproces: SamengesteldWerkproces, kwalificatie: Kwalificatie) {
        let basis = werkproces.werkproces
        let extra = werkproces.aanvulling
        titel = basis.titel
        profielTitel = kwalificatie.titel
        let eigen = basis.competenties ?? []
        let toegevoegd = (extra?.competenties ?? []).filter { !eigen.contains($0) }
        onderdelen = [
            Self.onderdeel(
                "Omschrijving", basis.omschrijving.map(Blok.tekst), extra?.omschrijving.map(Blok.tekst)),
            Self.onderdeel("Resultaat", basis.resultaat.map(Blok.tekst), extra?.resultaat.map(Blok.tekst)),
            Self.onderdeel(
                "Gedrag", Self.lijst(basis.gedragAanhef, basis.gedrag),
                Self.lijst(extra?.gedragAanhef, extra?.gedrag)),
            Self.onderdeel(nil, Self.competentieZin(eigen), Self.competentieZin(toegevoegd)),
        ].compactMap { $0 }
    }

    /// Plain text (CASE `fullStatement`): the title, a blank line, then each part as its
    /// heading on a line of its own and its text; list items as `- item` lines; each addition
    /// after a blank line, under the label.
    var platteTekst: String {
        var blocks = [titel]
        for onderdeel in onderdelen {
            var lines: [String] = []
            if let kop = onderdeel.kop { lines.append(kop) }
            if let basis = onderdeel.basis { lines.append(Self.plat(basis)) }
            if !lines.isEmpty { blocks.append(lines.joined(separator: "\n")) }
            if let aanvulling = onderdeel.aanvulling {
                if onderdeel.basis == nil, let kop = onderdeel.kop, lines.count == 1 {
                    // A heading with only an addition under it: keep them together.
                    blocks.removeLast()
                    blocks.append(kop + "\n" + aanvullendLabel + "\n" + Self.plat(aanvulling))
                } else {
                    blocks.append(aanvullendLabel + "\n" + Self.plat(aanvulling))
                }
            }
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The parts as HTML on one line (Moodle and Canvas descriptions): each heading in
    /// `<p><strong>`, paragraphs in `<p>`, a single line break as `<br>`, lists as `<ul>`, the
    /// label in `<p><em>`. Every text is HTML-escaped, so the importers' cleaning changes
    /// nothing. Without the title: the importers show it as the name.
    var html: String {
        var output = ""
        for onderdeel in onderdelen {
            if let kop = onderdeel.kop { output += "<p><strong>" + HTML.escape(kop) + "</strong></p>" }
            if let basis = onderdeel.basis { output += Self.html(basis) }
            if let aanvulling = onderdeel.aanvulling {
                output += "<p><em>" + HTML.escape(aanvullendLabel) + "</em></p>" + Self.html(aanvulling)
            }
        }
        return output
    }

    private static func onderdeel(_ kop: String?, _ basis: Blok?, _ aanvulling: Blok?) -> Onderdeel? {
        basis == nil && aanvulling == nil ? nil : Onderdeel(kop: kop, basis: basis, aanvulling: aanvulling)
    }

    private static func lijst(_ aanhef: String?, _ items: [String]?) -> Blok? {
        guard aanhef != nil || !(items ?? []).isEmpty else { return nil }
        return .lijst(aanhef: aanhef, items: items ?? [])
    }

    /// The published sentence over the names of `codes`; `nil` for none.
    private static func competentieZin(_ codes: [String]) -> Blok? {
        let namen = codes.map { Competentie.met(code: $0)?.titel ?? $0 }
        return namen.isEmpty
            ? nil : .tekst("De onderliggende competenties zijn: " + namen.joined(separator: ", "))
    }

    private static func plat(_ blok: Blok) -> String {
        switch blok {
        case .tekst(let tekst): tekst
        case .lijst(let aanhef, let items):
            ((aanhef.map { [$0] } ?? []) + items.map { "- " + $0 }).joined(separator: "\n")
        }
    }

    private static func html(_ blok: Blok) -> String {
        switch blok {
        case .tekst(let tekst): HTML.paragraphs(tekst)
        case .lijst(let aanhef, let items):
            (aanhef.map { "<p>" + HTML.escape($0) + "</p>" } ?? "")
                + (items.isEmpty
                    ? "" : "<ul>" + items.map { "<li>" + HTML.escape($0) + "</li>" }.joined() + "</ul>")
        }
    }
}

/// The little HTML the exports write: escaped text in paragraphs, on one line.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// Paragraphs (separated by a blank line) as `<p>` elements, a single line break inside one
    /// as `<br>`: no line break is left in the output, so a CSV field stays on one line.
    static func paragraphs(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        return normalised.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.isEmpty }
            .map { "<p>" + $0.components(separatedBy: "\n").map(escape).joined(separator: "<br>") + "</p>" }
            .joined()
    }
}
