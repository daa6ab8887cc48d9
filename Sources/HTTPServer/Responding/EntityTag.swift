/// Entity tags (RFC 9110 §8.8.3): making strong ones from content, and matching
/// `If-Match` and `If-None-Match` against them.
public enum EntityTag {
    /// A strong entity tag derived from the bytes alone: the first 128 bits of their SHA-256,
    /// in hex, quoted. The same bytes give the same tag on every replica and after every
    /// restart, so caches stay valid across deployments.
    public static func strong<Bytes: Collection<UInt8>>(for bytes: Bytes) -> String {
        "\"" + Hex.encode(SHA256.digest(bytes).prefix(16)) + "\""
    }

    /// The tag of a content-coded representation, made from the identity representation's
    /// tag and the coding: `"1f0c…"` → `"1f0c…-gzip"` (`W/` kept).
    ///
    /// Each representation needs its own tag (RFC 9110 §8.8.3: a strong tag names one sequence
    /// of bytes; a cache that stored the gzip bytes must not be told it holds the identity
    /// ones). Deriving it from the identity tag rather than from the compressed bytes keeps it
    /// the same on every replica and after a zlib upgrade, whose deflate output may differ:
    /// the decoded content, the only thing a client can compare, is the same. (Byte ranges,
    /// the one use that would see a difference, are not served.) `nil` when `etag` is not a
    /// quoted entity-tag.
    public static func coded(_ etag: String, coding: String) -> String? {
        let utf8 = etag.utf8
        let opaqueStart = etag.hasPrefix("W/") ? 2 : 0
        guard utf8.count >= opaqueStart + 2, utf8.last == ASCII.quote,
            utf8.dropFirst(opaqueStart).first == ASCII.quote
        else { return nil }
        return String(etag.dropLast()) + "-" + coding + "\""
    }

    /// Whether an `If-None-Match` field value matches `etag` (RFC 9110 §13.1.2): `*`
    /// matches any current representation; otherwise any listed tag that is equal under the
    /// weak comparison (§8.8.3.2: `W/` prefixes ignored) matches. A value that is not a list
    /// of entity-tags is invalid and ignored (§13.1.2), so it matches nothing.
    public static func ifNoneMatch(_ fieldValue: String, matches etag: String) -> Bool {
        let current = opaqueTag(Substring(etag))
        return anyListed(in: fieldValue) { opaque, _ in opaque == current }
    }

    /// Whether an `If-Match` field value holds for the current representation, whose tag is
    /// `etag` (`nil` when the response has none) (RFC 9110 §13.1.1): `*` matches any current
    /// representation; otherwise a listed tag must be equal under the strong comparison
    /// (§8.8.3.2: neither tag weak, same opaque-tag), so a weak tag never matches.
    ///
    /// A value that is not a list of entity-tags does not hold: the client asked for a
    /// condition that cannot be shown true, and doing the request anyway is what `If-Match`
    /// exists to prevent.
    public static func ifMatch(_ fieldValue: String, matches etag: String?) -> Bool {
        guard let etag, !etag.hasPrefix("W/") else {
            return anyListed(in: fieldValue) { _, _ in false }
        }
        let current = Substring(etag)
        return anyListed(in: fieldValue) { opaque, isWeak in !isWeak && opaque == current }
    }

    /// Walks a field value that is `*` or a comma-separated list of entity-tags (RFC 9110
    /// §13.1.1, §13.1.2): true at `*`, or as soon as `matches` accepts a listed tag (given
    /// as its quoted opaque part and whether it was `W/`); false at the end of the list or
    /// at the first thing that is not an entity-tag.
    private static func anyListed(
        in fieldValue: String, where matches: (_ opaque: Substring, _ isWeak: Bool) -> Bool
    ) -> Bool {
        var rest = Substring(fieldValue)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            if rest.isEmpty { return false }
            if rest.first == "*" { return true }
            var candidate = rest
            let isWeak = candidate.hasPrefix("W/")
            if isWeak { candidate = candidate.dropFirst(2) }
            guard candidate.first == "\"",
                let closing = candidate.dropFirst().firstIndex(of: "\"")
            else { return false }
            if matches(candidate[candidate.startIndex...closing], isWeak) { return true }
            rest = candidate[candidate.index(after: closing)...]
        }
    }

    /// The quoted part of a tag, without any `W/` prefix.
    private static func opaqueTag(_ tag: Substring) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}
