import Foundation
import Synchronization

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
    /// Each document's soort and dossier, compact, for filtering without touching the
    /// documents themselves (copying a ``SearchDocument`` retains each of its strings).
    private let soortOf: [SearchDocument.Soort]
    private let dossierOf: [Int32]
    /// Dossier crebo → the number `dossierOf` uses for it (-1: no dossier).
    private let dossierNumbers: [String: Int32]
    private let averageLength: Double

    // BM25 constants: the usual defaults.
    private static let k1 = 1.2
    private static let b = 0.75

    init(documents: [SearchDocument]) {
        self.documents = documents
        var table = TermTable()
        var terms: [String] = []
        var postings: [[Posting]] = []
        var lengths: [Float] = []
        lengths.reserveCapacity(documents.count)
        // Per term, its frequency in the document being indexed (zero outside it), and the
        // terms the document has touched: a dense array, not a dictionary per document.
        var frequencies: [Float] = []
        var touched: [Int32] = []
        for (index, document) in documents.enumerated() {
            var length: Float = 0
            for field in document.fields {
                let weight = Float(field.weight)
                Tokenizer.forEachToken(in: field.text) { folded, _ in
                    let (id, isNew) = table.id(for: folded)
                    if isNew {
                        terms.append(String(decoding: folded, as: UTF8.self))
                        postings.append([])
                        frequencies.append(0)
                    }
                    if frequencies[Int(id)] == 0 { touched.append(id) }
                    frequencies[Int(id)] += weight
                    length += weight
                }
            }
            // Documents are indexed in order, so every postings list is in document order.
            for id in touched {
                postings[Int(id)].append(Posting(document: Int32(index), frequency: frequencies[Int(id)]))
                frequencies[Int(id)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            lengths.append(length)
        }
        let termIDs = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, Int32($0)) })
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
        var dossierNumbers: [String: Int32] = [:]
        self.dossierOf = documents.map { document in
            guard let crebo = document.dossier else { return -1 }
            if let number = dossierNumbers[crebo] { return number }
            let number = Int32(dossierNumbers.count)
            dossierNumbers[crebo] = number
            return number
        }
        self.dossierNumbers = dossierNumbers
        self.soortOf = documents.map(\.soort)
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

    /// Which documents a query may return.
    struct Filter: Sendable {
        /// Only this soort, if set.
        var soort: SearchDocument.Soort?
        /// Only documents of the dossier with this crebo, if set.
        var dossier: String?
    }

    /// Runs a query. `filter` selects documents (soort, dossier) before ranking.
    ///
    /// Terms are intersected one by one: the first term's documents are the candidates, each
    /// further term keeps the candidates it also matches and adds its BM25 score (its document
    /// frequency counted among the candidates). Frequencies and scores are accumulated in
    /// dense per-document arrays borrowed from ``scratch`` rather than in dictionaries: with
    /// 500 dossiers a common word has tens of thousands of postings, and hashing each of them
    /// was most of a query's time. Only the requested page is put in order (a bounded
    /// selection, not a sort of every hit).
    func search(
        terms queryTerms: [String], filter: Filter, offset: Int, limit: Int
    ) -> Result {
        guard !queryTerms.isEmpty else { return Result(hits: [], total: 0, matchedTerms: []) }
        // A crebo no document has matches nothing (-2 is no document's number).
        let dossier = filter.dossier.map { dossierNumbers[$0] ?? -2 }
        let scratch = scratchPool.take(documentCount: documents.count)
        defer { scratchPool.give(scratch) }
        var matched = Set<String>()
        let documentCount = Double(documents.count)
        // The candidates: documents that matched every term so far; their scores are in
        // `scratch.scores`, and `scratch.marks` holds `generation` for each of them.
        var candidates: [Int32] = []
        var generation = scratch.nextGeneration()
        for (position, term) in queryTerms.enumerated() {
            let ids = expansion(of: term, asPrefix: position == queryTerms.count - 1)
            for id in ids { matched.insert(terms[Int(id)]) }
            // Term frequency per document, summed over the term's expansions.
            var touched: [Int32] = []
            scratch.frequencies.withUnsafeMutableBufferPointer { frequencies in
                scratch.marks.withUnsafeBufferPointer { marks in
                    for id in ids {
                        for posting in postings[Int(id)] {
                            let document = Int(posting.document)
                            if position > 0, marks[document] != generation { continue }
                            if frequencies[document] == 0 { touched.append(posting.document) }
                            frequencies[document] += posting.frequency
                        }
                    }
                }
            }
            let documentFrequency = Double(touched.count)
            let idf = log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))
            let nextGeneration = scratch.nextGeneration()
            for document in touched {
                let index = Int(document)
                let tf = Double(scratch.frequencies[index])
                scratch.frequencies[index] = 0
                let norm = 1 - Self.b + Self.b * Double(documentLengths[index]) / averageLength
                let termScore = idf * tf * (Self.k1 + 1) / (tf + Self.k1 * norm)
                scratch.scores[index] = (position > 0 ? scratch.scores[index] : 0) + termScore
                scratch.marks[index] = nextGeneration
            }
            generation = nextGeneration
            candidates = touched
            if candidates.isEmpty { break }
        }
        var ranked = TopHits(count: offset + limit)
        var total = 0
        for document in candidates {
            let index = Int(document)
            if let soort = filter.soort, soortOf[index] != soort { continue }
            if let dossier, dossierOf[index] != dossier { continue }
            total += 1
            ranked.offer(Hit(document: Int(document), score: scratch.scores[Int(document)]))
        }
        let hits = ranked.sorted()
        let page = offset < hits.count ? Array(hits[offset..<min(hits.count, offset + limit)]) : []
        return Result(hits: page, total: total, matchedTerms: matched)
    }

    /// Per-query working arrays, one slot per document, reused across queries: allocating and
    /// zeroing them per query would cost more than the query with a large catalog.
    private let scratchPool = ScratchPool()
}

/// Working arrays for one query at a time (see ``SearchIndex/search(terms:filter:offset:limit:)``).
///
/// `frequencies` is all zeros between queries (a query resets what it touched); `marks` and
/// `scores` need no reset: an entry counts only while its mark equals the current generation.
///
/// `@unchecked Sendable` is sound because one query at a time uses a scratch: the
/// ``ScratchPool`` hands it out and takes it back under its lock.
final class SearchScratch: @unchecked Sendable {
    var frequencies: [Float]
    var scores: [Double]
    var marks: [UInt32]
    private var generation: UInt32 = 0

    init(documentCount: Int) {
        frequencies = Array(repeating: 0, count: documentCount)
        scores = Array(repeating: 0, count: documentCount)
        marks = Array(repeating: 0, count: documentCount)
    }

    /// A generation no mark has yet.
    func nextGeneration() -> UInt32 {
        if generation == UInt32.max {
            generation = 0
            for index in marks.indices { marks[index] = 0 }
        }
        generation += 1
        return generation
    }
}

/// A few ``SearchScratch``es shared by the event loops; a query takes one and gives it back.
final class ScratchPool: Sendable {
    private let free = Mutex<[SearchScratch]>([])

    func take(documentCount: Int) -> SearchScratch {
        free.withLock { $0.popLast() } ?? SearchScratch(documentCount: documentCount)
    }

    func give(_ scratch: SearchScratch) {
        free.withLock { $0.append(scratch) }
    }
}

/// The best `count` hits offered, best first: score descending, then document order (so equal
/// queries give equal pages on every replica).
///
/// Offers are collected until there are a few times `count`, then sorted and cut to `count`;
/// from then on an offer no better than the worst kept is dropped at once. With tens of
/// thousands of hits for a page of ten, almost every offer ends at that comparison.
struct TopHits {
    private let count: Int
    private var hits: [SearchIndex.Hit] = []
    /// The worst hit kept once `hits` holds `count` sorted ones.
    private var cutoff: SearchIndex.Hit?

    init(count: Int) {
        self.count = count
    }

    static func isBetter(_ left: SearchIndex.Hit, than right: SearchIndex.Hit) -> Bool {
        left.score != right.score ? left.score > right.score : left.document < right.document
    }

    mutating func offer(_ hit: SearchIndex.Hit) {
        guard count > 0 else { return }
        if let cutoff, !Self.isBetter(hit, than: cutoff) { return }
        hits.append(hit)
        if hits.count >= max(count * 4, 256) { prune() }
    }

    /// The hits kept, best first (at most `count`).
    mutating func sorted() -> [SearchIndex.Hit] {
        prune()
        return hits
    }

    private mutating func prune() {
        hits.sort(by: Self.isBetter)
        if hits.count >= count {
            hits.removeLast(hits.count - count)
            cutoff = hits.last
        }
    }
}
