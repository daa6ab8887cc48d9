/// Choosing between a response's identity and gzip representations for one request
/// (RFC 9110 §12.5.3, proactive negotiation), as a step of the ``ResponsePipeline``.
///
/// A response is negotiable when it has a gzip representation: a prepared one that is
/// ``PreparedResponse/isNegotiable`` (its representation may still be in the making, or may
/// not have paid: then identity is the only one), or a dynamic one large enough to compress
/// per request (``ServerTuning/dynamicCompressionThreshold``). Only those vary with `Accept-Encoding`, and
/// only those carry `Vary: Accept-Encoding` (RFC 9110 §12.5.5), in both representations and
/// in their 304s. Any other response is the same whatever the request says, which RFC 9110
/// §12.1 allows ("disregard the header field"), so it never answers 406 and needs no `Vary`.
enum ContentNegotiation {
    /// What the pipeline does after negotiating.
    enum Outcome: Equatable {
        /// The response is not negotiable: send it as it is.
        case fixed
        /// Send the response as it is now: the identity or the prepared gzip representation,
        /// chosen by `Accept-Encoding`.
        case negotiated
        /// The response's headers now describe its gzip representation; compress the body
        /// once the preconditions are known to let it through (not for a 304).
        case compress
        /// No representation is acceptable: 406 (RFC 9110 §15.5.7).
        case notAcceptable
    }

    /// Negotiates `response` for `request` (GET and HEAD 2xx only: other methods' answers
    /// here are not representations of the target).
    @inline(__always)
    static func negotiate(
        _ response: inout HTTPResponse, for request: HTTPRequest, dynamicThreshold: Int
    ) -> Outcome {
        guard request.method == .get || request.method == .head else { return .fixed }
        switch response.storage {
        case .prepared(let prepared, let extra):
            // The hot path: one scan of the request's fields, no allocation.
            guard prepared.isNegotiable else { return .fixed }
            let accept = AcceptEncoding(request.headers)
            // No Accept-Encoding: identity, without even loading the representation.
            guard accept.isPresent else { return .negotiated }
            // A deferred representation not made yet, or one that did not pay: identity only.
            let gzipped = prepared.gzipped
            switch accept.choice(gzipAvailable: gzipped != nil) {
            case .identity: return .negotiated
            case .gzip:
                if let gzipped { response.storage = .prepared(gzipped, extraHeaders: extra) }
                return .negotiated
            case .none: return .notAcceptable
            }
        case .dynamic(let status, var headers, let body):
            guard (200..<300).contains(status.code), !status.forbidsContent, body.count >= dynamicThreshold,
                !headers.contains("Content-Encoding"), MediaType.isCompressible(headers["Content-Type"])
            else { return .fixed }
            let choice = AcceptEncoding(request.headers).choice(gzipAvailable: true)
            if choice == .none { return .notAcceptable }
            addVary(to: &headers)
            if choice == .gzip { headers = gzipFields(from: headers) }
            response.storage = .dynamic(status: status, headers: headers, body: body)
            return choice == .gzip ? .compress : .negotiated
        case .problem:
            return .fixed
        }
    }

    /// Compresses the body of a response whose headers ``negotiate(_:for:dynamicThreshold:)``
    /// set for gzip; if zlib fails, the identity representation instead (its tag back, no
    /// `Content-Encoding`, `Vary` kept).
    static func compressBody(of response: inout HTTPResponse) {
        guard case .dynamic(let status, let headers, let body) = response.storage else { return }
        if let compressed = body.withUnsafeBytes({ Gzip.compress($0, level: Gzip.dynamicLevel) }) {
            response.storage = .dynamic(status: status, headers: headers, body: HTTPBody(compressed))
            return
        }
        var identity = headers
        identity.remove(name: "Content-Encoding")
        if let tag = identity["ETag"], tag.hasSuffix("-gzip\"") {
            identity["ETag"] = String(tag.dropLast(6)) + "\""
        }
        response.storage = .dynamic(status: status, headers: identity, body: body)
    }

    /// Adds `Vary: Accept-Encoding` unless a `Vary` field already names it or `*`.
    static func addVary(to headers: inout HTTPFields) {
        for value in headers.values(for: "Vary")
        where ASCII.list(value.utf8, containsToken: "accept-encoding".utf8)
            || ASCII.list(value.utf8, containsToken: "*".utf8)
        {
            return
        }
        headers.append(name: "Vary", value: "Accept-Encoding")
    }

    /// The fields of the gzip representation: the identity's, its `ETag` derived
    /// (``EntityTag/coded(_:coding:)``, dropped if the identity tag is malformed), and
    /// `Content-Encoding: gzip`.
    static func gzipFields(from identity: HTTPFields) -> HTTPFields {
        var fields: [HTTPFields.Field] = []
        for field in identity {
            if ASCII.equalsIgnoringCase(field.name, "ETag") {
                guard let coded = EntityTag.coded(field.value, coding: "gzip") else { continue }
                fields.append(HTTPFields.Field(name: field.name, value: coded))
            } else {
                fields.append(field)
            }
        }
        fields.append(HTTPFields.Field(name: "Content-Encoding", value: "gzip"))
        return HTTPFields(fields)
    }
}
