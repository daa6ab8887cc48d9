import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What an SBB export says about its per-profiel additions, read with `XMLDocument` alone (no
/// code of the importer): every `aanvullend` of every `…perprofiel` element with the code of
/// the kerntaak or werkproces it sits in, its profiel and its raw text or referenties, and
/// what the basis lists (competenties per werkproces, vakkennis per kerntaak).
struct ExportScan {
    /// One `aanvullend` entry as the file has it.
    struct Entry {
        /// The `…perprofiel` element it sits in (`werkprocesgedragperprofiel`).
        let soort: String
        /// The code of the kerntaak or werkproces (`B1-K1`, `B1-K1-W3`), from the `hoofdstuk`
        /// numbers.
        let code: String
        /// The profiel's code (`P3`), from the `hoofdstuk` of the profiel its referentie names.
        let profiel: String
        /// The body's text, unchanged.
        let tekst: String
        /// The `referentie` of every element in the body, in order.
        let referenties: [String]

        var isLeeg: Bool { Self.trimmed(tekst).isEmpty && referenties.isEmpty }

        static func trimmed(_ text: String) -> String {
            text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// A profiel of the export.
    struct Profiel {
        let code: String
        let titel: String
        let crebo: String?
    }

    private(set) var entries: [Entry] = []
    private(set) var profielen: [Profiel] = []
    /// Competentie code (`C`) by the export's `nr`.
    private(set) var competentieCodes: [String: String] = [:]
    /// Per werkproces code, the `nr`s of its own competenties.
    private(set) var basisCompetenties: [String: [String]] = [:]
    /// Per kerntaak code, the `nr`s of its own vakkennis items.
    private(set) var basisVakkennis: [String: [String]] = [:]
    private var profielByNr: [String: String] = [:]

    init(_ data: Data) throws {
        let document = try XMLDocument(data: data, options: [])
        guard let root = document.rootElement() else { throw CocoaError(.fileReadCorruptFile) }
        for element in Self.descendants(of: root) {
            let nr = element.attribute(forName: "nr")?.stringValue
            if element.name == "competentie", let nr,
                let code = element.attribute(forName: "code")?.stringValue
            {
                competentieCodes[nr] = code
            }
            if element.name == "profiel", let nr,
                let hoofdstuk = element.attribute(forName: "hoofdstuk")?.stringValue
            {
                let code = "P\(hoofdstuk)"
                profielByNr[nr] = code
                let crebo = Self.descendants(of: element).first { $0.name == "crebo" }?.stringValue
                profielen.append(
                    Profiel(
                        code: code, titel: element.attribute(forName: "titel")?.stringValue ?? "",
                        crebo: crebo.map(Entry.trimmed)))
            }
        }
        walk(root, prefix: "B1", code: nil)
    }

    /// The non-empty entries: the additions.
    var additions: [Entry] { entries.filter { !$0.isLeeg } }

    private mutating func walk(_ element: XMLElement, prefix: String, code: String?) {
        var prefix = prefix
        var code = code
        let hoofdstuk = element.attribute(forName: "hoofdstuk")?.stringValue
        switch element.name {
        case "profiel" where element.attribute(forName: "nr") != nil && hoofdstuk != nil:
            prefix = "P\(hoofdstuk!)"
        case "kerntaak" where hoofdstuk != nil:
            code = "\(prefix)-K\(hoofdstuk!)"
        case "werkproces" where hoofdstuk != nil && code != nil:
            code = "\(code!)-W\(hoofdstuk!)"
        case "werkprocescompetenties" where code != nil:
            basisCompetenties[code!] = Self.children(of: element).filter { $0.name == "competentie" }
                .compactMap { $0.attribute(forName: "referentie")?.stringValue }
        case "vakkennisenvaardigheden" where code != nil && element.attribute(forName: "referentie") == nil:
            basisVakkennis[code!] = Self.children(of: element).compactMap {
                $0.attribute(forName: "referentie")?.stringValue
            }
        default:
            break
        }
        if let name = element.name, name.hasSuffix("perprofiel"), let code {
            for aanvullend in Self.children(of: element) where aanvullend.name == "aanvullend" {
                let parts = Self.children(of: aanvullend)
                let referentie = parts.first { $0.name == "profiel" }?.attribute(forName: "referentie")?
                    .stringValue
                let body = parts.first { $0.name != "profiel" }
                entries.append(
                    Entry(
                        soort: name, code: code, profiel: referentie.flatMap { profielByNr[$0] } ?? "?",
                        tekst: body?.stringValue ?? "",
                        referenties: body.map(Self.descendants(of:))?.compactMap {
                            $0.attribute(forName: "referentie")?.stringValue
                        } ?? []))
            }
            return
        }
        for child in Self.children(of: element) { walk(child, prefix: prefix, code: code) }
    }

    private static func children(of element: XMLElement) -> [XMLElement] {
        (element.children ?? []).compactMap { $0 as? XMLElement }
    }

    /// Every element below `element`, in document order.
    private static func descendants(of element: XMLElement) -> [XMLElement] {
        children(of: element).flatMap { [$0] + descendants(of: $0) }
    }
}
