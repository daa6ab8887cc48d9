// The generieke onderdelen and the profieldeel's own fields.

extension PublishedTextParser {
    // MARK: Generieke onderdelen and profieldeel

    func parseGeneriek(_ slice: ArraySlice<SourceLine>) throws {
        for line in slice where !line.text.isEmpty {
            let text = unwrapAutolinks(line.text)
            // A heading is a short line that does not end a sentence; text is a paragraph.
            if !endsSentence(text) && text.count <= 80 {
                generieke.append((text, line.number, []))
            } else if generieke.isEmpty {
                generiekeInleiding.append(text)
            } else {
                generieke[generieke.count - 1].paragraphs.append(text)
            }
        }
    }

    func parseProfieldeel(_ slice: ArraySlice<SourceLine>) throws {
        var state = BodyState()
        for line in slice {
            if !line.text.isEmpty,
                let (code, titel) = PublishedCode.split(line.text, colon: false)
                    ?? PublishedCode.split(line.text, colon: true), code.kerntaak == nil
            {
                try close(&state)
                let builder = kwalificatie(code.text)
                try setTitel(builder, titel, line: line.number)
                state.kwalificatie = builder
                state.field = .none
                continue
            }
            if state.kwalificatie == nil, !line.text.isEmpty {
                throw error(line.number, "text before the first profiel: '\(line.text)'")
            }
            try bodyLine(line, &state)
        }
        try close(&state)
    }
}
