/// A route's path template, e.g. `/api/v1/dossiers/{crebo}`: literal segments and
/// `{name}` parameters, each a whole segment.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    /// One segment of a pattern.
    public enum Segment: Sendable, Hashable {
        /// Matches exactly this text (after percent-decoding the request's segment).
        case literal(String)
        /// Matches any one segment and captures it under this name.
        case parameter(String)
    }

    /// The segments, in order; empty for `/`.
    public let segments: [Segment]
    /// The template as written.
    public let description: String

    /// Parses a template. It must start with `/`; a parameter is a whole segment
    /// `{name}`; braces anywhere else are refused, as are duplicate parameter names.
    public init(_ template: String) throws(RoutingError) {
        guard template.hasPrefix("/") else { throw .invalidPattern(template) }
        var segments: [Segment] = []
        var names: Set<String> = []
        for part in RoutePattern.split(Substring(template)) {
            if part.hasPrefix("{"), part.hasSuffix("}"), part.count > 2 {
                let name = String(part.dropFirst().dropLast())
                guard !name.contains("{"), !name.contains("}"), names.insert(name).inserted else {
                    throw .invalidPattern(template)
                }
                segments.append(.parameter(name))
            } else {
                guard !part.contains("{"), !part.contains("}") else { throw .invalidPattern(template) }
                segments.append(.literal(String(part)))
            }
        }
        self.segments = segments
        self.description = template
    }

    /// The segments of a path: `/` has none; otherwise the parts between slashes, empty ones
    /// included (so `/a/` is `a` then an empty segment and differs from `/a`).
    static func split(_ path: Substring) -> [Substring] {
        if path == "/" || path.isEmpty { return [] }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
    }
}
