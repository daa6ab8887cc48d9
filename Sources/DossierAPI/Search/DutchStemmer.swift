/// The Snowball Dutch stemmer (snowballstem.org/algorithms/dutch/stemmer.html), so that a
/// search for `klant` also finds `klanten` and `werkzaamheden` finds `werkzaamheid`.
///
/// Works on folded ASCII tokens (``TextFolding`` has already removed the diacritics the
/// algorithm's first step removes); a token with other characters is returned unchanged.
enum DutchStemmer {
    static func stem(_ token: String) -> String {
        var word = Array(token.utf8)
        guard word.count > 2, word.allSatisfy({ $0 < 0x80 }) else { return token }
        markConsonantalVowels(&word)
        let (r1, r2) = regions(word)
        var removedE = false

        // Step 1
        if word.hasSuffix("heden") {
            if word.count - 5 >= r1 { word.replaceSuffix(5, with: "heid") }
        } else if word.hasSuffix("ene") || word.hasSuffix("en") {
            let length = word.hasSuffix("ene") ? 3 : 2
            if word.count - length >= r1, isValidEnEnding(word, before: word.count - length) {
                word.removeLast(length)
                undouble(&word)
            }
        } else if word.hasSuffix("se") || word.hasSuffix("s") {
            let length = word.hasSuffix("se") ? 2 : 1
            let at = word.count - length
            if at >= r1, at > 0, !isVowel(word[at - 1]), word[at - 1] != UInt8(ascii: "j") {
                word.removeLast(length)
            }
        }

        // Step 2
        if stepTwo(&word, r1: r1) { removedE = true }

        // Step 3a
        if word.hasSuffix("heid"), word.count - 4 >= r2,
            word.count < 5 || word[word.count - 5] != UInt8(ascii: "c")
        {
            word.removeLast(4)
            if word.hasSuffix("en"), word.count - 2 >= r1, isValidEnEnding(word, before: word.count - 2) {
                word.removeLast(2)
                undouble(&word)
            }
        }

        // Step 3b
        if word.hasSuffix("end") || word.hasSuffix("ing") {
            if word.count - 3 >= r2 {
                word.removeLast(3)
                if word.hasSuffix("ig"), word.count - 2 >= r2,
                    word.count < 3 || word[word.count - 3] != UInt8(ascii: "e")
                {
                    word.removeLast(2)
                } else {
                    undouble(&word)
                }
            }
        } else if word.hasSuffix("ig") {
            if word.count - 2 >= r2, word.count < 3 || word[word.count - 3] != UInt8(ascii: "e") {
                word.removeLast(2)
            }
        } else if word.hasSuffix("lijk") {
            if word.count - 4 >= r2 {
                word.removeLast(4)
                _ = stepTwo(&word, r1: r1)
            }
        } else if word.hasSuffix("baar") {
            if word.count - 4 >= r2 { word.removeLast(4) }
        } else if word.hasSuffix("bar") {
            if word.count - 3 >= r2, removedE { word.removeLast(3) }
        }

        // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant.
        let n = word.count
        if n >= 4 {
            let c = word[n - 4], v1 = word[n - 3], v2 = word[n - 2], d = word[n - 1]
            if !isVowel(c), v1 == v2, "aeou".utf8.contains(v1), !isVowel(d), d != UInt8(ascii: "I") {
                word.remove(at: n - 2)
            }
        }

        for index in word.indices {
            if word[index] == UInt8(ascii: "I") { word[index] = UInt8(ascii: "i") }
            if word[index] == UInt8(ascii: "Y") { word[index] = UInt8(ascii: "y") }
        }
        return String(decoding: word, as: UTF8.self)
    }

    private static func isVowel(_ byte: UInt8) -> Bool {
        "aeiouy".utf8.contains(byte)
    }

    /// Initial `y`, `y` after a vowel and `i` between vowels act as consonants: upper-case them.
    private static func markConsonantalVowels(_ word: inout [UInt8]) {
        if word.first == UInt8(ascii: "y") { word[0] = UInt8(ascii: "Y") }
        for index in 1..<word.count where isVowel(word[index - 1]) {
            if word[index] == UInt8(ascii: "y") {
                word[index] = UInt8(ascii: "Y")
            } else if word[index] == UInt8(ascii: "i"), index + 1 < word.count, isVowel(word[index + 1]) {
                word[index] = UInt8(ascii: "I")
            }
        }
    }

    private static func regions(_ word: [UInt8]) -> (Int, Int) {
        func regionStart(from start: Int) -> Int {
            var index = max(start, 1)
            while index < word.count {
                if !isVowel(word[index]) && isVowel(word[index - 1]) { return index + 1 }
                index += 1
            }
            return word.count
        }
        let r1 = max(regionStart(from: 1), 3)
        let r2 = regionStart(from: regionStart(from: 1) + 1)
        return (r1, r2)
    }

    private static func isValidEnEnding(_ word: [UInt8], before end: Int) -> Bool {
        guard end > 0, !isVowel(word[end - 1]) else { return false }
        return !(end >= 3 && word[(end - 3)..<end].elementsEqual("gem".utf8))
    }

    private static func undouble(_ word: inout [UInt8]) {
        if word.hasSuffix("kk") || word.hasSuffix("dd") || word.hasSuffix("tt") { word.removeLast() }
    }

    /// Deletes a final `e` in R1 after a non-vowel; reports whether it did.
    private static func stepTwo(_ word: inout [UInt8], r1: Int) -> Bool {
        let at = word.count - 1
        guard word.last == UInt8(ascii: "e"), at >= r1, at > 0, !isVowel(word[at - 1]) else { return false }
        word.removeLast()
        undouble(&word)
        return true
    }
}

extension [UInt8] {
    fileprivate func hasSuffix(_ suffix: String) -> Bool {
        let tail = suffix.utf8
        return count >= tail.count && self[(count - tail.count)...].elementsEqual(tail)
    }

    fileprivate mutating func replaceSuffix(_ length: Int, with replacement: String) {
        removeLast(length)
        append(contentsOf: replacement.utf8)
    }
}
