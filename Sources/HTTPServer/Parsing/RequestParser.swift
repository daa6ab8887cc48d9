/// An incremental HTTP/1.1 request parser (RFC 9112): bytes in, requests out, no I/O.
///
/// Append bytes as they arrive, then call ``next()`` until it says ``ParseResult/needMoreData``:
/// every complete request buffered so far comes out in order (pipelining, RFC 9112 §9.3.2).
/// The parser never buffers more than ``ParserLimits`` allow for one request, so a client
/// cannot make it grow without bound; an error is final, because after one the boundary of
/// the next request is unknown (RFC 9112 §11.2).
///
/// Results do not depend on how the bytes were split into appends: the same bytes fed at
/// once or one at a time give the same requests and the same error status. The fuzz target
/// checks exactly that.
public struct RequestParser: Sendable {
    /// The limits this parser enforces.
    public let limits: ParserLimits

    /// Received bytes; those before `start` are consumed.
    private var buffer: [UInt8] = []
    private var start = 0
    private var state: State = .head(HeadScan())
    /// The head being read for now carries `Expect: 100-continue` (HTTP/1.1, with content).
    private var expectsContinue = false
    /// A byte of the current request's content has arrived (so the client is sending it).
    private var hasContentArrived = false

    private enum State: Sendable {
        case head(HeadScan)
        case fixedBody(RequestHead, length: Int)
        case chunkedBody(RequestHead, ChunkedBodyDecoder, body: [UInt8])
        /// Failed for good; `path` is the failed request's, if its request line was read.
        case failed(ParseError, path: String?)
    }

    /// How a request's content is delimited (RFC 9112 §6.3).
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    /// Progress through a request head that has not fully arrived. Offsets are relative to
    /// `start`, so compacting the buffer does not disturb them.
    private struct HeadScan: Sendable {
        /// Where to resume looking for line feeds.
        var cursor = 0
        /// Where the current line starts.
        var lineStart = 0
        /// Empty lines skipped before the request line.
        var leadingEmptyLines = 0
        /// The parsed request line, once its line feed has arrived.
        var requestLine: RequestLine?
        /// Where the field lines start (just after the request line's LF).
        var fieldsStart = 0
        /// Field lines seen so far.
        var fieldLines = 0
    }

    /// The parts of a request line (RFC 9112 §3).
    struct RequestLine: Sendable {
        var method: HTTPMethod
        var target: String
        var path: String
        var query: String?
        var version: HTTPVersion
    }

    /// A parsed head waiting for its content.
    struct RequestHead: Sendable {
        var line: RequestLine
        var fields: HTTPFields
    }

    /// Creates a parser with the given limits.
    public init(limits: ParserLimits = ParserLimits()) {
        self.limits = limits
    }

    /// Whether part of a request has been received but not yet returned: bytes buffered or
    /// content in progress. The server runs the request timeout while this is true and the
    /// idle timeout while it is false.
    public var hasPartialRequest: Bool {
        switch state {
        case .head: return start < buffer.count
        case .fixedBody, .chunkedBody, .failed: return true
        }
    }

    /// Whether the client waits for `100 Continue` before it sends this request's content: the
    /// head said `Expect: 100-continue` (RFC 9110 §10.1.1), it is HTTP/1.1 (an HTTP/1.0
    /// request's expectation is ignored), and none of the content has arrived yet. A server
    /// that says nothing leaves such a client waiting its own timeout (curl: 1 s) first.
    public var awaitsContinue: Bool {
        expectsContinue && !hasContentArrived
    }

    /// The number of received bytes not yet consumed.
    public var bufferedByteCount: Int { buffer.count - start }

    /// The path of the request being received, once its request line has been read, also
    /// after the request failed: what an answer about it (a parse error, a timeout) names
    /// as its `instance`. `nil` between requests and when the request line itself is bad.
    public var pathInProgress: String? {
        switch state {
        case .head(let scan): return scan.requestLine?.path
        case .fixedBody(let head, _), .chunkedBody(let head, _, _): return head.line.path
        case .failed(_, let path): return path
        }
    }

    /// Appends received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
        noteContent()
    }

    /// Appends received bytes.
    public mutating func append<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        compact()
        buffer.append(contentsOf: bytes)
        noteContent()
    }

    private mutating func noteContent() {
        switch state {
        case .fixedBody, .chunkedBody: if start < buffer.count { hasContentArrived = true }
        case .head, .failed: break
        }
    }

    /// Drops consumed bytes before appending, keeping the buffer's capacity when it is
    /// modest so a keep-alive connection does not reallocate per request.
    private mutating func compact() {
        guard start > 0 else { return }
        if start == buffer.count {
            if buffer.capacity > 64 * 1024 {
                buffer = []
            } else {
                buffer.removeAll(keepingCapacity: true)
            }
            start = 0
        } else if start >= 4096 || start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    /// Returns the next complete request, or says more bytes are needed, or why the bytes
    /// are not a request.
    public mutating func next() -> ParseResult {
        while true {
            switch state {
            case .failed(let error, _):
                return .failure(error)

            case .head(var scan):
                let (start, limits) = (self.start, self.limits)
                let step = buffer.withUnsafeBytes { all in
                    Self.scanHead(
                        UnsafeRawBufferPointer(rebasing: all[start...]), scan: &scan, limits: limits)
                }
                switch step {
                case .needMoreData:
                    state = .head(scan)
                    return .needMoreData
                case .failure(let error):
                    return fail(error, path: scan.requestLine?.path)
                case .complete(let line, let headLength):
                    let fieldsRange = (start + scan.fieldsStart)..<(start + headLength - 2)
                    let fieldCount = scan.fieldLines
                    let parsed = buffer.withUnsafeBytes { all in
                        Self.parseFields(
                            UnsafeRawBufferPointer(rebasing: all[fieldsRange]), line: line,
                            fieldCount: fieldCount,
                            limits: limits)
                    }
                    self.start += headLength
                    switch parsed {
                    case .failure(let error):
                        return fail(error, path: line.path)
                    case .success(let (head, framing)):
                        switch framing {
                        case .none, .length(0):
                            state = .head(HeadScan())
                            return .request(Self.makeRequest(head, body: []))
                        case .length(let length):
                            state = .fixedBody(head, length: length)
                        case .chunked:
                            state = .chunkedBody(head, ChunkedBodyDecoder(), body: [])
                        }
                        expectsContinue =
                            head.line.version == .http1_1
                            && head.fields.containsToken("100-continue", inField: "Expect")
                        hasContentArrived = self.start < buffer.count
                    }
                }

            case .fixedBody(let head, let length):
                guard buffer.count - start >= length else { return .needMoreData }
                let body = Array(buffer[start..<(start + length)])
                start += length
                state = .head(HeadScan())
                expectsContinue = false
                return .request(Self.makeRequest(head, body: body))

            case .chunkedBody(let head, var decoder, var body):
                // Release the state's copy of the body so appending to it does not copy.
                state = .failed(ParseError(.invalidChunkFraming), path: head.line.path)
                let (start, limits) = (self.start, self.limits)
                let (consumed, outcome) = buffer.withUnsafeBytes { all in
                    decoder.decode(
                        UnsafeRawBufferPointer(rebasing: all[start...]), into: &body, limits: limits)
                }
                self.start += consumed
                switch outcome {
                case .needMoreData:
                    state = .chunkedBody(head, decoder, body: body)
                    return .needMoreData
                case .failure(let error):
                    return fail(error, path: head.line.path)
                case .complete:
                    state = .head(HeadScan())
                    expectsContinue = false
                    return .request(Self.makeRequest(head, body: body))
                }
            }
        }
    }

    private mutating func fail(_ error: ParseError, path: String?) -> ParseResult {
        state = .failed(error, path: path)
        expectsContinue = false
        // Nothing after an error is ever read; drop it.
        buffer = []
        start = 0
        return .failure(error)
    }

    private static func makeRequest(_ head: RequestHead, body: [UInt8]) -> HTTPRequest {
        HTTPRequest(
            method: head.line.method, target: head.line.target, path: head.line.path, query: head.line.query,
            version: head.line.version, headers: head.fields, body: body)
    }

    // MARK: - Head

    private enum HeadStep {
        case needMoreData
        case failure(ParseError)
        /// The head is complete: `headLength` bytes from `start`, ending in CRLF CRLF.
        case complete(RequestLine, headLength: Int)
    }

    /// Looks for the end of the head, line by line, checking every limit as soon as the
    /// bytes that break it have arrived (and in an order that does not depend on how the
    /// bytes were split).
    private static func scanHead(
        _ bytes: UnsafeRawBufferPointer, scan: inout HeadScan, limits: ParserLimits
    ) -> HeadStep {
        while true {
            let lineFeed = FieldLine.indexOfLineFeed(in: bytes, from: scan.cursor)
            // The length of the current line up to its LF, or up to what has arrived.
            let reach = (lineFeed ?? bytes.count - 1) + 1
            if scan.requestLine != nil {
                if reach - scan.fieldsStart > limits.maxHeaderSectionSize {
                    return .failure(ParseError(.headerSectionTooLarge))
                }
            } else if reach - scan.lineStart > limits.maxRequestLineLength {
                return .failure(
                    overlongRequestLine(UnsafeRawBufferPointer(rebasing: bytes[scan.lineStart...])))
            }
            guard let lineFeed else {
                scan.cursor = bytes.count
                return .needMoreData
            }
            // RFC 9112 §2.2: a bare LF is not a line ending here. Accepting it would let this
            // server and a lenient proxy in front of it disagree on where fields end.
            guard lineFeed > scan.lineStart, bytes[lineFeed - 1] == ASCII.cr else {
                return .failure(ParseError(.invalidLineEnding))
            }
            let line = UnsafeRawBufferPointer(rebasing: bytes[scan.lineStart..<(lineFeed - 1)])
            let next = lineFeed + 1
            scan.cursor = next
            scan.lineStart = next
            if let requestLine = scan.requestLine {
                if line.isEmpty {
                    return .complete(requestLine, headLength: next)
                }
                scan.fieldLines += 1
                if scan.fieldLines > limits.maxHeaderFieldCount {
                    return .failure(ParseError(.tooManyHeaderFields))
                }
            } else if line.isEmpty {
                // RFC 9112 §2.2: ignore a few empty lines before the request line.
                scan.leadingEmptyLines += 1
                if scan.leadingEmptyLines > ParserLimits.maxLeadingEmptyLines {
                    return .failure(ParseError(.invalidRequestLine))
                }
            } else {
                switch parseRequestLine(line, limits: limits) {
                case .failure(let error): return .failure(error)
                case .success(let requestLine):
                    scan.requestLine = requestLine
                    scan.fieldsStart = next
                }
            }
        }
    }

    /// Classifies a request line that is longer than any valid one: a method followed by a
    /// space means the target is the long part (414); otherwise it is not a request line.
    private static func overlongRequestLine(_ line: UnsafeRawBufferPointer) -> ParseError {
        let prefix = line.prefix(ParserLimits.maxMethodLength + 1)
        if let space = prefix.firstIndex(of: ASCII.space), space > prefix.startIndex,
            prefix[prefix.startIndex..<space].allSatisfy(ASCII.isTokenCharacter)
        {
            return ParseError(.targetTooLong)
        }
        return ParseError(.invalidRequestLine)
    }

    /// Parses `method SP request-target SP HTTP-version` (RFC 9112 §3), strictly: exactly
    /// one space between parts (§3 allows a server to be that strict, and lenient splitting
    /// is another desync vector).
    private static func parseRequestLine(
        _ line: UnsafeRawBufferPointer, limits: ParserLimits
    ) -> Result<RequestLine, ParseError> {
        guard let firstSpace = line.firstIndex(of: ASCII.space) else {
            return .failure(ParseError(.invalidRequestLine))
        }
        let methodBytes = UnsafeRawBufferPointer(rebasing: line[..<firstSpace])
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(ASCII.isTokenCharacter) else {
            return .failure(ParseError(.invalidMethod))
        }
        let afterMethod = firstSpace + 1
        guard let secondSpace = line[afterMethod...].firstIndex(of: ASCII.space) else {
            // `GET /` without a version is HTTP/0.9, which is long gone (RFC 9112 §2.3).
            return .failure(ParseError(.invalidRequestLine))
        }
        let targetBytes = UnsafeRawBufferPointer(rebasing: line[afterMethod..<secondSpace])
        guard !targetBytes.isEmpty else { return .failure(ParseError(.invalidRequestLine)) }
        if targetBytes.count > limits.maxRequestTargetLength {
            return .failure(ParseError(.targetTooLong))
        }
        // RFC 3986 characters only: visible ASCII, no fragment (RFC 9112 §3.2). Anything
        // else (space, controls, raw UTF-8) means the client did not encode the URI.
        for byte in targetBytes where byte < 0x21 || byte > 0x7E || byte == UInt8(ascii: "#") {
            return .failure(ParseError(.invalidTarget))
        }
        let versionBytes = UnsafeRawBufferPointer(rebasing: line[(secondSpace + 1)...])
        guard let version = parseVersion(versionBytes) else { return .failure(ParseError(.invalidVersion)) }
        // RFC 9110 §6.2: a higher minor version of 1.x is answered as 1.1; another major is not
        // a protocol this parser speaks.
        guard version.major == 1 else { return .failure(ParseError(.unsupportedVersion)) }
        let method = HTTPMethod.fromToken(methodBytes)
        let targetText = String(decoding: targetBytes, as: UTF8.self)
        // The common case, an origin-form target without a query, is its own path: share the
        // string instead of making a second one.
        if targetBytes[0] == ASCII.slash, !targetBytes.contains(ASCII.questionMark) {
            return .success(
                RequestLine(
                    method: method, target: targetText, path: targetText, query: nil, version: version))
        }
        guard let target = RequestTarget.parse(targetBytes, method: method) else {
            return .failure(ParseError(.invalidTarget))
        }
        return .success(
            RequestLine(
                method: method, target: targetText, path: target.path, query: target.query, version: version))
    }

    /// `HTTP-version = HTTP-name "/" DIGIT "." DIGIT`, with `HTTP-name` case-sensitive
    /// (RFC 9112 §2.3).
    private static func parseVersion(_ bytes: UnsafeRawBufferPointer) -> HTTPVersion? {
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8), bytes[6] == UInt8(ascii: ".") else {
            return nil
        }
        let major = bytes[5] &- 0x30
        let minor = bytes[7] &- 0x30
        guard major < 10, minor < 10 else { return nil }
        if major == 1, minor == 1 { return .http1_1 }
        if major == 1, minor == 0 { return .http1_0 }
        return HTTPVersion(major: Int(major), minor: Int(minor))
    }

    // MARK: - Fields and framing

    /// Parses the field lines (between the request line and the empty line) and decides how
    /// the content is framed (RFC 9112 §6.3).
    private static func parseFields(
        _ section: UnsafeRawBufferPointer, line: RequestLine, fieldCount: Int, limits: ParserLimits
    ) -> Result<(RequestHead, Framing), ParseError> {
        // The scan counted the lines: one allocation for the fields, not one per doubling.
        var fields: [HTTPFields.Field] = []
        fields.reserveCapacity(fieldCount)
        var hostCount = 0
        var hostIsValid = true
        var contentLength: Int?
        var contentLengthIsValid = true
        var transferEncodingLines = 0
        var chunkedCount = 0
        var chunkedIsLast = false
        var hasUnknownCoding = false
        var hasCoding = false

        var lineStart = 0
        while lineStart < section.count {
            // The scan has already checked that every line ends in CRLF; a CR inside a line
            // stays in it and is refused as a control character in the value.
            var lineFeed = lineStart
            while section[lineFeed] != ASCII.lf { lineFeed += 1 }
            let fieldLine = UnsafeRawBufferPointer(rebasing: section[lineStart..<(lineFeed - 1)])
            lineStart = lineFeed + 1
            let parts: FieldLine
            switch FieldLine.parse(fieldLine) {
            case .failure(let error): return .failure(error)
            case .success(let found): parts = found
            }
            let name = UnsafeRawBufferPointer(rebasing: fieldLine[..<parts.colon])
            let value = UnsafeRawBufferPointer(rebasing: fieldLine[parts.valueStart..<parts.valueEnd])

            switch name.count {
            case 4 where ASCII.equalsIgnoringCase(name, "host".utf8):
                hostCount += 1
                hostIsValid = hostIsValid && HostFieldValue.isValid(value)
            case 14 where ASCII.equalsIgnoringCase(name, "content-length".utf8):
                // RFC 9112 §6.3 item 5: a list of identical values may be collapsed; anything
                // else is an unrecoverable framing error.
                forEachListElement(value) { element in
                    guard let length = parseDecimal(element), contentLength == nil || contentLength == length
                    else {
                        contentLengthIsValid = false
                        return
                    }
                    contentLength = length
                }
                if contentLength == nil { contentLengthIsValid = false }
            case 17 where ASCII.equalsIgnoringCase(name, "transfer-encoding".utf8):
                transferEncodingLines += 1
                forEachListElement(value) { element in
                    hasCoding = true
                    if ASCII.equalsIgnoringCase(element, "chunked".utf8) {
                        chunkedCount += 1
                        chunkedIsLast = true
                    } else {
                        hasUnknownCoding = true
                        chunkedIsLast = false
                    }
                }
            default:
                break
            }
            fields.append(
                HTTPFields.Field(
                    name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self)
                ))
        }

        // RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in 1.0, and a valid one.
        if hostCount > 1 { return .failure(ParseError(.multipleHosts)) }
        if hostCount == 0, line.version != .http1_0 { return .failure(ParseError(.missingHost)) }
        if !hostIsValid { return .failure(ParseError(.invalidHost)) }

        let head = RequestHead(line: line, fields: HTTPFields(fields))
        if transferEncodingLines > 0 {
            // RFC 9112 §6.1: CL with TE is a smuggling signature; TE in 1.0 is faulty framing.
            if contentLength != nil || !contentLengthIsValid {
                return .failure(ParseError(.contentLengthWithTransferEncoding))
            }
            if line.version == .http1_0 { return .failure(ParseError(.transferEncodingInHTTP10)) }
            if hasUnknownCoding { return .failure(ParseError(.unsupportedTransferCoding)) }
            // RFC 9112 §6.3 item 4: chunked must be the final coding, and applied once (§7).
            guard hasCoding, chunkedIsLast, chunkedCount == 1 else {
                return .failure(ParseError(.invalidTransferEncoding))
            }
            return .success((head, .chunked))
        }
        guard contentLengthIsValid else { return .failure(ParseError(.invalidContentLength)) }
        if let contentLength {
            if contentLength > limits.maxBodySize { return .failure(ParseError(.contentTooLarge)) }
            return .success((head, .length(contentLength)))
        }
        return .success((head, .none))
    }

    /// Calls `body` with each non-empty element of a comma-separated list, trimmed of
    /// whitespace (RFC 9110 §5.6.1: empty elements are allowed and ignored).
    private static func forEachListElement(
        _ value: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void
    ) {
        var elementStart = 0
        while elementStart <= value.count {
            var elementEnd = elementStart
            while elementEnd < value.count, value[elementEnd] != ASCII.comma { elementEnd += 1 }
            var low = elementStart
            var high = elementEnd
            while low < high, ASCII.isWhitespace(value[low]) { low += 1 }
            while high > low, ASCII.isWhitespace(value[high - 1]) { high -= 1 }
            if low < high { body(UnsafeRawBufferPointer(rebasing: value[low..<high])) }
            elementStart = elementEnd + 1
        }
    }

    /// `1*DIGIT`, at most 18 digits so it cannot overflow (RFC 9110 §8.6).
    private static func parseDecimal(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
