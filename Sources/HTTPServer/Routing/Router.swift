/// A frozen route table: immutable after ``RouterBuilder/build(fallback:)``, so lookups
/// take no lock and it is `Sendable` by construction.
///
/// Matching goes path first, then method (RFC 9110 §15.5.6):
/// - a literal segment beats a parameter at the same position (with backtracking, so
///   `/a/{x}/c` still matches `/a/b/c` when `/a/b` leads nowhere);
/// - a matched path without a handler for the method → 405 with `Allow`, except that HEAD
///   runs the GET handler (the server drops the content) and OPTIONS answers 204 with
///   `Allow` (RFC 9110 §9.3.7);
/// - an unmatched path → the fallback responder, or a 404 problem;
/// - a path whose escapes do not decode → a 400 problem.
///
/// Its problems are ``HTTPResponse/init(problem:headers:)``: the server puts them into the
/// configured words, with the request path as `instance`. A method the server does not know
/// never reaches a responder (the ``ResponsePipeline`` answers 501), so the router does not
/// decide that too.
public struct Router: HTTPResponder {
    /// One position in the trie of segments.
    final class Node: Sendable {
        struct ParameterEdge: Sendable {
            let name: String
            let node: Node
        }

        let literals: [String: Node]
        let parameter: ParameterEdge?
        let handlers: [HTTPMethod: RouterBuilder.Handler]
        /// The methods this path allows, in `Allow` order; empty for a path with no routes.
        let allowed: [HTTPMethod]
        /// `allowed` as an `Allow` field value.
        let allowFieldValue: String

        init(
            literals: [String: Node], parameter: ParameterEdge?, handlers: [HTTPMethod: RouterBuilder.Handler]
        ) {
            self.literals = literals
            self.parameter = parameter
            self.handlers = handlers
            var allowed = Set(handlers.keys)
            if !allowed.isEmpty {
                if allowed.contains(.get) { allowed.insert(.head) }
                allowed.insert(.options)
            }
            self.allowed = allowed.sorted {
                (HTTPMethod.allowOrder($0), $0.rawValue) < (HTTPMethod.allowOrder($1), $1.rawValue)
            }
            self.allowFieldValue = self.allowed.map(\.rawValue).joined(separator: ", ")
        }
    }

    private let root: Node
    private let fallback: (any HTTPResponder)?

    init(root: Node, fallback: (any HTTPResponder)?) {
        self.root = root
        self.fallback = fallback
    }

    /// Answers a request: the matched route's handler, 405/OPTIONS for a known path, the
    /// fallback for an unknown one.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "*" {
            // RFC 9110 §9.3.7: `OPTIONS *` asks about the server as a whole.
            return HTTPResponse(status: .noContent, headers: ["Allow": "GET, HEAD, OPTIONS"])
        }
        guard let segments = Router.decodedSegments(request.path) else {
            return HTTPResponse(problem: .malformedPath)
        }
        var parameters = RouteParameters()
        guard let node = Router.match(segments[...], from: root, parameters: &parameters) else {
            if let fallback { return fallback.respond(to: request) }
            return HTTPResponse(problem: .notFound)
        }
        if let handler = node.handlers[request.method]
            ?? (request.method == .head ? node.handlers[.get] : nil)
        {
            return handler(request, parameters)
        }
        if request.method == .options {
            return HTTPResponse(status: .noContent, headers: ["Allow": node.allowFieldValue])
        }
        return HTTPResponse(problem: .methodNotAllowed, headers: ["Allow": node.allowFieldValue])
    }

    /// The methods a path allows (with HEAD for GET, and OPTIONS), or `nil` when no route
    /// matches it: what a CORS layer needs to answer a preflight.
    public func allowedMethods(forPath path: String) -> [HTTPMethod]? {
        guard let segments = Router.decodedSegments(path) else { return nil }
        var parameters = RouteParameters()
        return Router.match(segments[...], from: root, parameters: &parameters)?.allowed
    }

    /// The path's segments, percent-decoded (RFC 3986 §2.1), or `nil` when an escape is
    /// malformed or decodes to invalid UTF-8. Decoding per segment keeps `%2F` inside its
    /// segment instead of turning it into a separator.
    static func decodedSegments(_ path: String) -> [String]? {
        var segments: [String] = []
        for part in RoutePattern.split(Substring(path)) {
            guard let decoded = PercentDecoding.decodeString(part) else { return nil }
            segments.append(decoded)
        }
        return segments
    }

    /// Finds the node for the remaining segments, preferring literals and backtracking to
    /// the parameter edge when the literal branch leads to no route.
    private static func match(
        _ segments: ArraySlice<String>, from node: Node, parameters: inout RouteParameters
    ) -> Node? {
        guard let segment = segments.first else {
            return node.allowed.isEmpty ? nil : node
        }
        let rest = segments.dropFirst()
        if let literal = node.literals[segment],
            let found = match(rest, from: literal, parameters: &parameters)
        {
            return found
        }
        // A parameter captures a non-empty segment: `/dossiers/` is not `/dossiers/{crebo}`.
        if let edge = node.parameter, !segment.isEmpty {
            parameters.append(name: edge.name, value: segment)
            if let found = match(rest, from: edge.node, parameters: &parameters) { return found }
            parameters.removeLast()
        }
        return nil
    }
}
