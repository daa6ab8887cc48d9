// The title page and the table of contents: titel, crebos, domein, penvoerder, validation.

extension PublishedTextParser {
    // MARK: Header

    func parseHeader(_ slice: ArraySlice<SourceLine>) throws {
        let content = slice.filter { !$0.text.isEmpty }
        var index = 0
        var titleLines: [String] = []
        var titleStart: Int?
        while index < content.count {
            let line = content[index]
            let text = line.text
            index += 1
            if titel == nil {
                if text == Keyword.intro { continue }
                titleStart = titleStart ?? line.number
                let plain = text.replacingAll("**", with: "")
                if let range = plain.range(of: Keyword.crebonr) {
                    titleLines.append(TextRules.trimmed(plain[..<range.lowerBound]))
                    let number = TextRules.trimmed(plain[range.upperBound...])
                    guard TextRules.isCrebo(number) else {
                        throw error(line.number, "dossier crebo '\(number)' is not five digits")
                    }
                    crebo = number
                    titel = titleLines.filter { !$0.isEmpty }.joined(separator: " ")
                    if titel!.isEmpty { throw error(line.number, "the dossier title is missing") }
                } else {
                    titleLines.append(TextRules.trimmed(plain))
                }
                continue
            }
            if text.hasPrefix("»") {
                let body = TextRules.trimmed(text.dropFirst())
                guard let (naam, number) = splitCrebo(body), TextRules.isCrebo(number) else {
                    throw error(
                        line.number, "cannot read kwalificatie '\(body)' (expected 'titel (Crebonr. 12345)')")
                }
                kwalificatieCrebos.append((naam, number, line.number))
            } else if text == Keyword.geldigVanaf || text.hasPrefix(Keyword.geldigVanaf + ":") {
                var value = TextRules.trimmed(text.dropFirst(Keyword.geldigVanaf.count).drop { $0 == ":" })
                if value.isEmpty, index < content.count, !isHeaderKey(content[index].text) {
                    value = content[index].text
                    index += 1
                }
                if !value.isEmpty { geldigVanaf = try date(value, line: line.number) }
            } else if text == Keyword.opleidingsdomein || text.hasPrefix(Keyword.opleidingsdomein + ":") {
                var value = TextRules.trimmed(
                    text.dropFirst(Keyword.opleidingsdomein.count).drop { $0 == ":" })
                var valueLine = line.number
                if value.isEmpty, index < content.count, !isHeaderKey(content[index].text) {
                    value = content[index].text
                    valueLine = content[index].number
                    index += 1
                }
                if let (naam, number) = splitCrebo(value) {
                    guard TextRules.isCrebo(number) else {
                        throw error(valueLine, "opleidingsdomein crebo '\(number)' is not five digits")
                    }
                    opleidingsdomein = Opleidingsdomein(titel: naam, crebo: number)
                } else if !value.isEmpty {
                    opleidingsdomein = Opleidingsdomein(titel: value)
                }
            } else if text.hasPrefix(Keyword.penvoerder) {
                penvoerder = TextRules.nonBlank(String(text.dropFirst(Keyword.penvoerder.count)))
            } else if text.hasPrefix(Keyword.gevalideerdDoor) {
                gevalideerdDoor = TextRules.nonBlank(String(text.dropFirst(Keyword.gevalideerdDoor.count)))
            } else if text.hasPrefix(Keyword.gevalideerdOp) {
                let value = TextRules.trimmed(text.dropFirst(Keyword.gevalideerdOp.count))
                if !value.isEmpty { gevalideerdOp = try date(value, line: line.number) }
            } else {
                throw error(line.number, "unexpected line in the title page: '\(text)'")
            }
        }
        if titel == nil {
            throw error(titleStart ?? 1, "missing the dossier title with its 'Crebonr.' on the title page")
        }
    }

    func isHeaderKey(_ text: String) -> Bool {
        text == Keyword.geldigVanaf || text == Keyword.opleidingsdomein || text.hasPrefix("»")
            || text.hasPrefix(Keyword.penvoerder) || text.hasPrefix(Keyword.gevalideerdDoor)
            || text.hasPrefix(Keyword.gevalideerdOp)
    }

    /// `Mobiliteit en voertuigen (Crebonr. 79060)` → title and number.
    func splitCrebo(_ text: String) -> (String, String)? {
        guard text.hasSuffix(")"), let range = text.range(of: " (\(Keyword.crebonr)") else { return nil }
        let number = TextRules.trimmed(text[range.upperBound...].dropLast())
        return (TextRules.trimmed(text[..<range.lowerBound]), number)
    }

    func date(_ text: String, line: Int) throws -> String {
        guard let iso = TextRules.isoDate(fromDutch: text) else {
            throw error(line, "'\(text)' is not a date dd-mm-jjjj")
        }
        return iso
    }

    // MARK: Table of contents and leeswijzer

    func parseInhoudsopgave(_ slice: ArraySlice<SourceLine>) throws {
        for line in slice where line.text.hasPrefix("|") {
            let cells = tableCells(line.text)
            guard let first = cells.first, let (code, titel) = PublishedCode.split(first, colon: true) else {
                continue  // "Leeswijzer", "Basisdeel", ... and the table's header and rule
            }
            inhoudsopgave.append((code, Titled(titel: titel, line: line.number)))
        }
    }

    /// The leeswijzer names where the keuzedelen are: the link in the sentence about them.
    func parseLeeswijzer(_ slice: ArraySlice<SourceLine>) {
        for line in slice where keuzedelenOverzicht == nil {
            for sentence in line.text.split(separator: ". ")
            where sentence.lowercased().contains("keuzedelen") {
                if let link = TextRules.firstLink(in: String(sentence)) {
                    keuzedelenOverzicht = link
                    break
                }
            }
        }
    }
}
