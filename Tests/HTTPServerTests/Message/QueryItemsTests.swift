import Testing

@testable import HTTPServer

@Suite("Query items")
struct QueryItemsTests {
    private func pairs(_ items: [(name: String, value: String)]?) -> [[String]]? {
        items?.map { [$0.name, $0.value] }
    }

    @Test("every piece is decoded; a malformed escape anywhere fails the whole query")
    func all() {
        #expect(
            pairs(QueryItems.parse("q=a+b&x=%C3%A9&&flag")) == [["q", "a b"], ["x", "é"], ["flag", ""]])
        #expect(QueryItems.parse("q=a&x=%ZZ") == nil)
        #expect(pairs(QueryItems.parse(nil)) == [])
    }

    @Test("with names, only those are decoded: others are skipped however they are written")
    func onlyNames() {
        let names: Set = ["q", "pageSize"]
        #expect(
            pairs(QueryItems.parse("_=1&q=klant&_=2&utm_source=%ZZ&%ZZ=1&pageSize=5&Q=x", names: names))
                == [["q", "klant"], ["pageSize", "5"]])
        // A name spelled with escapes is still that name; repeats are kept for the caller to judge.
        #expect(pairs(QueryItems.parse("%71=a&q=b", names: names)) == [["q", "a"], ["q", "b"]])
        #expect(QueryItems.parse("q=%ZZ&_=1", names: names) == nil)
        #expect(QueryItems.parse("q=%FF", names: names) == nil)
    }
}
