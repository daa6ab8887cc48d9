/// Why a route table could not be built. Found at start-up, so a bad table never serves.
public enum RoutingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The template does not start with `/`, or has stray braces or a repeated parameter.
    case invalidPattern(String)
    /// The same method was added twice for patterns that match the same paths.
    case duplicateRoute(HTTPMethod, String)
    /// Two patterns put differently named parameters at the same position, so one of the
    /// names would silently never be set.
    case conflictingParameterNames(String, String)

    /// A sentence naming the offending routes.
    public var description: String {
        switch self {
        case .invalidPattern(let pattern): return "invalid route pattern '\(pattern)'"
        case .duplicateRoute(let method, let pattern): return "duplicate route \(method) \(pattern)"
        case .conflictingParameterNames(let first, let second):
            return "routes '\(first)' and '\(second)' name the same parameter differently"
        }
    }
}
