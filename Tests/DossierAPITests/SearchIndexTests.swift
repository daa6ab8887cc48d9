import Testing

@testable import DossierAPI

/// The search index's building blocks, against simple reference implementations.
@Suite("Search index internals")
struct SearchIndexTests {
    /// The tokenizer as it was first written (scalar by scalar, folding whole tokens), the
    /// reference for the byte-wise one.
    static func referenceTokens(_ text: String) -> [(String, Range<Int>)] {
        var tokens: [(String, Range<Int>)] = []
        var current: [Unicode.Scalar] = []
        var start = 0
        var offset = 0
        func flush() {
            guard !current.isEmpty else { return }
            var folded: [UInt8] = []
            TextFolding.fold(current, into: &folded)
            tokens.append((String(decoding: folded, as: UTF8.self), start..<offset))
            current.removeAll()
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isToken =
                value < 0x80
                ? (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                    || (0x61...0x7A).contains(value)
                : (0x0300...0x036F).contains(value) || scalar.properties.isAlphabetic
                    || scalar.properties.numericType != nil
            if isToken {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else {
                flush()
            }
            offset += UTF8.width(scalar)
        }
        flush()
        return tokens
    }

    @Test(
        "the tokenizer matches the reference on tricky text",
        arguments: [
            "", "   ", "Overtuigen en beïnvloeden, (after)sales", "e\u{0301}e\u{0308}n CAFÉ",
            "Straße ĳs Œuvre",
            "B1-K2-W3 25712 4x4", "\u{0301}alleen een teken", "emoji 🚗 en 日本語 tekst", "İstanbul ǅ ﬁ", "½ ² Ⅻ",
            "ends with é", "tab\tand\nnewline",
        ])
    func tokenizer(text: String) {
        let tokens = Tokenizer.tokens(text)
        let reference = Self.referenceTokens(text)
        #expect(tokens.map(\.folded) == reference.map(\.0))
        #expect(tokens.map(\.range) == reference.map(\.1))
    }

    @Test("the term table gives each distinct term one id, in order of first sight")
    func termTable() {
        var table = TermTable()
        var ids: [String: Int32] = [:]
        for number in 0..<20_000 {
            let term = "term\(number % 7_000)"
            let (id, isNew) = Array(term.utf8).withUnsafeBufferPointer { table.id(for: $0) }
            if let known = ids[term] {
                #expect(id == known && !isNew)
            } else {
                #expect(isNew && Int(id) == ids.count)
                ids[term] = id
            }
        }
        #expect(table.count == 7_000)
        let empty = [UInt8]().withUnsafeBufferPointer { table.id(for: $0) }
        #expect(empty.isNew && empty.id == 7_000)
    }

    @Test("looking a term up finds what was added, and adds nothing")
    func termTableLookup() {
        var table = TermTable()
        for number in 0..<3_000 {
            _ = Array("term\(number)".utf8).withUnsafeBufferPointer { table.id(for: $0) }
        }
        for number in 0..<6_000 {
            let found = Array("term\(number)".utf8).withUnsafeBufferPointer { table.id(of: $0) }
            #expect(found == (number < 3_000 ? Int32(number) : nil))
        }
        #expect(table.count == 3_000)
    }

    @Test(
        "matched terms mark the same tokens as a set of folded strings",
        arguments: [
            "Overtuigen en beïnvloeden, (after)sales", "klant klanten KLANT klantgericht", "", "collega's",
        ])
    func matchedTerms(text: String) {
        let terms: Set = ["klant", "beinvloeden", "after", "collega", "sales"]
        let matched = MatchedTerms(terms)
        let reference = Tokenizer.tokens(text).filter { terms.contains($0.folded) }
        #expect(matched.ranges(in: text) == reference.map(\.range))
        #expect(matched.distinctCount(in: text) == Set(reference.map(\.folded)).count)
    }

    @Test(
        "top hits are the first page of a full sort, ties in document order",
        arguments: [1, 10, 57, 300, 5_000])
    func topHits(count: Int) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            // Few distinct scores, so there are many ties.
            let hits = (0..<3_000).map {
                SearchIndex.Hit(document: $0, score: Double(Int.random(in: 0..<40, using: &generator)) / 4)
            }.shuffled(using: &generator)
            var top = TopHits(count: count)
            for hit in hits { top.offer(hit) }
            let expected = hits.sorted(by: TopHits.isBetter).prefix(count)
            let got = top.sorted()
            #expect(got.map(\.document) == expected.map(\.document))
        }
    }
}
