/// The size limits the request parser enforces, in one place (RFC 9112 §2.3, §3, §5;
/// RFC 9110 §15.5.14, §15.5.15; RFC 6585 §5).
///
/// A limit exceeded is reported as a ``ParseError`` with the status the RFCs name for it;
/// the parser never buffers more than these limits allow for one request.
public struct ParserLimits: Sendable, Equatable {
    /// The longest request target accepted; longer → 414 URI Too Long.
    public var maxRequestTargetLength: Int
    /// The most bytes of header field lines (including the final empty line) accepted;
    /// more → 431 Request Header Fields Too Large. Chunked trailers count against it too.
    public var maxHeaderSectionSize: Int
    /// The most header field lines accepted; more → 431.
    public var maxHeaderFieldCount: Int
    /// The largest request content accepted (after de-chunking); larger → 413 Content Too
    /// Large, and the connection closes because the rest of the body is not read.
    public var maxBodySize: Int

    /// Creates limits; the defaults are those of the server (8 KiB target, 16 KiB / 100
    /// header fields, 1 MiB body).
    public init(
        maxRequestTargetLength: Int = 8 * 1024,
        maxHeaderSectionSize: Int = 16 * 1024,
        maxHeaderFieldCount: Int = 100,
        maxBodySize: Int = 1024 * 1024
    ) {
        self.maxRequestTargetLength = maxRequestTargetLength
        self.maxHeaderSectionSize = maxHeaderSectionSize
        self.maxHeaderFieldCount = maxHeaderFieldCount
        self.maxBodySize = maxBodySize
    }

    /// The longest request line accepted: the target limit plus room for a method, two
    /// spaces, the version and CRLF. Bounding the line (not just the target) lets the parser
    /// refuse a line that never ends without buffering it.
    var maxRequestLineLength: Int { maxRequestTargetLength + ParserLimits.requestLineSlack }

    /// Room on a request line beyond the target: a method of up to 52 bytes, two spaces,
    /// `HTTP/1.1` and CRLF.
    static let requestLineSlack = 64

    /// The longest method that decides, in an over-long request line, between "the target is
    /// too long" (414) and "this is not a request line" (400).
    static let maxMethodLength = 52

    /// The longest chunk-size line (size plus extensions, RFC 9112 §7.1.1) accepted; a
    /// server may bound extensions and this one has no use for them.
    static let maxChunkSizeLineLength = 4096

    /// The most empty lines ignored before a request line (RFC 9112 §2.2 asks servers to
    /// ignore at least one).
    static let maxLeadingEmptyLines = 8
}
