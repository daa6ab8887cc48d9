/// Small text rules shared by both importers. Every rule here keeps the words and punctuation of
/// the source exactly; it only decides where a text starts and ends and how its paragraphs are
/// separated.
enum TextRules {
    /// Whitespace as the sources use it: space, tab, the line breaks and the no-break space.
    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\n" || character == "\r"
            || character == "\u{00A0}"
    }

    /// The text without leading and trailing whitespace.
    static func trimmed(_ text: some StringProtocol) -> String {
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }

    /// The text with only its trailing whitespace removed.
    static func trimmedEnd(_ text: some StringProtocol) -> String {
        guard let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[...last])
    }

    /// `nil` for an empty or blank text, else the trimmed text.
    static func nonBlank(_ text: String?) -> String? {
        guard let text else { return nil }
        let result = trimmed(text)
        return result.isEmpty ? nil : result
    }

    /// A plain multi-line text (a CDATA block of an SBB export) in the project's form: trailing
    /// whitespace of each line dropped, paragraphs (separated by one or more blank lines) joined
    /// by exactly one blank line, the whole trimmed. Lines within a paragraph stay as they are.
    static func paragraphs(_ text: String) -> String? {
        let lines = text.replacingAll("\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        var paragraphs: [[String]] = []
        var current: [String] = []
        for line in lines {
            let line = trimmedEnd(line)
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        let result = trimmed(paragraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n"))
        return result.isEmpty ? nil : result
    }

    /// Converts a `dd-mm-jjjj` date to ISO 8601 `jjjj-mm-dd`; `nil` when the text is blank or
    /// not a real calendar date in that form.
    static func isoDate(fromDutch text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    /// Whether a text is an ISO 8601 calendar date `jjjj-mm-dd` that exists.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month)
        else { return false }
        return day >= 1 && day <= daysIn(month: month, year: year)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether a text is a crebo number: exactly five ASCII digits.
    static func isCrebo(_ text: String) -> Bool {
        text.count == 5 && text.allSatisfy(\.isASCIIDigit)
    }

    /// The first web link in a text, exactly as written (`https://wetten.overheid.nl/BWBR0027879`,
    /// `www.kwalificatiesmbo.nl`), without sentence punctuation that follows it.
    static func firstLink(in text: String) -> String? {
        let words = text.split(whereSeparator: isSpace)
        for word in words {
            var candidate = Substring(word)
            while let first = candidate.first, "<(\"'".contains(first) { candidate.removeFirst() }
            let lower = candidate.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
            else { continue }
            while let last = candidate.last, ".,;:!?>)\"'".contains(last) { candidate.removeLast() }
            if !candidate.isEmpty { return String(candidate) }
        }
        return nil
    }
}

extension Character {
    /// `0`...`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) && unicodeScalars.count == 1 }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free, so the rules stay pure Swift).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
