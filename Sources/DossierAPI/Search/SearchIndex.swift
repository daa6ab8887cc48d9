import Foundation
import Synchronization

/// An inverted index over every text of every loaded dossier, ranked with BM25F and match
/// classes.
///
/// Built once at start-up and immutable afterwards, so any number of requests read it at
/// once. The one shared mutable thing is the pool of per-query scratch arrays
/// (``ScratchPool``): a query holds its lock only to take one and to give it back. Matching is case- and diacritic-insensitive (``TextFolding``), Dutch-aware
/// (a term also matches the words that share its ``DutchStemmer`` stem), every term must match
/// and the last term also matches as a prefix, for type-ahead.
///
/// ## Scoring
///
/// A hit's score is its match class times a bound, plus its BM25F score.
///
/// - **BM25F** (Robertson and Zaragoza's per-field BM25): per field, a term's frequency is
///   divided by that field's length normalisation `1 - b + b · length / average`, where the
///   average is over the fields of the same name (titles against titles, gedrag lines against
///   gedrag lines), then weighted (heading fields 3, body text 1) and summed over the fields
///   into one pseudo-frequency `tf` per term and document. That is saturated once:
///   `idf · tf · (k1 + 1) / (tf + k1)`, summed over the query terms. Plain BM25 normalised by
///   the whole item's length, so a one-line gedrag bullet that mentions a word outscored the
///   werkproces with that word in its title and a long omschrijving beside it; per field,
///   the title is measured against other titles only. The pseudo-frequencies do not depend on
///   the query, so they are computed here, once.
/// - **Match class**, which decides before BM25F does: 2 when the query's words are exactly
///   the words of the item's code, crebo or whole title (`B1-K1`, `25712`, `Dienstverlening`),
///   1 when every query term matches in a heading field (title, code, crebo), 0 otherwise. It
///   enters the score as `class · U`, with `U = Σ idf · (k1 + 1)` over the query terms: more
///   than BM25F can give any document for this query, so a higher class always ranks first
///   and the scores stay in the order of the hits.
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

    /// A term in one document.
    private struct Posting: Sendable {
        /// The document's number; the top bit is set when the term occurs in one of the
        /// document's heading fields (packed: the postings are most of the index's memory).
        var packed: UInt32
        /// The BM25F pseudo-frequency: weighted and length-normalised per field, summed.
        var frequency: Float

        static let headingBit: UInt32 = 1 << 31

        var document: Int { Int(packed & ~Self.headingBit) }
    }

    /// A term in one field of one document, while the index is built: its field's length
    /// and kind are only known once the field is read, the averages once every field is.
    private struct FieldPosting {
        var document: Int32
        /// The field's number among every field read (``init(documents:)``'s `fieldLengths`).
        var field: Int32
        var count: Float
    }

    /// Fields are normalised against the average length of fields of the same kind.
    private struct FieldKind: Hashable {
        var name: String
        var role: SearchDocument.Field.Role
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
    /// The folded words of a heading field, joined by spaces (`b1 k1`, `25712`,
    /// `dienstverlening`) → the documents with a heading of exactly those words.
    private let exactHeadings: [String: [Int32]]
    /// Each document's soort and dossier, compact, for filtering without touching the
    /// documents themselves (copying a ``SearchDocument`` retains each of its strings).
    private let soortOf: [SearchDocument.Soort]
    private let dossierOf: [Int32]
    /// Dossier crebo → the number `dossierOf` uses for it (-1: no dossier).
    private let dossierNumbers: [String: Int32]

    // BM25 constants: the usual defaults.
    private static let k1 = 1.2
    private static let b = 0.75
    /// BM25F field weights: a word in a title, code or crebo counts three times a word of text.
    private static let headingWeight = 3.0
    private static let bodyWeight = 1.0

    init(documents: [SearchDocument]) {
        self.documents = documents
        var table = TermTable()
        var terms: [String] = []
        var fieldPostings: [[FieldPosting]] = []
        // Per field read: its length in tokens and its kind.
        var fieldLengths: [Float] = []
        var fieldKinds: [Int32] = []
        var kindNumbers: [FieldKind: Int32] = [:]
        var kindRoles: [SearchDocument.Field.Role] = []
        var exactHeadings: [String: [Int32]] = [:]
        // Per term, its count in the field being indexed (zero outside it), and the terms the
        // field has touched: a dense array, not a dictionary per field.
        var counts: [Float] = []
        var touched: [Int32] = []
        var words: [UInt8] = []
        for (index, document) in documents.enumerated() {
            let documentNumber = Int32(index)
            for field in document.fields {
                let kindKey = FieldKind(name: field.name, role: field.role)
                let kind =
                    kindNumbers[kindKey]
                    ?? {
                        let number = Int32(kindRoles.count)
                        kindNumbers[kindKey] = number
                        kindRoles.append(field.role)
                        return number
                    }()
                let isHeading = field.role == .heading
                var length: Float = 0
                words.removeAll(keepingCapacity: true)
                Tokenizer.forEachToken(in: field.text) { folded, _ in
                    // A lone combining mark folds to nothing; an empty term would match
                    // everything as a prefix.
                    guard !folded.isEmpty else { return }
                    let (id, isNew) = table.id(for: folded)
                    if isNew {
                        terms.append(String(decoding: folded, as: UTF8.self))
                        fieldPostings.append([])
                        counts.append(0)
                    }
                    if counts[Int(id)] == 0 { touched.append(id) }
                    counts[Int(id)] += 1
                    length += 1
                    if isHeading {
                        if !words.isEmpty { words.append(UInt8(ascii: " ")) }
                        words.append(contentsOf: folded)
                    }
                }
                let fieldNumber = Int32(fieldLengths.count)
                fieldLengths.append(length)
                fieldKinds.append(kind)
                // Documents are indexed in order, so every postings list is in document order.
                for id in touched {
                    fieldPostings[Int(id)].append(
                        FieldPosting(document: documentNumber, field: fieldNumber, count: counts[Int(id)]))
                    counts[Int(id)] = 0
                }
                touched.removeAll(keepingCapacity: true)
                if isHeading, !words.isEmpty {
                    let key = String(decoding: words, as: UTF8.self)
                    if exactHeadings[key]?.last != documentNumber {
                        exactHeadings[key, default: []].append(documentNumber)
                    }
                }
            }
        }
        // The average length of each kind of field, then each field's BM25F factor:
        // weight / (1 - b + b · length / average).
        var kindLengths = [Double](repeating: 0, count: kindRoles.count)
        var kindCounts = [Double](repeating: 0, count: kindRoles.count)
        for (field, length) in fieldLengths.enumerated() {
            kindLengths[Int(fieldKinds[field])] += Double(length)
            kindCounts[Int(fieldKinds[field])] += 1
        }
        let averages = zip(kindLengths, kindCounts).map { max($0 / max($1, 1), 1) }
        let factors: [Float] = fieldLengths.indices.map { field in
            let kind = Int(fieldKinds[field])
            let weight = kindRoles[kind] == .heading ? Self.headingWeight : Self.bodyWeight
            let norm = 1 - Self.b + Self.b * Double(fieldLengths[field]) / averages[kind]
            return Float(weight / norm)
        }
        // Merge each term's field postings into one posting per document, releasing them
        // term by term so that both never take memory whole.
        var postings: [[Posting]] = []
        postings.reserveCapacity(fieldPostings.count)
        for id in fieldPostings.indices {
            var merged: [Posting] = []
            merged.reserveCapacity(fieldPostings[id].count)
            for entry in fieldPostings[id] {
                let inHeading = kindRoles[Int(fieldKinds[Int(entry.field)])] == .heading
                let frequency = entry.count * factors[Int(entry.field)]
                let bit = inHeading ? Posting.headingBit : 0
                if let last = merged.last, last.document == Int(entry.document) {
                    merged[merged.count - 1] = Posting(
                        packed: last.packed | bit, frequency: last.frequency + frequency)
                } else {
                    merged.append(Posting(packed: UInt32(entry.document) | bit, frequency: frequency))
                }
            }
            postings.append(merged)
            fieldPostings[id] = []
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
        self.exactHeadings = exactHeadings
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
    }

    /// The folded query terms of `text`; empty when it has nothing searchable (a lone
    /// combining mark is a token with no letters: it is no term).
    static func queryTerms(_ text: String) -> [String] {
        Tokenizer.tokens(text).map(\.folded).filter { !$0.isEmpty }
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
    /// further term keeps the candidates it also matches and adds its BM25F score (its document
    /// frequency counted among the candidates) and whether it matched in a heading. The scores
    /// are described at ``SearchIndex``. Frequencies and scores are accumulated in dense
    /// per-document arrays borrowed from ``scratch`` rather than in dictionaries: with 500
    /// dossiers a common word has tens of thousands of postings, and hashing each of them was
    /// most of a query's time. Only the requested page is put in order (a bounded selection,
    /// not a sort of every hit).
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
        // The most BM25F can give a document for this query (see the match classes).
        var bound = 0.0
        // The candidates: documents that matched every term so far; their scores are in
        // `scratch.scores`, whether every term so far matched in a heading in
        // `scratch.inHeadings`, and `scratch.marks` holds `generation` for each of them.
        var candidates: [Int32] = []
        var generation = scratch.nextGeneration()
        for (position, term) in queryTerms.enumerated() {
            let ids = expansion(of: term, asPrefix: position == queryTerms.count - 1)
            for id in ids { matched.insert(terms[Int(id)]) }
            // Pseudo-frequency per document, summed over the term's expansions, and whether
            // any of them is in a heading.
            var touched: [Int32] = []
            scratch.frequencies.withUnsafeMutableBufferPointer { frequencies in
                scratch.headings.withUnsafeMutableBufferPointer { headings in
                    scratch.marks.withUnsafeBufferPointer { marks in
                        for id in ids {
                            for posting in postings[Int(id)] {
                                let document = posting.document
                                if position > 0, marks[document] != generation { continue }
                                if frequencies[document] == 0 { touched.append(Int32(document)) }
                                frequencies[document] += posting.frequency
                                // Heading postings are few: most postings skip this write.
                                if posting.packed & Posting.headingBit != 0 { headings[document] = 1 }
                            }
                        }
                    }
                }
            }
            let documentFrequency = Double(touched.count)
            let idf = log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))
            bound += idf * (Self.k1 + 1)
            let nextGeneration = scratch.nextGeneration()
            for document in touched {
                let index = Int(document)
                let tf = Double(scratch.frequencies[index])
                scratch.frequencies[index] = 0
                let termScore = idf * tf * (Self.k1 + 1) / (tf + Self.k1)
                scratch.scores[index] = (position > 0 ? scratch.scores[index] : 0) + termScore
                let inHeading = scratch.headings[index]
                scratch.headings[index] = 0
                scratch.inHeadings[index] = position > 0 ? scratch.inHeadings[index] & inHeading : inHeading
                scratch.marks[index] = nextGeneration
            }
            generation = nextGeneration
            candidates = touched
            if candidates.isEmpty { break }
        }
        let exact = Set(exactHeadings[queryTerms.joined(separator: " ")] ?? [])
        var ranked = TopHits(count: offset + limit)
        var total = 0
        for document in candidates {
            let index = Int(document)
            if let soort = filter.soort, soortOf[index] != soort { continue }
            if let dossier, dossierOf[index] != dossier { continue }
            total += 1
            let matchClass = !exact.isEmpty && exact.contains(document) ? 2 : Int(scratch.inHeadings[index])
            ranked.offer(Hit(document: index, score: scratch.scores[index] + Double(matchClass) * bound))
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
/// `frequencies` and `headings` are all zeros between queries (a query resets what it
/// touched); `marks`, `inHeadings` and `scores` need no reset: an entry counts only while its mark equals the current generation.
///
/// `@unchecked Sendable` is sound because one query at a time uses a scratch: the
/// ``ScratchPool`` hands it out and takes it back under its lock.
final class SearchScratch: @unchecked Sendable {
    var frequencies: [Float]
    /// 1 where the current term matched in a heading (all zeros between terms, like
    /// `frequencies`).
    var headings: [UInt8]
    /// 1 where every term so far matched in a heading.
    var inHeadings: [UInt8]
    var scores: [Double]
    var marks: [UInt32]
    private var generation: UInt32 = 0

    init(documentCount: Int) {
        frequencies = Array(repeating: 0, count: documentCount)
        headings = Array(repeating: 0, count: documentCount)
        inHeadings = Array(repeating: 0, count: documentCount)
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
