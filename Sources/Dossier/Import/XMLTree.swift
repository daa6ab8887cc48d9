import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small read-only element tree built with `XMLParser`, each element with the line it starts
/// on, so the SBB importer can walk the export freely and still name the line of every problem.
final class XMLElementNode {
    /// The element name.
    let name: String
    /// Its attributes.
    let attributes: [String: String]
    /// The line of its start tag (1-based, as `XMLParser.lineNumber` reports it).
    let line: Int
    /// Its child elements, in document order.
    fileprivate(set) var children: [XMLElementNode] = []
    /// Its own character data and CDATA (not that of its children), concatenated.
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// The child elements with this name.
    func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    /// The first child element with this name.
    func child(_ name: String) -> XMLElementNode? {
        children.first { $0.name == name }
    }

    /// Follows a path of child names; `nil` as soon as one is missing.
    func descendant(_ path: String...) -> XMLElementNode? {
        var node: XMLElementNode? = self
        for name in path { node = node?.child(name) }
        return node
    }

    /// Every element below this one, depth first.
    func allDescendants() -> [XMLElementNode] {
        children.flatMap { [$0] + $0.allDescendants() }
    }

    /// Parses a whole document; a malformed document throws an ``ImportError`` with its line.
    static func parse(_ data: Data, file: String) throws -> XMLElementNode {
        let parser = XMLParser(data: data)
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let finished = parser.parse()
        if !finished || builder.root == nil || !builder.stack.isEmpty {
            let line = builder.errorLine ?? max(parser.lineNumber, 1)
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "parse error"
            let detail = builder.stack.last.map { " (inside <\($0.name)> opened on line \($0.line))" } ?? ""
            throw ImportError(
                file: file, location: .line(line), message: "malformed XML: \(reason)\(detail)")
        }
        return builder.root!
    }
}

/// The `XMLParser` delegate that builds the tree; used only inside ``XMLElementNode/parse``.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    unowned let parser: XMLParser
    var root: XMLElementNode?
    var stack: [XMLElementNode] = []
    var errorLine: Int?

    init(parser: XMLParser) {
        self.parser = parser
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        let node = XMLElementNode(name: elementName, attributes: attributes, line: parser.lineNumber)
        if let parent = stack.last {
            parent.children.append(node)
        } else if root == nil {
            root = node
        }
        stack.append(node)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName: String?
    ) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if errorLine == nil { errorLine = parser.lineNumber }
    }
}
