import Testing

@testable import DossierAPI

@Suite("Text folding and tokenizing")
struct TextFoldingTests {
    @Test("folds case and Dutch diacritics, precomposed or decomposed")
    func foldsDiacritics() {
        #expect(TextFolding.fold("Beïnvloeden") == "beinvloeden")
        #expect(TextFolding.fold("Creëren") == "creeren")
        #expect(TextFolding.fold("Cliënt") == "client")
        #expect(TextFolding.fold("e\u{0301}e\u{0308}n") == "een")
        #expect(TextFolding.fold("CAFÉ") == "cafe")
    }

    @Test("splits on punctuation and keeps each token's byte range")
    func tokensHaveRanges() {
        let text = "Overtuigen en beïnvloeden, (after)sales"
        let tokens = Tokenizer.tokens(text)
        #expect(tokens.map(\.folded) == ["overtuigen", "en", "beinvloeden", "after", "sales"])
        let bytes = Array(text.utf8)
        let third = tokens[2].range
        #expect(String(decoding: bytes[third], as: UTF8.self) == "beïnvloeden")
    }

    @Test("the 's of Dutch plurals stays with its word: no one-letter token")
    func apostropheS() {
        #expect(
            Tokenizer.tokens("collega's en auto’s, 's-Hertogenbosch").map(\.folded) == [
                "collega", "en", "auto", "s", "hertogenbosch",
            ])
        let text = "met collega's"
        let range = Tokenizer.tokens(text)[1].range
        #expect(String(decoding: Array(text.utf8)[range], as: UTF8.self) == "collega")
    }

    @Test("marks matches in a snippet and escapes the rest")
    func snippetMarksAndEscapes() {
        let snippet = Snippet.make("Stelt een offerte op <b>&</b> verstuurt die.", matching: ["offerte"])
        #expect(snippet == "Stelt een <mark>offerte</mark> op &lt;b&gt;&amp;&lt;/b&gt; verstuurt die.")
    }

    @Test("cuts a long text around the first match on word boundaries")
    func snippetWindow() {
        let filler = String(repeating: "woord ", count: 80)
        let snippet = Snippet.make(filler + "offerte " + filler, matching: ["offerte"])
        #expect(snippet.hasPrefix("…woord"))
        #expect(snippet.hasSuffix("…"))
        #expect(snippet.contains("<mark>offerte</mark>"))
        #expect(snippet.utf8.count < 300)
    }
}
