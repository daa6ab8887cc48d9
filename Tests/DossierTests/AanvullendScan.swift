import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A scan of an SBB export's per-profiel additions that shares no code with the importer: a
/// plain `XMLParser` walk that notes every `aanvullend` of every `…perprofiel` element with the
/// code of the kerntaak or werkproces it sits in (worked out from the `hoofdstuk` numbers), its
/// profiel's code, its raw text and its referenties, and the raw own text of each basis field.
final class AanvullendScan: NSObject, XMLParserDelegate {
    /// One `aanvullend` entry as the file has it.
    struct Entry {
        /// The `…perprofiel` element it sits in.
        let soort: String
        /// The code of the kerntaak or werkproces (`B1-K1`, `B1-K1-W3`).
        let code: String
        /// The profiel's code (`P3`) by its `nr`, or the raw referentie when none matches.
        let profiel: String
        /// The body's own character data, unchanged.
        let tekst: String
        /// The `referentie` of every element in the body, in order.
        let referenties: [String]

        var isLeeg: Bool {
            tekst.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && referenties.isEmpty
        }
    }

    private(set) var entries: [Entry] = []
    /// The own text of each basis field by item code and element name.
    private(set) var basisTeksten: [String: [String: String]] = [:]
    /// Competentie code by `nr`.
    private(set) var competentieCodes: [String: String] = [:]

    private struct Frame {
        let name: String
        let attributes: [String: String]
        var text = ""
        var referenties: [String] = []
        var profiel: String?
        var body: (text: String, referenties: [String])?
    }

    private var stack: [Frame] = []
    private var profielCodes: [String: String] = [:]

    static func scan(_ data: Data) -> AanvullendScan {
        // First pass: profiel codes, which the basisdeel refers to before the profielen come.
        let first = AanvullendScan()
        first.run(data)
        let scan = AanvullendScan()
        scan.profielCodes = first.profielCodes
        scan.run(data)
        return scan
    }

    private func run(_ data: Data) {
        let parser = XMLParser(data: data)
        parser.delegate = self
        precondition(parser.parse(), "the fixture is well-formed XML")
    }

    /// The code of the innermost kerntaak or werkproces on the stack.
    private var itemCode: String? {
        var code: String?
        var prefix = "B1"
        for frame in stack {
            if frame.name == "profiel", frame.attributes["nr"] != nil, let h = frame.attributes["hoofdstuk"] {
                prefix = "P\(h)"
            }
            if frame.name == "kerntaak", let h = frame.attributes["hoofdstuk"] { code = "\(prefix)-K\(h)" }
            if frame.name == "werkproces", let h = frame.attributes["hoofdstuk"], let kerntaak = code {
                code = "\(kerntaak)-W\(h)"
            }
        }
        return code
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if elementName == "profiel", let nr = attributes["nr"], let h = attributes["hoofdstuk"] {
            profielCodes[nr] = "P\(h)"
        }
        if elementName == "competentie", let nr = attributes["nr"], let code = attributes["code"] {
            competentieCodes[nr] = code
        }
        if let referentie = attributes["referentie"], !stack.isEmpty {
            stack[stack.count - 1].referenties.append(referentie)
        }
        stack.append(Frame(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName: String?
    ) {
        let frame = stack.removeLast()
        guard let parent = stack.last else { return }
        if parent.name == "aanvullend" {
            if frame.name == "profiel" {
                stack[stack.count - 1].profiel = frame.attributes["referentie"]
            } else {
                stack[stack.count - 1].body = (frame.text, frame.referenties)
            }
        } else if frame.name == "aanvullend", parent.name.hasSuffix("perprofiel"), let code = itemCode {
            let referentie = frame.profiel ?? "?"
            entries.append(
                Entry(
                    soort: parent.name, code: code, profiel: profielCodes[referentie] ?? referentie,
                    tekst: frame.body?.text ?? "", referenties: frame.body?.referenties ?? []))
        } else if ["kerntaak", "werkproces"].contains(parent.name), let code = itemCode {
            basisTeksten[code, default: [:]][frame.name] = frame.text
        }
    }
}
