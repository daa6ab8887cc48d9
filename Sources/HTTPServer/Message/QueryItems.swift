/// Parsing of a request's query (RFC 3986 §3.4) as `name=value` pairs separated by `&`, the
/// `application/x-www-form-urlencoded` convention browsers and curl use: `+` is a space and
/// `%XX` escapes are decoded (WHATWG URL Standard §5.1).
public enum QueryItems {
    /// The decoded pairs in request order; a name without `=` has an empty value; empty pieces
    /// (`a=1&&b=2`) are skipped. `nil` when an escape is malformed or decodes to invalid
    /// UTF-8, so that the caller answers 400 rather than guessing.
    public static func parse(_ query: String?) -> [(name: String, value: String)]? {
        parse(query, only: nil)
    }

    /// The decoded pairs whose name is one of `names`, in request order. Every other piece is
    /// skipped, so an application's unknown parameters (`utm_source`, a cache buster `_=…`,
    /// even one with a malformed escape) never make a request fail. `nil` when a kept piece's
    /// escape is malformed or decodes to invalid UTF-8.
    public static func parse(_ query: String?, names: Set<String>) -> [(name: String, value: String)]? {
        parse(query, only: names)
    }

    /// `names`: the names to keep, or `nil` for every piece.
    private static func parse(_ query: String?, only names: Set<String>?) -> [(name: String, value: String)]?
    {
        guard let query, !query.isEmpty else { return [] }
        var items: [(name: String, value: String)] = []
        for piece in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { piece[..<$0] } ?? piece[...]
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? piece[piece.endIndex...]
            let name = decode(rawName)
            if let names {
                // A name that does not decode is none of the names asked for.
                guard let name, names.contains(name) else { continue }
            }
            guard let name, let value = decode(rawValue) else { return nil }
            items.append((name, value))
        }
        return items
    }

    private static func decode(_ component: Substring.UTF8View.SubSequence) -> String? {
        let spaced = component.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }
        guard let bytes = PercentDecoding.decode(spaced) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
