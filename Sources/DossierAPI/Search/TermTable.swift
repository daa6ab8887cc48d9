#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Folded tokens → term ids, looked up by their bytes.
///
/// Building the index looks up every token of every text (millions with 500 dossiers); a
/// `[String: Int32]` would first make a `String` of each token and then hash it with SipHash.
/// This table hashes the folded bytes as the tokenizer produces them (FNV-1a, no seed: the
/// keys are the dossiers' own words, not requests) and makes a `String` once per distinct term.
struct TermTable {
    /// Per slot, a term id plus one; 0 is an empty slot. The count is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 1 << 12)
    /// Per term: its hash, and where its bytes are in `bytes`.
    private var hashes: [UInt64] = []
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []

    /// The number of distinct terms.
    var count: Int { hashes.count }

    /// The id of the term with these bytes, adding it if it is new.
    mutating func id(for term: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == hash, matches(id, term) { return (Int32(id), false) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        hashes.append(hash)
        bytes.append(contentsOf: term)
        starts.append(bytes.count)
        slots[slot] = Int32(id + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (Int32(id), true)
    }

    /// The id of the term with these bytes, if the table has it (nothing is added).
    func id(of term: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if hashes[id] == hash, matches(id, term) { return Int32(id) }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == term.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            term.isEmpty || memcmp(all.baseAddress! + start, term.baseAddress!, term.count) == 0
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(id + 1)
        }
        slots = larger
    }

    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        // Mix the high bits down: slots are chosen by the low ones.
        return hash ^ (hash >> 29)
    }
}
