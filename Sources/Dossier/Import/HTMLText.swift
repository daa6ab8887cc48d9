/// Reduces the HTML that SBB exports put inside some text blocks (a `<labeltext>` CDATA with
/// escaped `&lt;h1&gt;`, an `<xhtml>` CDATA, or bare `<p>`/`<br>`/`<li>`) to plain text.
///
/// HTML's own whitespace rule applies (a run of spaces and line breaks in the markup is one
/// space); `<br>` and `<li>` become a line break, block elements (`<p>`, headings, lists,
/// `<div>`) a paragraph break. Words and punctuation are kept exactly.
enum HTMLText {
    /// One block of reduced text.
    enum Block: Equatable {
        /// `<h1>`...`<h6>` with its level and text.
        case heading(level: Int, text: String)
        /// A paragraph; its lines are separated by `\n`.
        case paragraph(String)
    }

    /// Whether a text block holds HTML rather than plain text.
    static func isHTML(_ text: String) -> Bool {
        let start = TextRules.trimmed(text).lowercased()
        if start.hasPrefix("<labeltext") || start.hasPrefix("<xhtml") { return true }
        let lower = text.lowercased()
        return ["<p>", "<p ", "<br", "<li>", "<li ", "<ul>", "<ol>", "<h1>", "<h2>", "<h3>", "<div"]
            .contains { lower.contains($0) }
    }

    /// The plain text of an HTML block: paragraphs joined by a blank line; `nil` if empty.
    static func plainText(_ html: String) -> String? {
        let text = blocks(html).map { block in
            switch block {
            case .heading(_, let text), .paragraph(let text): text
            }
        }.joined(separator: "\n\n")
        return text.isEmpty ? nil : text
    }

    /// The blocks of an HTML text, in order.
    static func blocks(_ source: String) -> [Block] {
        var html = TextRules.trimmed(source)
        // `<labeltext>` wraps HTML that is escaped once more (`&lt;h1&gt;`): unwrap, unescape.
        if let inner = unwrap(html, tag: "labeltext") {
            html = decodeEntities(inner)
        } else if let inner = unwrap(html, tag: "xhtml") {
            html = inner
        }
        var builder = BlockBuilder()
        var index = html.startIndex
        while index < html.endIndex {
            if html[index] == "<", let close = html[index...].firstIndex(of: ">") {
                builder.tag(String(html[html.index(after: index)..<close]))
                index = html.index(after: close)
            } else {
                let next = html[index...].firstIndex(of: "<") ?? html.endIndex
                builder.text(decodeEntities(String(html[index..<next])))
                if next == index {  // a lone "<" without ">": keep it as text
                    builder.text("<")
                    index = html.index(after: index)
                } else {
                    index = next
                }
            }
        }
        return builder.finish()
    }

    private static func unwrap(_ text: String, tag: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("<\(tag)>"), lower.hasSuffix("</\(tag)>") else { return nil }
        return String(text.dropFirst(tag.count + 2).dropLast(tag.count + 3))
    }

    /// Decodes the character references HTML texts use; unknown references stay as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";")
            else {
                result.append(character)
                index = text.index(after: index)
                continue
            }
            let name = String(text[text.index(after: index)..<semicolon])
            if let decoded = decode(entity: name) {
                result += decoded
                index = text.index(after: semicolon)
            } else {
                result.append(character)
                index = text.index(after: index)
            }
        }
        return result
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "euml": "ë", "eacute": "é", "egrave": "è", "iuml": "ï", "ouml": "ö", "uuml": "ü",
        "auml": "ä", "ccedil": "ç", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "ndash": "–", "mdash": "—", "hellip": "…", "bull": "•", "euro": "€",
    ]

    private static func decode(entity name: String) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        return namedEntities[name]
    }
}

/// Collects text and breaks while walking the tags.
private struct BlockBuilder {
    private var blocks: [HTMLText.Block] = []
    private var lines: [String] = []
    private var line = ""
    private var headingLevel: Int?

    mutating func text(_ text: String) {
        for character in text {
            if TextRules.isSpace(character) && character != "\u{00A0}" {
                if !line.isEmpty && line.last != " " { line.append(" ") }
            } else {
                line.append(character)
            }
        }
    }

    mutating func tag(_ raw: String) {
        let body = TextRules.trimmed(raw).lowercased()
        let isClosing = body.hasPrefix("/")
        let name = String(
            body.drop { $0 == "/" }.prefix { !TextRules.isSpace($0) && $0 != "/" && $0 != ">" })
        switch name {
        case "br":
            breakLine()
        case "li":
            if !isClosing { breakLine() }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            breakParagraph()
            headingLevel = isClosing ? nil : Int(name.dropFirst())
        case "p", "div", "ul", "ol", "table", "tr", "blockquote":
            breakParagraph()
        default:
            break  // inline markup (span, a, strong, em, labeltext...): its text is kept
        }
    }

    private mutating func breakLine() {
        let finished = TextRules.trimmed(line)
        if !finished.isEmpty { lines.append(finished) }
        line = ""
    }

    private mutating func breakParagraph() {
        breakLine()
        guard !lines.isEmpty else { return }
        let text = lines.joined(separator: "\n")
        if let level = headingLevel {
            blocks.append(.heading(level: level, text: text))
        } else {
            blocks.append(.paragraph(text))
        }
        lines = []
    }

    mutating func finish() -> [HTMLText.Block] {
        breakParagraph()
        return blocks
    }
}
