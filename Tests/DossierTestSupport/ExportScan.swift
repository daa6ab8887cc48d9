import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What an SBB export says, read with `XMLDocument` alone: the oracle the importer and API tests
/// compare against, so it shares no code with the importer. It notes every `aanvullend` of every
/// `…perprofiel` element with the code of the kerntaak or werkproces it sits in, the profielen,
/// the competentie codes, and what the basis of each kerntaak and werkproces says: its own texts
/// and the competenties and vakkennis it lists.
public struct ExportScan: Sendable {
    /// One `aanvullend` entry as the file has it.
    public struct Entry: Sendable {
        /// The `…perprofiel` element it sits in (`werkprocesgedragperprofiel`).
        public let soort: String
        /// The code of the kerntaak or werkproces (`B1-K1`, `B1-K1-W3`), from the `hoofdstuk`
        /// numbers.
        public let code: String
        /// The profiel's code (`P3`), from the `hoofdstuk` of the profiel its referentie names; the
        /// raw referentie when no profiel has that `nr`, so a test that expects a code says which.
        public let profiel: String
        /// The body's own text, unchanged.
        public let tekst: String
        /// The `referentie` of every element in the body, in order.
        public let referenties: [String]

        /// Whether the entry adds nothing: the export lists every profiel, most of them empty.
        public var isLeeg: Bool {
            tekst.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && referenties.isEmpty
        }
    }

    /// A profiel of the export.
    public struct Profiel: Sendable {
        /// `P` and its `hoofdstuk` (`P3`), the code the model and the API give it.
        public let code: String
        /// Its `titel` attribute.
        public let titel: String
        /// The text of its first `crebo` element, trimmed; nil when it has none.
        public let crebo: String?
    }

    /// Every `aanvullend` in document order, the empty ones too.
    public private(set) var entries: [Entry] = []
    /// The profielen (those with a `nr` and a `hoofdstuk`), in document order.
    public private(set) var profielen: [Profiel] = []
    /// Competentie code (`C`) by the export's `nr`.
    public private(set) var competentieCodes: [String: String] = [:]
    /// Per werkproces code, the `nr`s of its own competenties.
    public private(set) var basisCompetenties: [String: [String]] = [:]
    /// Per kerntaak code, the `nr`s of its own vakkennis items.
    public private(set) var basisVakkennis: [String: [String]] = [:]
    /// Per kerntaak or werkproces code, the own text of each of its fields by element name
    /// (`complexiteit`, `werkprocesgedrag`): without the additions nested in them.
    public private(set) var basisTeksten: [String: [String: String]] = [:]
    private var profielByNr: [String: String] = [:]

    /// The non-empty entries: the additions.
    public var additions: [Entry] { entries.filter { !$0.isLeeg } }

    /// Scans the export in `data`; throws when it is not well-formed XML.
    public init(_ data: Data) throws {
        let document = try XMLDocument(data: data, options: [])
        guard let root = document.rootElement() else { throw CocoaError(.fileReadCorruptFile) }
        // First the profielen and competenties: the basisdeel refers to them before they come.
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
                        crebo: crebo?.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        walk(root, prefix: "B1", code: nil)
    }

    /// Walks down with the code of the innermost kerntaak or werkproces (`prefix` is `B1` in the
    /// basisdeel, the profiel's code in its profieldeel).
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
        if element.name == "kerntaak" || element.name == "werkproces", let code {
            for field in Self.children(of: element) {
                basisTeksten[code, default: [:]][field.name ?? ""] = Self.ownText(of: field)
            }
        }
        if let name = element.name, name.hasSuffix("perprofiel"), let code {
            for aanvullend in Self.children(of: element) where aanvullend.name == "aanvullend" {
                entries.append(Self.entry(aanvullend, soort: name, code: code, profielByNr: profielByNr))
            }
            return
        }
        for child in Self.children(of: element) { walk(child, prefix: prefix, code: code) }
    }

    /// An `aanvullend`: a `profiel` that names its profiel, and one body element.
    private static func entry(
        _ aanvullend: XMLElement, soort: String, code: String, profielByNr: [String: String]
    ) -> Entry {
        let parts = children(of: aanvullend)
        let referentie = parts.first { $0.name == "profiel" }?.attribute(forName: "referentie")?.stringValue
        let body = parts.first { $0.name != "profiel" }
        return Entry(
            soort: soort, code: code, profiel: referentie.map { profielByNr[$0] ?? $0 } ?? "?",
            tekst: body.map(ownText(of:)) ?? "",
            referenties: body.map(descendants(of:))?.compactMap {
                $0.attribute(forName: "referentie")?.stringValue
            } ?? [])
    }

    /// The element's own character data (its text and CDATA), not that of the elements in it.
    /// `XMLDocument` drops a text node of blanks alone, which `ExportText` reads as no text anyway.
    private static func ownText(of element: XMLElement) -> String {
        (element.children ?? []).filter { !($0 is XMLElement) && $0.kind != .comment }
            .map { $0.stringValue ?? "" }.joined()
    }

    private static func children(of element: XMLElement) -> [XMLElement] {
        (element.children ?? []).compactMap { $0 as? XMLElement }
    }

    /// Every element below `element`, in document order.
    private static func descendants(of element: XMLElement) -> [XMLElement] {
        children(of: element).flatMap { [$0] + descendants(of: $0) }
    }
}
