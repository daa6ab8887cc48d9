/// Builds the snippet of a hit: a window of the matching text with every matched word marked
/// `<mark>…</mark>`. Everything else is HTML-escaped, so a browser can insert the snippet as
/// markup safely and a curl user still reads plain text with the marks.
enum Snippet {
    /// Texts up to this many bytes are shown whole; longer ones are cut around the first match.
    static let maximumLength = 240

    static func make(_ text: String, matching terms: Set<String>) -> String {
        make(text, matching: MatchedTerms(terms))
    }

    static func make(_ text: String, matching terms: MatchedTerms) -> String {
        let bytes = Array(text.utf8)
        let marks = terms.ranges(in: text)
        var start = 0
        var end = bytes.count
        if bytes.count > maximumLength {
            let anchor = marks.first?.lowerBound ?? 0
            start = wordStart(bytes, atOrBefore: max(0, anchor - maximumLength / 3))
            end = wordEnd(bytes, atOrAfter: min(bytes.count, start + maximumLength))
        }
        var output = start > 0 ? "…" : ""
        var cursor = start
        for mark in marks where mark.lowerBound >= start && mark.upperBound <= end {
            output += escaped(bytes[cursor..<mark.lowerBound])
            output += "<mark>" + escaped(bytes[mark]) + "</mark>"
            cursor = mark.upperBound
        }
        output += escaped(bytes[cursor..<end])
        if end < bytes.count { output += "…" }
        return output
    }

    /// Moves back to the start of a word, never into the middle of a UTF-8 sequence.
    private static func wordStart(_ bytes: [UInt8], atOrBefore index: Int) -> Int {
        var index = index
        while index > 0, bytes[index - 1] != UInt8(ascii: " ") { index -= 1 }
        return index
    }

    private static func wordEnd(_ bytes: [UInt8], atOrAfter index: Int) -> Int {
        var index = index
        while index < bytes.count, bytes[index] != UInt8(ascii: " ") { index += 1 }
        return index
    }

    private static func escaped(_ slice: ArraySlice<UInt8>) -> String {
        var output = ""
        for scalar in String(decoding: slice, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            // Also safe inside a single-quoted attribute, as every other character here is.
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
