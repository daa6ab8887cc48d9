/// The four forms of a request target (RFC 9112 §3.2), split into path and query.
///
/// Only the split is done here: the path stays percent-encoded, because decoding before
/// splitting into segments would turn `%2F` into a segment separator (RFC 3986 §2.4).
struct RequestTarget: Equatable {
    /// The form the target was written in.
    enum Form: Equatable {
        /// `/path?query`, the usual form (RFC 9112 §3.2.1).
        case origin
        /// `http://host/path?query`, as sent to proxies; servers must accept it too
        /// (RFC 9112 §3.2.2).
        case absolute
        /// `host:port`, only for `CONNECT` (RFC 9112 §3.2.3).
        case authority
        /// `*`, only for a server-wide `OPTIONS` (RFC 9112 §3.2.4).
        case asterisk
    }

    let form: Form
    /// The path, still percent-encoded; `/` for an absolute-form target without one, the
    /// authority for authority-form, `*` for asterisk-form.
    let path: String
    /// The query without its `?`, or `nil` when there is no `?`.
    let query: String?

    /// Splits a target, or returns `nil` when it fits none of the forms. Characters are not
    /// checked here (the parser has done that); only the structure is.
    static func parse(_ target: UnsafeRawBufferPointer, method: HTTPMethod) -> RequestTarget? {
        guard let first = target.first else { return nil }
        if first == ASCII.slash {
            return split(target, from: 0, form: .origin)
        }
        if target.count == 1, first == UInt8(ascii: "*") {
            // RFC 9112 §3.2.4: asterisk-form is only used for a server-wide OPTIONS.
            return method == .options ? RequestTarget(form: .asterisk, path: "*", query: nil) : nil
        }
        if method == .connect {
            // RFC 9112 §3.2.3: authority-form (`host:port`), nothing else.
            guard !target.contains(ASCII.slash), !target.contains(ASCII.questionMark) else { return nil }
            return RequestTarget(form: .authority, path: String(decoding: target, as: UTF8.self), query: nil)
        }
        // RFC 9112 §3.2.2: absolute-form; this server only speaks http(s), so any other
        // scheme is not a resource it has.
        let schemeEnd: Int
        if hasPrefixIgnoringCase(target, "http://") {
            schemeEnd = 7
        } else if hasPrefixIgnoringCase(target, "https://") {
            schemeEnd = 8
        } else {
            return nil
        }
        var index = schemeEnd
        while index < target.count, target[index] != ASCII.slash, target[index] != ASCII.questionMark {
            index += 1
        }
        // RFC 9110 §4.2.1: an http URI with an empty host is invalid.
        guard index > schemeEnd else { return nil }
        if index == target.count {
            return RequestTarget(form: .absolute, path: "/", query: nil)
        }
        if target[index] == ASCII.questionMark {
            let query = String(
                decoding: UnsafeRawBufferPointer(rebasing: target[(index + 1)...]), as: UTF8.self)
            return RequestTarget(form: .absolute, path: "/", query: query)
        }
        return split(target, from: index, form: .absolute)
    }

    /// Splits a string target (for requests built in code rather than parsed).
    static func parse(_ target: String, method: HTTPMethod) -> RequestTarget? {
        var target = target
        return target.withUTF8 { parse(UnsafeRawBufferPointer($0), method: method) }
    }

    private static func split(_ target: UnsafeRawBufferPointer, from start: Int, form: Form) -> RequestTarget
    {
        let rest = UnsafeRawBufferPointer(rebasing: target[start...])
        if let mark = rest.firstIndex(of: ASCII.questionMark) {
            return RequestTarget(
                form: form,
                path: String(decoding: UnsafeRawBufferPointer(rebasing: rest[..<mark]), as: UTF8.self),
                query: String(decoding: UnsafeRawBufferPointer(rebasing: rest[(mark + 1)...]), as: UTF8.self))
        }
        return RequestTarget(form: form, path: String(decoding: rest, as: UTF8.self), query: nil)
    }

    private static func hasPrefixIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ prefix: StaticString) -> Bool
    {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return prefix.withUTF8Buffer { ASCII.equalsIgnoringCase(bytes[..<count], $0) }
    }
}
