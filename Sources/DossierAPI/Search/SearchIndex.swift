import Foundation

/// An inverted index over every text of every loaded dossier, ranked with BM25.
///
/// Built once at start-up; immutable afterwards, so any number of requests query it at once
/// without a lock. Matching is case- and diacritic-insensitive (``TextFolding``), Dutch-aware
/// (a term also matches the words that share its ``DutchStemmer`` stem), every term must match
/// and the last term also matches as a prefix, for type-ahead.
struct SearchIndex: Sendable {
    /// One ranked hit.
    struct Hit: Sendable {
        var document: Int
        var score: Double
    }

    /// The result of a query: the hits of the requested page and the total count.
    struct Result: Sendable {
        var hits: [Hit]
        var total: Int
        /// For each query term, the terms (folded tokens) it matched: used to mark snippets.
        var matchedTerms: Set<String>
    }

    private struct Posting: Sendable {
        var document: Int32
        var frequency: Float
    }

    let documents: [SearchDocument]
    /// Folded token → term id.
    private let termIDs: [String: Int32]
    /// Term id → folded token.
    private let terms: [String]
    /// Every folded token, sorted, for prefix lookups.
    private let sortedTerms: [String]
    /// Stem → term ids of the tokens with that stem.
    private let stemGroups: [String: [Int32]]
    private let postings: [[Posting]]
    private let documentLengths: [Float]
    private let averageLength: Double

    // BM25 constants: the usual defaults.
    private static let k1 = 1.2
    private static let b = 0.75

    init(documents: [SearchDocument]) {
        self.documents = documents
        var termIDs: [String: Int32] = [:]
        var terms: [String] = []
        var postings: [[Posting]] = []
        var lengths: [Float] = []
        lengths.reserveCapacity(documents.count)
        for (index, document) in documents.enumerated() {
            var frequencies: [Int32: Float] = [:]
            var length: Float = 0
            for field in document.fields {
                for token in Tokenizer.tokens(field.text) {
                    let id: Int32
                    if let known = termIDs[token.folded] {
                        id = known
                    } else {
                        id = Int32(terms.count)
                        termIDs[token.folded] = id
                        terms.append(token.folded)
                        postings.append([])
                    }
                    frequencies[id, default: 0] += Float(field.weight)
                    length += Float(field.weight)
                }
            }
            // Sorted so that every postings list is in document order (needed for merging).
            for (id, frequency) in frequencies.sorted(by: { $0.key < $1.key }) {
                postings[Int(id)].append(Posting(document: Int32(index), frequency: frequency))
            }
            lengths.append(length)
        }
        var stemGroups: [String: [Int32]] = [:]
        for (id, term) in terms.enumerated() {
            stemGroups[DutchStemmer.stem(term), default: []].append(Int32(id))
        }
        self.termIDs = termIDs
        self.terms = terms
        self.sortedTerms = terms.sorted()
        self.stemGroups = stemGroups
        self.postings = postings
        self.documentLengths = lengths
        let total = lengths.reduce(0, +)
        self.averageLength = documents.isEmpty ? 1 : max(Double(total) / Double(documents.count), 1)
    }

    /// The folded query terms of `text`; empty when it has nothing searchable.
    static func queryTerms(_ text: String) -> [String] {
        Tokenizer.tokens(text).map(\.folded)
    }

    /// The term ids a query term matches: the same token, tokens with the same stem, and for
    /// the last term of a query also every token it is a prefix of.
    private func expansion(of term: String, asPrefix: Bool) -> Set<Int32> {
        var ids = Set<Int32>()
        if let exact = termIDs[term] { ids.insert(exact) }
        ids.formUnion(stemGroups[DutchStemmer.stem(term)] ?? [])
        if asPrefix {
            var low = 0
            var high = sortedTerms.count
            while low < high {
                let middle = (low + high) / 2
                if sortedTerms[middle] < term { low = middle + 1 } else { high = middle }
            }
            while low < sortedTerms.count, sortedTerms[low].hasPrefix(term) {
                if let id = termIDs[sortedTerms[low]] { ids.insert(id) }
                low += 1
            }
        }
        return ids
    }

    /// Runs a query. `accept` filters documents (soort, dossier) before ranking.
    func search(
        terms queryTerms: [String], accept: (SearchDocument) -> Bool, offset: Int, limit: Int
    ) -> Result {
        guard !queryTerms.isEmpty else { return Result(hits: [], total: 0, matchedTerms: []) }
        var scores: [Int32: Double]? = nil
        var matched = Set<String>()
        let documentCount = Double(documents.count)
        for (position, term) in queryTerms.enumerated() {
            let ids = expansion(of: term, asPrefix: position == queryTerms.count - 1)
            for id in ids { matched.insert(terms[Int(id)]) }
            // Term frequency per document, summed over the term's expansions.
            var frequencies: [Int32: Float] = [:]
            for id in ids {
                for posting in postings[Int(id)] where scores == nil || scores?[posting.document] != nil {
                    frequencies[posting.document, default: 0] += posting.frequency
                }
            }
            let documentFrequency = Double(frequencies.count)
            let idf = log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))
            var next: [Int32: Double] = [:]
            next.reserveCapacity(frequencies.count)
            for (document, frequency) in frequencies {
                let tf = Double(frequency)
                let norm = 1 - Self.b + Self.b * Double(documentLengths[Int(document)]) / averageLength
                let termScore = idf * tf * (Self.k1 + 1) / (tf + Self.k1 * norm)
                next[document] = (scores?[document] ?? 0) + termScore
            }
            scores = next
            if next.isEmpty { break }
        }
        var ranked: [Hit] = []
        for (document, score) in scores ?? [:] where accept(documents[Int(document)]) {
            ranked.append(Hit(document: Int(document), score: score))
        }
        // Ties in document order, so equal queries give equal pages on every replica.
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
        let page = offset < ranked.count ? Array(ranked[offset..<min(ranked.count, offset + limit)]) : []
        return Result(hits: page, total: ranked.count, matchedTerms: matched)
    }
}
