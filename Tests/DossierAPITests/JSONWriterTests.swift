import Testing

@testable import DossierAPI

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("keeps member order, writes null for absent values, escapes only what JSON requires")
    func writesDeterministically() {
        let value: JSONValue = .object([
            "crebo": .string("23292"),
            "geldigVanaf": .string(nil as String?),
            "titel": .string("Op de \"klant\" richten\t/ één\u{1}"),
            "niveaus": .array([.int(4)]),
            "leeg": .array([]),
            "score": .double(4.25),
        ])
        let text = String(decoding: JSONWriter.bytes(value), as: UTF8.self)
        #expect(
            text == """
                {
                  "crebo": "23292",
                  "geldigVanaf": null,
                  "titel": "Op de \\"klant\\" richten\\t/ één\\u0001",
                  "niveaus": [
                    4
                  ],
                  "leeg": [],
                  "score": 4.25
                }

                """)
    }

    @Test("rounds scores to four decimals")
    func roundsDoubles() {
        let text = String(decoding: JSONWriter.bytes(.double(1.0 / 3.0)), as: UTF8.self)
        #expect(text == "0.3333\n")
    }
}
