/// Collects routes, then freezes them into a ``Router``.
///
/// ```swift
/// var routes = RouterBuilder()
/// routes.add(.get, "/api/v1/dossiers/{crebo}") { request, parameters in ... }
/// let router = try routes.build(fallback: staticFiles)
/// ```
/// Conflicts (the same method twice on equivalent patterns, parameters named differently
/// at one position, malformed templates) are reported by ``build(fallback:)``, so a bad
/// table stops start-up rather than shadowing a route at run time.
public struct RouterBuilder {
    /// What a route runs: the request and its captured parameters in, a response out.
    public typealias Handler = @Sendable (HTTPRequest, RouteParameters) -> HTTPResponse

    private struct Route {
        var method: HTTPMethod
        var template: String
        /// Segments to match literally, for paths that are not templates (file names may
        /// hold braces); `nil` for a template.
        var literalSegments: [String]?
        var handler: Handler
    }

    private var routes: [Route] = []

    /// Creates an empty table.
    public init() {}

    /// Adds a route. `HEAD` need not be added: a `GET` route answers it (without content).
    public mutating func add(_ method: HTTPMethod, _ template: String, handler: @escaping Handler) {
        routes.append(Route(method: method, template: template, literalSegments: nil, handler: handler))
    }

    /// Adds a route for exactly these (decoded) segments, none of them a parameter: how
    /// ``StaticFiles`` lists its files.
    mutating func add(_ method: HTTPMethod, literalSegments segments: [String], handler: @escaping Handler) {
        let template = "/" + segments.joined(separator: "/")
        routes.append(Route(method: method, template: template, literalSegments: segments, handler: handler))
    }

    /// Freezes the table. `fallback` answers paths no route matches (e.g. static files);
    /// without one they get a 404 problem.
    public func build(fallback: (any HTTPResponder)? = nil) throws(RoutingError) -> Router {
        let root = MutableNode()
        for route in routes {
            let segments: [RoutePattern.Segment]
            if let literal = route.literalSegments {
                segments = literal.map(RoutePattern.Segment.literal)
            } else {
                segments = try RoutePattern(route.template).segments
            }
            var node = root
            for segment in segments {
                switch segment {
                case .literal(let text):
                    if let child = node.literals[text] {
                        node = child
                    } else {
                        let child = MutableNode()
                        node.literals[text] = child
                        node = child
                    }
                case .parameter(let name):
                    if let existing = node.parameter {
                        guard existing.name == name else {
                            throw .conflictingParameterNames(existing.template, route.template)
                        }
                        node = existing.node
                    } else {
                        let child = MutableNode()
                        node.parameter = (name, route.template, child)
                        node = child
                    }
                }
            }
            guard node.handlers[route.method] == nil else {
                throw .duplicateRoute(route.method, route.template)
            }
            node.handlers[route.method] = route.handler
            node.template = node.template ?? route.template
        }
        return Router(root: root.frozen(), fallback: fallback)
    }

    /// The table while it is built; frozen into immutable ``Router/Node``s.
    private final class MutableNode {
        var literals: [String: MutableNode] = [:]
        var parameter: (name: String, template: String, node: MutableNode)?
        var handlers: [HTTPMethod: Handler] = [:]
        var template: String?

        func frozen() -> Router.Node {
            Router.Node(
                literals: literals.mapValues { $0.frozen() },
                parameter: parameter.map { Router.Node.ParameterEdge(name: $0.name, node: $0.node.frozen()) },
                handlers: handlers)
        }
    }
}
