import Testing

@testable import DossierAPI

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatRFC4180Needs() throws {
        var csv = CSVWriter()
        csv.append(["plain", "a,b", "say \"hi\"", "two\r\nlines", " padded", "cliënt", ""])
        let text = String(decoding: csv.bytes, as: UTF8.self)
        #expect(csv.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(text == "\u{FEFF}plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\" padded\",cliënt,\r\n")
        #expect(
            try CSVReader.records(csv.bytes) == [
                ["plain", "a,b", "say \"hi\"", "two\r\nlines", " padded", "cliënt", ""]
            ])
    }

    @Test func cutsAtAWordBoundaryWithinTheLimit() {
        let long = String(repeating: "woord ", count: 30) + "einde"
        let cut = ShortText.cut(long, to: 100)
        #expect(cut.unicodeScalars.count <= 100)
        #expect(cut.hasSuffix("woord…"))
        #expect(long.hasPrefix(String(cut.dropLast())))
        #expect(ShortText.cut("kort", to: 100) == "kort")
        // Counted in Unicode scalars, as PHP's mb_strlen: a decomposed ë is two.
        let decomposed = String(repeating: "e\u{0308}", count: 60)
        #expect(ShortText.cut(decomposed, to: 100).unicodeScalars.count <= 100)
    }
}
