/// Why a request could not be parsed, and with which status to answer it.
///
/// After any parse error the server answers with `status` and closes the connection: once
/// framing is in doubt, the next request's first byte cannot be found (RFC 9112 §11.2), and
/// over-limit messages were not read to their end. The words of the answer are not here:
/// they come from the application's ``ProblemVocabulary``
/// (``ServerProblem/malformedRequest(_:)``).
public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public enum Kind: Equatable, Sendable, CaseIterable {
        /// The request line is not `method SP target SP version` (RFC 9112 §3).
        case invalidRequestLine
        /// The method is not a token (RFC 9110 §9.1).
        case invalidMethod
        /// The target has a character outside the URI grammar or fits no target form
        /// (RFC 9112 §3.2).
        case invalidTarget
        /// The version is not `HTTP/DIGIT.DIGIT` (RFC 9112 §2.3).
        case invalidVersion
        /// A well-formed version other than HTTP/1.x (RFC 9110 §15.6.6).
        case unsupportedVersion
        /// The target exceeds ``ParserLimits/maxRequestTargetLength`` (RFC 9110 §15.5.15).
        case targetTooLong
        /// The header section exceeds ``ParserLimits/maxHeaderSectionSize`` (RFC 6585 §5).
        case headerSectionTooLarge
        /// More than ``ParserLimits/maxHeaderFieldCount`` field lines (RFC 6585 §5).
        case tooManyHeaderFields
        /// A line ends in a bare LF, or a CR stands alone (RFC 9112 §2.2).
        case invalidLineEnding
        /// A field line has no colon, an empty name, a non-token name, or whitespace before
        /// the colon (RFC 9112 §5.1).
        case invalidFieldName
        /// A field value has a control character (RFC 9110 §5.5).
        case invalidFieldValue
        /// A field line starts with whitespace: obsolete line folding, or whitespace before
        /// the first field (RFC 9112 §2.2, §5.2).
        case obsoleteLineFolding
        /// An HTTP/1.1 request without `Host` (RFC 9112 §3.2).
        case missingHost
        /// More than one `Host` line (RFC 9112 §3.2).
        case multipleHosts
        /// A `Host` value that is not `host[:port]` (RFC 9110 §7.2).
        case invalidHost
        /// A `Content-Length` that is not a decimal number, or several that differ
        /// (RFC 9112 §6.3 item 5).
        case invalidContentLength
        /// Both `Content-Length` and `Transfer-Encoding`: a smuggling attempt until proven
        /// otherwise (RFC 9112 §6.1, §6.3 item 3).
        case contentLengthWithTransferEncoding
        /// `Transfer-Encoding` in an HTTP/1.0 request: framing is faulty (RFC 9112 §6.1).
        case transferEncodingInHTTP10
        /// A transfer coding other than `chunked` (RFC 9112 §6.1, RFC 9110 §15.6.2).
        case unsupportedTransferCoding
        /// `chunked` is not the final coding, appears twice, or the field is empty
        /// (RFC 9112 §6.3 item 4, §7).
        case invalidTransferEncoding
        /// A chunk-size line that is not hex digits with optional extensions (RFC 9112 §7.1).
        case invalidChunkSize
        /// Chunk data not followed by CRLF (RFC 9112 §7.1).
        case invalidChunkFraming
        /// A malformed trailer field line (RFC 9112 §7.1.2).
        case invalidTrailer
        /// The content exceeds ``ParserLimits/maxBodySize`` (RFC 9110 §15.5.14).
        case contentTooLarge
    }

    /// What was wrong.
    public let kind: Kind

    /// Creates an error of a kind.
    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// The status to answer with: 414, 431, 413, 501 and 505 where the RFCs name them,
    /// 400 for everything else.
    public var status: HTTPStatus {
        switch kind {
        case .targetTooLong: return .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaderFields: return .requestHeaderFieldsTooLarge
        case .contentTooLarge: return .contentTooLarge
        case .unsupportedTransferCoding: return .notImplemented
        case .unsupportedVersion: return .httpVersionNotSupported
        default: return .badRequest
        }
    }

    /// The kind and status, for logs and test failures.
    public var description: String { "\(kind) (\(status.code))" }
}
