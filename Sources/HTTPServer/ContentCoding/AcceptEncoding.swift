/// What a request's `Accept-Encoding` (RFC 9110 §12.5.3) says about the two content codings
/// this server can send, gzip and identity, read in one pass over the field lines without
/// allocating.
///
/// The rules, in RFC 9110's words where it has them:
/// - No `Accept-Encoding` field: any coding would be acceptable (§12.5.3), but a client that
///   does not say gzip may not decode it (curl without `--compressed`), so identity is sent.
/// - An empty field (or one with no valid element): "does not want any content coding"
///   (§12.5.3): identity.
/// - Codings are case-insensitive (§8.4.1); `x-gzip` is `gzip` (§8.4.1.3). Unknown codings
///   (`br`, `zstd`, `deflate`, ...) are valid but never available here, so they only matter in
///   that they are "explicitly listed" for `*`, which changes nothing for gzip or identity.
/// - `q` is a weight from 0 to 1 with up to three decimals (§12.4.2); a missing weight is 1;
///   q=0 means "not acceptable".
/// - `*` stands for every coding not listed, identity included (§12.5.3).
/// - identity is acceptable unless `identity;q=0`, or `*;q=0` without an `identity` entry
///   (§12.5.3).
/// - A coding listed twice takes its highest weight: the client knows the coding either way,
///   and the higher weight never turns an acceptable answer into a 406.
/// - An element that is not `token [ OWS ";" OWS "q=" qvalue ]` (a weight above 1, four
///   decimals, other parameters, a space inside a name) is ignored on its own (the rest of the
///   list still counts). Ignoring it can only lead to identity, which every client decodes,
///   never to a coding the client did not name.
///
/// The choice: gzip when it is available and acceptable and weighs at least as much as
/// identity (at equal weight the smaller representation wins; an identity that is only
/// acceptable by default weighs less than any listed coding); otherwise identity if it is
/// acceptable; otherwise no representation is acceptable: 406 (§15.5.7).
struct AcceptEncoding: Equatable {
    /// Weights in thousandths (0...1000); `nil` where the field does not list the coding.
    private(set) var gzip: Int16?
    private(set) var identity: Int16?
    private(set) var any: Int16?
    /// Whether the request has an `Accept-Encoding` field at all.
    private(set) var isPresent = false

    /// The chosen representation's coding.
    enum Choice: Equatable {
        case identity
        case gzip
        /// Neither is acceptable: 406 Not Acceptable.
        case none
    }

    /// Reads every `Accept-Encoding` line of `fields` (several lines are one list, RFC 9110 §5.3).
    init(_ fields: HTTPFields) {
        for field in fields {
            let name = field.name.utf8
            guard name.count == 15, ASCII.equalsIgnoringCase(name, "accept-encoding".utf8) else { continue }
            isPresent = true
            var value = field.value
            value.withUTF8 { read($0) }
        }
    }

    /// A field value alone (for tests).
    init(value: String) {
        isPresent = true
        var value = value
        value.withUTF8 { read($0) }
    }

    /// The weight of gzip: its own entry, else `*`'s, else 0 (not listed: not acceptable).
    var gzipWeight: Int16 { gzip ?? any ?? 0 }

    /// The weight of identity: its own entry, else `*`'s, else acceptable by default, which
    /// weighs less than any listed coding (1 thousandth, with ties going to gzip).
    var identityWeight: Int16 { identity ?? any ?? 1 }

    /// The coding to send when the representations `gzipAvailable` says are there.
    func choice(gzipAvailable: Bool) -> Choice {
        guard isPresent else { return .identity }
        if gzipAvailable, gzipWeight > 0, gzipWeight >= identityWeight { return .gzip }
        if identityWeight > 0 { return .identity }
        return .none
    }

    // MARK: - Parsing

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let end = bytes.count
        while index < end {
            var elementEnd = index
            while elementEnd < end, bytes[elementEnd] != ASCII.comma { elementEnd += 1 }
            element(bytes, from: index, to: elementEnd)
            index = elementEnd + 1
        }
    }

    /// One list element, `codings [ weight ]`; ignored if it is not one.
    private mutating func element(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        var low = start
        var high = end
        while low < high, ASCII.isWhitespace(bytes[low]) { low += 1 }
        while high > low, ASCII.isWhitespace(bytes[high - 1]) { high -= 1 }
        // RFC 9110 §5.6.1: empty elements are allowed and ignored.
        guard low < high else { return }
        var nameEnd = low
        while nameEnd < high, ASCII.isTokenCharacter(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd > low else { return }
        var weight: Int16 = 1000
        var rest = nameEnd
        while rest < high, ASCII.isWhitespace(bytes[rest]) { rest += 1 }
        if rest < high {
            guard bytes[rest] == ASCII.semicolon else { return }
            rest += 1
            while rest < high, ASCII.isWhitespace(bytes[rest]) { rest += 1 }
            guard let parsed = Self.qvalue(bytes, from: rest, to: high) else { return }
            weight = parsed
        }
        let name = UnsafeBufferPointer(rebasing: bytes[low..<nameEnd])
        if ASCII.equalsIgnoringCase(name, "gzip".utf8) || ASCII.equalsIgnoringCase(name, "x-gzip".utf8) {
            gzip = max(gzip ?? 0, weight)
        } else if ASCII.equalsIgnoringCase(name, "identity".utf8) {
            identity = max(identity ?? 0, weight)
        } else if name.count == 1, name[0] == UInt8(ascii: "*") {
            any = max(any ?? 0, weight)
        }
    }

    /// `("q" / "Q") "=" qvalue` filling exactly `start..<end` (RFC 9110 §12.4.2): `0`, `0.` to
    /// `0.999`, `1`, `1.` to `1.000`; in thousandths, or `nil` if it is anything else.
    private static func qvalue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int16? {
        guard end - start >= 3, ASCII.lowercased(bytes[start]) == UInt8(ascii: "q"),
            bytes[start + 1] == UInt8(ascii: "=")
        else { return nil }
        let first = bytes[start + 2]
        guard first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        var value = Int16(first - UInt8(ascii: "0")) * 1000
        var index = start + 3
        guard index < end else { return value }
        guard bytes[index] == UInt8(ascii: "."), end - index <= 4 else { return nil }
        index += 1
        var scale: Int16 = 100
        while index < end {
            let digit = bytes[index]
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value += Int16(digit - UInt8(ascii: "0")) * scale
            scale /= 10
            index += 1
        }
        return value <= 1000 ? value : nil
    }
}
