/// RFC 3986 §5.2.4 `remove_dot_segments` over a raw request path, so that a path written with
/// `.` and `..` segments reaches the resource its normalised form names (§6.2.2.3), as the
/// percent-encoded forms of a path already do through the router.
///
/// Clients resolve dot segments before sending (curl and browsers do), so this runs only after
/// the path-only lookup has missed, and costs a scan of the path when there is nothing to
/// remove. A segment is a dot segment after decoding `%2E` (§6.2.2.2: `.` is unreserved).
/// Nothing can climb above the root (`/../a` is `/a`), and the static files check their own
/// allow-list whatever the path.
enum DotSegments {
    /// The path without its dot segments, or `nil` when it has none (the common case: no
    /// allocation).
    static func removed(from path: String) -> String? {
        guard path.hasPrefix("/"), hasDotSegment(path) else { return nil }
        var output: [Substring] = []
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch kind(of: segment.utf8) {
            case .current:
                // `/a/.` is `/a/`: the segment goes, the slash before it stays.
                if isLast { output.append("") }
            case .parent:
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            case .other:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }

    private enum Kind { case current, parent, other }

    private static func kind(of segment: Substring.UTF8View) -> Kind {
        var dots = 0
        var bytes = segment
        while let byte = bytes.first {
            if byte == UInt8(ascii: ".") {
                bytes.removeFirst()
            } else if byte == UInt8(ascii: "%"), bytes.count >= 3,
                bytes.dropFirst().first == UInt8(ascii: "2"),
                bytes.dropFirst(2).first.map({ $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) == true
            {
                bytes.removeFirst(3)
            } else {
                return .other
            }
            dots += 1
            if dots > 2 { return .other }
        }
        switch dots {
        case 1: return .current
        case 2: return .parent
        default: return .other
        }
    }

    private static func hasDotSegment(_ path: String) -> Bool {
        for segment in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            guard let first = segment.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "%") else {
                continue
            }
            if kind(of: segment) != .other { return true }
        }
        return false
    }
}
