/// The folded terms a query matched, looked up by the bytes the tokenizer produces: marking
/// snippets scans every text of every hit on the page, and making a `String` of each of its
/// tokens to look it up in a `Set<String>` was most of a search's time once the ranking put
/// werkprocessen with long texts on the first page.
struct MatchedTerms {
    private var table = TermTable()

    init<S: Sequence<String>>(_ terms: S) {
        for term in terms {
            var bytes = Array(term.utf8)
            _ = bytes.withUnsafeMutableBufferPointer { table.id(for: UnsafeBufferPointer($0)) }
        }
    }

    /// A number for a matched term (equal terms, equal numbers), or `nil` for any other.
    func id(of folded: UnsafeBufferPointer<UInt8>) -> Int32? {
        table.id(of: folded)
    }

    /// The byte ranges of the matched tokens of `text`, in order.
    func ranges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        Tokenizer.forEachToken(in: text) { folded, range in
            if table.id(of: folded) != nil { ranges.append(range) }
        }
        return ranges
    }

    /// How many different matched terms `text` has.
    func distinctCount(in text: String) -> Int {
        var seen: [Int32] = []
        Tokenizer.forEachToken(in: text) { folded, _ in
            if let id = table.id(of: folded), !seen.contains(id) { seen.append(id) }
        }
        return seen.count
    }
}
