import Testing

@testable import HTTPServer

/// What feeding a whole input to a parser produced.
struct ParseOutcome {
    var requests: [HTTPRequest] = []
    var error: ParseError?
    var hasPartialRequest = false
    /// ``RequestParser/pathInProgress`` where parsing stopped.
    var pathInProgress: String?

    var statuses: Int? { error?.status.code }
}

/// Feeds `input` in pieces of `pieceSize` bytes (all at once by default) and collects the
/// requests and any error.
func parse(_ input: String, limits: ParserLimits = ParserLimits(), pieceSize: Int? = nil) -> ParseOutcome {
    parse(Array(input.utf8), limits: limits, pieceSize: pieceSize)
}

func parse(_ bytes: [UInt8], limits: ParserLimits = ParserLimits(), pieceSize: Int? = nil) -> ParseOutcome {
    var parser = RequestParser(limits: limits)
    var outcome = ParseOutcome()
    let size = max(pieceSize ?? bytes.count, 1)
    var offset = 0
    repeat {
        let end = min(offset + size, bytes.count)
        parser.append(contentsOf: bytes[offset..<end])
        offset = end
        loop: while true {
            switch parser.next() {
            case .request(let request): outcome.requests.append(request)
            case .needMoreData: break loop
            case .failure(let error):
                outcome.error = error
                outcome.pathInProgress = parser.pathInProgress
                return outcome
            }
        }
    } while offset < bytes.count
    outcome.hasPartialRequest = parser.hasPartialRequest
    outcome.pathInProgress = parser.pathInProgress
    return outcome
}

@Suite("Request parser")
struct RequestParserTests {
    @Test("a GET with fields is split into method, target, path, query, version and fields")
    func parsesSimpleGet() throws {
        let outcome = parse(
            "GET /api/v1/dossiers?q=auto&x=%20 HTTP/1.1\r\nHost: example.org\r\nAccept: */*\r\n\r\n")
        #expect(outcome.error == nil)
        let request = try #require(outcome.requests.first)
        #expect(outcome.requests.count == 1)
        #expect(request.method == .get)
        #expect(request.target == "/api/v1/dossiers?q=auto&x=%20")
        #expect(request.path == "/api/v1/dossiers")
        #expect(request.query == "q=auto&x=%20")
        #expect(request.version == .http1_1)
        #expect(request.headers["host"] == "example.org")
        #expect(request.headers["ACCEPT"] == "*/*")
        #expect(request.headers.count == 2)
        #expect(request.body.isEmpty)
        #expect(!outcome.hasPartialRequest)
    }

    @Test("field values lose surrounding whitespace but keep inner whitespace")
    func trimsFieldValues() throws {
        let outcome = parse("GET / HTTP/1.1\r\nHost:\t a  \r\nX-Thing:   two  words \t\r\nEmpty:\r\n\r\n")
        let request = try #require(outcome.requests.first)
        #expect(request.headers["Host"] == "a")
        #expect(request.headers["X-Thing"] == "two  words")
        #expect(request.headers["Empty"] == "")
    }

    @Test("an empty query is kept apart from no query")
    func distinguishesEmptyQuery() throws {
        #expect(try #require(parse("GET /a? HTTP/1.1\r\nHost: a\r\n\r\n").requests.first).query == "")
        #expect(try #require(parse("GET /a HTTP/1.1\r\nHost: a\r\n\r\n").requests.first).query == nil)
    }

    @Test("an absolute-form target yields the path and query after the authority")
    func parsesAbsoluteForm() throws {
        let request = try #require(
            parse("GET http://example.org:8080/healthz?x=1 HTTP/1.1\r\nHost: example.org:8080\r\n\r\n")
                .requests.first)
        #expect(request.path == "/healthz")
        #expect(request.query == "x=1")
        #expect(request.target == "http://example.org:8080/healthz?x=1")
        let bare = try #require(
            parse("GET HTTPS://example.org HTTP/1.1\r\nHost: example.org\r\n\r\n").requests.first)
        #expect(bare.path == "/")
    }

    @Test("asterisk-form is accepted for OPTIONS only")
    func asteriskFormOnlyForOptions() throws {
        let request = try #require(parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").requests.first)
        #expect(request.path == "*")
        #expect(parse("GET * HTTP/1.1\r\nHost: a\r\n\r\n").error == ParseError(.invalidTarget))
    }

    @Test(
        "targets that fit no form or hold forbidden characters are 400",
        arguments: ["foo", "ftp://x/y", "http:///nohost", "/a#frag", "/caf\u{E9}", "/a\u{7F}"])
    func rejectsInvalidTargets(target: String) {
        #expect(parse("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n").error == ParseError(.invalidTarget))
    }

    @Test("pipelined requests in one buffer come out in order, bodies included")
    func parsesPipelinedRequests() {
        let input =
            "GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
            + "DELETE /three HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
            + "GET /four HTTP/1.1\r\nHost: a\r\n\r\n"
        for pieceSize in [nil, 1, 2, 3, 7, 64] {
            let outcome = parse(input, pieceSize: pieceSize)
            #expect(outcome.error == nil)
            #expect(outcome.requests.map(\.path) == ["/one", "/two", "/three", "/four"])
            #expect(outcome.requests.map(\.method) == [.get, .post, .delete, .get])
            #expect(
                outcome.requests.map { String(decoding: $0.body, as: UTF8.self) } == ["", "hello", "abc", ""])
            #expect(!outcome.hasPartialRequest)
        }
    }

    @Test("a request split anywhere is parsed the same as at once")
    func splitAnywhere() {
        let input = "PUT /x?y HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nA: b\r\n\r\nxyz"
        let whole = parse(input)
        for cut in 1..<input.utf8.count {
            var parser = RequestParser()
            let bytes = Array(input.utf8)
            parser.append(contentsOf: bytes[..<cut])
            if case .request = parser.next() { Issue.record("complete after \(cut) bytes") }
            #expect(parser.hasPartialRequest)
            parser.append(contentsOf: bytes[cut...])
            guard case .request(let request) = parser.next() else {
                Issue.record("no request after cut at \(cut)")
                continue
            }
            #expect(request.body == whole.requests.first?.body)
            #expect(request.headers == whole.requests.first?.headers)
        }
    }

    @Test("up to a few empty lines before the request line are ignored")
    func ignoresLeadingEmptyLines() {
        #expect(parse("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n").requests.count == 1)
        let many = String(repeating: "\r\n", count: 9) + "GET / HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(parse(many).error == ParseError(.invalidRequestLine))
    }

    @Test(
        "a bare LF or a stray CR is rejected, not taken as a line end",
        arguments: [
            "GET / HTTP/1.1\nHost: a\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\n\n",
        ])
    func rejectsBareLineFeeds(input: String) {
        #expect(parse(input).error == ParseError(.invalidLineEnding))
        #expect(parse(input, pieceSize: 1).error == ParseError(.invalidLineEnding))
    }

    @Test("a CR inside a field value is a control character")
    func rejectsCarriageReturnInValue() {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n").error == ParseError(.invalidFieldValue))
    }

    @Test(
        "malformed request lines are 400",
        arguments: [
            ("GET  / HTTP/1.1", ParseError.Kind.invalidRequestLine),
            ("GET /", .invalidRequestLine),
            (" GET / HTTP/1.1", .invalidMethod),
            ("G(T / HTTP/1.1", .invalidMethod),
            ("GET / HTTP/1.1 ", .invalidVersion),
            ("GET / http/1.1", .invalidVersion),
            ("GET / HTTP/1", .invalidVersion),
            ("GET / HTTP/1.x", .invalidVersion),
        ])
    func rejectsMalformedRequestLines(line: String, kind: ParseError.Kind) {
        let outcome = parse(line + "\r\nHost: a\r\n\r\n")
        #expect(outcome.error == ParseError(kind))
        #expect(outcome.error?.status == .badRequest)
        // A bad request line names no path for the problem's instance.
        #expect(outcome.pathInProgress == nil)
    }

    @Test("another major version is 505; a higher 1.x minor is accepted")
    func versions() throws {
        #expect(parse("GET / HTTP/2.0\r\nHost: a\r\n\r\n").error?.status == .httpVersionNotSupported)
        #expect(parse("GET / HTTP/0.9\r\nHost: a\r\n\r\n").error?.status == .httpVersionNotSupported)
        let request = try #require(parse("GET / HTTP/1.2\r\nHost: a\r\n\r\n").requests.first)
        #expect(request.version == HTTPVersion(major: 1, minor: 2))
        #expect(request.wantsKeepAlive)
    }

    @Test("an unknown method token is parsed (the server answers it 501)")
    func parsesUnknownMethod() throws {
        let request = try #require(parse("BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n").requests.first)
        #expect(request.method.rawValue == "BREW")
        #expect(!request.method.isStandard)
        #expect(try #require(parse("get / HTTP/1.1\r\nHost: a\r\n\r\n").requests.first).method != .get)
    }

    @Test("HTTP/1.1 needs exactly one valid Host; HTTP/1.0 may omit it")
    func hostRules() {
        #expect(parse("GET / HTTP/1.1\r\n\r\n").error == ParseError(.missingHost))
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n").error == ParseError(.multipleHosts))
        #expect(parse("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n").error == ParseError(.multipleHosts))
        #expect(parse("GET / HTTP/1.0\r\n\r\n").requests.count == 1)
        #expect(parse("GET / HTTP/1.1\r\nHost: \r\n\r\n").requests.count == 1)
        #expect(parse("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n").requests.count == 1)
        for host in ["a b", "a/b", "user@a", "a\\b"] {
            #expect(parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n").error == ParseError(.invalidHost))
        }
    }

    @Test(
        "Host = uri-host [ \":\" port ]: names, IPv4, IP literals, pct-encoding, sub-delims, empty port",
        arguments: [
            "localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:80", "[::1]", "[::1]:8080", "example.com:",
            "EXAMPLE.org", "xn--bcher-kva.example", "caf%C3%A9.example", "a!$&'()*+,;=b", "a-b_c~d.e:1",
            "[2001:db8::7]", "[2001:db8:0:0:0:0:2:1]", "[::ffff:192.0.2.1]:443", "[1:2:3:4:5:6:7::]",
            "[::]", "[fe80::1%25eth0]", "[v1.fe80::a+en1]", ":8080", "",
        ])
    func validHosts(host: String) {
        #expect(parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n").requests.count == 1)
    }

    @Test(
        "a Host that is not uri-host [ \":\" port ] is 400 (RFC 9112 §3.2)",
        arguments: [
            "[::1", "[::1]x", "[::1]:80:90", "[::1]:port", "a:port", "a:80:90", "a:-1", "a:8 0", "::1",
            "a]", "a[b", "[]", "[a]", "[1:2:3:4:5:6:7:8:9]", "[1::2::3]", "[:1]", "[1:]", "[12345::]",
            "[::1.2.3]", "[::1.2.3.256]", "[::01.2.3.4]", "[fe80::1%eth0]", "[fe80::1%25]", "[v1]", "[vx.a]",
            "a%2", "a%zz", "a%", "host\"name", "a{b}", "a b", "a/b", "user@a", "a\\b",
        ])
    func invalidHosts(host: String) {
        #expect(parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n").error == ParseError(.invalidHost))
    }

    @Test(
        "field lines with whitespace before the colon, no colon, a bad name or folding are 400",
        arguments: [
            ("Host : a", ParseError.Kind.invalidFieldName),
            ("Host\t: a", .invalidFieldName),
            ("NoColon", .invalidFieldName),
            (": empty-name", .invalidFieldName),
            ("B@d: x", .invalidFieldName),
            (" Folded: x", .obsoleteLineFolding),
            ("\tFolded: x", .obsoleteLineFolding),
            ("X: a\u{0}b", .invalidFieldValue),
            ("X: a\u{1}b", .invalidFieldValue),
            ("X: a\u{7F}", .invalidFieldValue),
        ])
    func rejectsBadFieldLines(line: String, kind: ParseError.Kind) {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\n\(line)\r\n\r\n").error == ParseError(kind))
    }

    @Test("obs-fold continuation after a field is refused")
    func rejectsObsFold() {
        #expect(
            parse("GET / HTTP/1.1\r\nHost: a\r\nX: one\r\n two\r\n\r\n").error
                == ParseError(.obsoleteLineFolding))
    }

    @Test("obs-text bytes are allowed in field values")
    func allowsObsText() {
        var bytes = Array("GET / HTTP/1.1\r\nHost: a\r\nX: caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: "\r\n\r\n".utf8)
        #expect(parse(bytes).requests.count == 1)
    }

    // MARK: Framing

    @Test("Content-Length frames the body; identical repeats collapse")
    func contentLength() throws {
        let outcome = parse(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\ncontent-length: 5\r\n\r\nhelloGET")
        #expect(outcome.requests.first?.body == Array("hello".utf8))
        #expect(outcome.hasPartialRequest)
    }

    @Test(
        "invalid or differing Content-Length is 400",
        arguments: ["abc", "-1", "+5", "5 5", "0x10", "", "1234567890123456789", "5, 6"])
    func invalidContentLength(value: String) {
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n").error
                == ParseError(.invalidContentLength))
    }

    @Test("two Content-Length lines that differ are 400")
    func differingContentLengthLines() {
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab").error
                == ParseError(.invalidContentLength))
    }

    @Test("Content-Length with Transfer-Encoding is 400, whichever comes first")
    func contentLengthWithTransferEncoding() {
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
                .error
                == ParseError(.contentLengthWithTransferEncoding))
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n")
                .error
                == ParseError(.contentLengthWithTransferEncoding))
    }

    @Test(
        "transfer codings other than a single final chunked are refused",
        arguments: [
            ("gzip", 501), ("gzip, chunked", 501), ("chunked, gzip", 501), ("identity", 501),
            ("chunked, chunked", 400), (",", 400), ("", 400),
        ])
    func transferCodings(value: String, status: Int) {
        let outcome = parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n")
        #expect(outcome.error?.status.code == status)
    }

    @Test("chunked split over two Transfer-Encoding lines still counts once per coding")
    func transferEncodingAcrossLines() {
        #expect(
            parse(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            .error == ParseError(.invalidTransferEncoding))
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n").requests.count
                == 1)
    }

    @Test("Transfer-Encoding in HTTP/1.0 is faulty framing")
    func transferEncodingInHTTP10() {
        #expect(
            parse("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").error
                == ParseError(.transferEncodingInHTTP10))
    }

    @Test("chunked bodies are decoded with extensions and trailers dropped")
    func chunkedBody() {
        let input =
            "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4;name=value\r\nWiki\r\n5 ; x\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n"
        for pieceSize in [nil, 1, 5] {
            let outcome = parse(input, pieceSize: pieceSize)
            #expect(outcome.error == nil)
            #expect(
                outcome.requests.first.map { String(decoding: $0.body, as: UTF8.self) }
                    == "Wikipedia in\r\n\r\nchunks.")
            #expect(!outcome.hasPartialRequest)
        }
    }

    @Test(
        "invalid chunk sizes are 400",
        arguments: ["zz", "", "-1", "0x5", "5;a\u{1}", "1234567890abcdef0", "5 x"])
    func invalidChunkSizes(line: String) {
        let outcome = parse(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\(line)\r\nhello\r\n0\r\n\r\n")
        #expect(outcome.error == ParseError(.invalidChunkSize))
        // The request line was read: the problem names its path.
        #expect(outcome.pathInProgress == "/")
    }

    @Test("chunk data not followed by CRLF is 400")
    func chunkWithoutCRLF() {
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n")
                .error
                == ParseError(.invalidChunkFraming))
    }

    @Test("a malformed trailer is 400")
    func badTrailer() {
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nno colon\r\n\r\n")
                .error
                == ParseError(.invalidTrailer))
    }

    // MARK: Limits

    @Test("a target over the limit is 414, whether the line is complete or still arriving")
    func targetTooLong() {
        let limits = ParserLimits(maxRequestTargetLength: 32)
        let long = "/" + String(repeating: "a", count: 32)
        #expect(
            parse("GET /\(String(repeating: "a", count: 30)) HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits)
                .error == nil)
        #expect(
            parse("GET \(long) HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits).error
                == ParseError(.targetTooLong))
        // A line that never ends is refused once it is longer than any valid one.
        let endless = "GET /" + String(repeating: "a", count: 200)
        #expect(parse(endless, limits: limits).error == ParseError(.targetTooLong))
        #expect(
            parse(String(repeating: "A", count: 200), limits: limits).error == ParseError(.invalidRequestLine)
        )
        #expect(ParseError(.targetTooLong).status == .uriTooLong)
    }

    @Test("a header section over the limit is 431, also while it is still arriving")
    func headerSectionTooLarge() {
        let limits = ParserLimits(maxHeaderSectionSize: 64)
        let field = "X-Long: " + String(repeating: "v", count: 60) + "\r\n"
        #expect(
            parse("GET / HTTP/1.1\r\nHost: a\r\n\(field)\r\n", limits: limits).error
                == ParseError(.headerSectionTooLarge))
        #expect(
            parse("GET / HTTP/1.1\r\nHost: a\r\n\(field)", limits: limits, pieceSize: 3).error
                == ParseError(.headerSectionTooLarge))
        #expect(ParseError(.headerSectionTooLarge).status == .requestHeaderFieldsTooLarge)
        // Exactly at the limit is fine: "Host: a\r\n" (9) + 53-byte line + final CRLF = 64.
        let fits = "X: " + String(repeating: "v", count: 48) + "\r\n"
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\n\(fits)\r\n", limits: limits).requests.count == 1)
    }

    @Test("more fields than the limit is 431")
    func tooManyFields() {
        let limits = ParserLimits(maxHeaderFieldCount: 3)
        #expect(
            parse("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", limits: limits).requests.count == 1)
        #expect(
            parse("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits).error
                == ParseError(.tooManyHeaderFields))
    }

    @Test("a body over the limit is 413 as soon as the length is known")
    func bodyTooLarge() {
        let limits = ParserLimits(maxBodySize: 10)
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits).error
                == ParseError(.contentTooLarge))
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits)
                .requests
                .count == 1)
        let chunked = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n012345\r\n5\r\n"
        #expect(parse(chunked, limits: limits).error == ParseError(.contentTooLarge))
        #expect(ParseError(.contentTooLarge).status == .contentTooLarge)
    }

    // MARK: State

    @Test("after an error the parser stays failed and drops what is buffered")
    func errorsAreFinal() {
        var parser = RequestParser()
        parser.append(contentsOf: "GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        guard case .failure(let first) = parser.next() else {
            Issue.record("expected a failure")
            return
        }
        parser.append(contentsOf: "GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        guard case .failure(let second) = parser.next() else {
            Issue.record("expected the failure again")
            return
        }
        #expect(first == second)
    }

    @Test("a parser with nothing buffered has no partial request; one byte makes one")
    func partialRequest() {
        var parser = RequestParser()
        #expect(!parser.hasPartialRequest)
        parser.append(contentsOf: "G".utf8)
        #expect(parser.hasPartialRequest)
        parser.append(contentsOf: "ET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        guard case .request = parser.next() else {
            Issue.record("expected a request")
            return
        }
        #expect(!parser.hasPartialRequest)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test("keep-alive follows the version and the Connection field")
    func keepAlive() throws {
        func request(_ version: String, _ connection: String?) throws -> HTTPRequest {
            let field = connection.map { "Connection: \($0)\r\n" } ?? ""
            return try #require(parse("GET / \(version)\r\nHost: a\r\n\(field)\r\n").requests.first)
        }
        #expect(try request("HTTP/1.1", nil).wantsKeepAlive)
        #expect(try !request("HTTP/1.1", "close").wantsKeepAlive)
        #expect(try !request("HTTP/1.1", "Upgrade, CLOSE").wantsKeepAlive)
        #expect(try !request("HTTP/1.0", nil).wantsKeepAlive)
        #expect(try request("HTTP/1.0", "Keep-Alive").wantsKeepAlive)
    }
}

@Suite("Request parser: the path in progress")
struct PathInProgressTests {
    @Test("known from the request line on, kept after a failure, forgotten between requests")
    func pathInProgress() {
        var parser = RequestParser()
        #expect(parser.pathInProgress == nil)
        parser.append(contentsOf: Array("GET /a/b?q=1 HTTP/1.1\r\nHo".utf8))
        #expect(parser.next().isNeedMoreData)
        #expect(parser.pathInProgress == "/a/b")
        parser.append(
            contentsOf: Array("st: x\r\n\r\nPOST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\na".utf8))
        guard case .request(let first) = parser.next() else {
            Issue.record("the GET is complete")
            return
        }
        #expect(first.path == "/a/b")
        // The POST's head is in, its content is not: the path is the POST's.
        #expect(parser.next().isNeedMoreData)
        #expect(parser.pathInProgress == "/c")
        parser.append(contentsOf: Array("bc".utf8))
        guard case .request = parser.next() else {
            Issue.record("the POST is complete")
            return
        }
        #expect(parser.pathInProgress == nil)
        parser.append(contentsOf: Array("GET /d HTTP/1.1\r\nHost: [::1\r\n\r\n".utf8))
        guard case .failure(let error) = parser.next() else {
            Issue.record("the Host is invalid")
            return
        }
        #expect(error == ParseError(.invalidHost))
        #expect(parser.pathInProgress == "/d")
    }
}

extension ParseResult {
    fileprivate var isNeedMoreData: Bool {
        if case .needMoreData = self { return true }
        return false
    }
}
