/// Writes response heads as bytes (RFC 9112 §4, §5), without `String` building.
///
/// The server owns the framing fields: `Content-Length`, `Transfer-Encoding`, `Date`,
/// `Connection` and `Keep-Alive` from a handler are dropped and written here from the facts,
/// so a handler cannot desynchronise the connection. A field whose name is not a token or
/// whose value holds CR, LF or another control character is dropped too: writing it would
/// split the response (RFC 9110 §5.5, RFC 9112 §11.1).
enum ResponseSerializer {
    /// What the connection decided about one response, beyond the response itself.
    struct Framing {
        /// The `Connection` field to write, if any.
        var connection: ConnectionField
        /// Write the head only: the request was HEAD (RFC 9110 §9.3.2).
        var headOnly: Bool
        /// Answer 304 instead: the request's `If-None-Match` matched (RFC 9110 §13.1.2).
        var notModified: Bool
    }

    /// The `Connection` field a response carries (RFC 9112 §9.3, §9.6).
    enum ConnectionField {
        /// None: HTTP/1.1 keeps the connection open by default.
        case none
        /// `Connection: keep-alive`, which an HTTP/1.0 client needs to keep it open.
        case keepAlive
        /// `Connection: close`: this is the last response on the connection.
        case close
    }

    static let crlf: [UInt8] = [ASCII.cr, ASCII.lf]
    static let connectionClose = Array("Connection: close\r\n".utf8)
    static let connectionKeepAlive = Array("Connection: keep-alive\r\n".utf8)
    /// The interim response to `Expect: 100-continue` (RFC 9110 §15.2.1): no fields, no content.
    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Appends a response (head, and body unless `framing` says not to) to `queue`.
    /// `fieldLines` close every head: the configured fields and `Date`
    /// (``CommonFieldLines``). Returns the number of content bytes queued, for the access log.
    @discardableResult
    static func append(
        _ response: HTTPResponse, framing: Framing, fieldLines: [UInt8], to queue: inout OutboundQueue
    ) -> Int {
        let body: HTTPBody
        let sendsContent: Bool
        switch response.storage {
        case .prepared(let prepared, let extra):
            sendsContent = !framing.notModified && !framing.headOnly && !prepared.status.forbidsContent
            queue.appendBytes(framing.notModified ? prepared.notModifiedHead : prepared.head)
            if !extra.isEmpty {
                queue.appendBytes { buffer in
                    appendFields(extra, notModified: framing.notModified, to: &buffer)
                }
            }
            body = prepared.body
        case .dynamic(let status, let headers, let responseBody):
            let effectiveStatus = framing.notModified ? HTTPStatus.notModified : status
            sendsContent = !framing.notModified && !framing.headOnly && !status.forbidsContent
            queue.appendBytes { buffer in
                appendStatusLine(effectiveStatus, to: &buffer)
                appendFields(headers, notModified: framing.notModified, to: &buffer)
                if !effectiveStatus.forbidsContent {
                    // RFC 9110 §9.3.2: HEAD gets the Content-Length a GET would.
                    appendContentLength(responseBody.count, to: &buffer)
                }
            }
            body = responseBody
        case .problem(let problem, let headers):
            // The pipeline renders every problem with the configured words; one that skipped
            // it still goes out as a problem, in the default words.
            let rendered = ResponsePipeline.render(
                problem, instance: nil, headers: headers, problems: .reasonPhrases)
            return append(rendered, framing: framing, fieldLines: fieldLines, to: &queue)
        }
        queue.appendBytes(fieldLines)
        switch framing.connection {
        case .none: break
        case .keepAlive: queue.appendBytes(connectionKeepAlive)
        case .close: queue.appendBytes(connectionClose)
        }
        queue.appendBytes(crlf)
        guard sendsContent, !body.isEmpty else { return 0 }
        switch body.storage {
        case .bytes(let bytes): queue.appendBytes(bytes)
        case .stored(let stored): queue.appendStorage(stored)
        }
        return body.count
    }

    /// Appends a response like ``append(_:framing:fieldLines:to:)``, but a full answer of a
    /// large prepared response goes out as one ``WireImages`` image: head and body in one
    /// `sendfile`.
    @discardableResult
    static func append(
        _ response: HTTPResponse, framing: Framing, fieldLines: [UInt8], images: inout WireImages,
        to queue: inout OutboundQueue
    ) -> Int {
        if case .prepared(let prepared, let extra) = response.storage, extra.isEmpty,
            framing.connection == .none, !framing.headOnly, !framing.notModified,
            let image = images.image(of: prepared, fieldLines: fieldLines)
        {
            queue.appendFile(image)
            return prepared.body.count
        }
        return append(response, framing: framing, fieldLines: fieldLines, to: &queue)
    }

    /// `HTTP/1.1 SP status-code SP reason-phrase CRLF` (RFC 9112 §4). The version is always
    /// 1.1, also to 1.0 clients (RFC 9110 §6.2).
    static func appendStatusLine(_ status: HTTPStatus, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status.code, to: &buffer)
        buffer.append(ASCII.space)
        for byte in status.reasonPhrase.utf8 where byte == ASCII.tab || (byte >= 0x20 && byte != 0x7F) {
            buffer.append(byte)
        }
        buffer.append(contentsOf: crlf)
    }

    /// Appends every field a handler may set, skipping server-owned and invalid ones; for a
    /// 304, only the fields RFC 9110 §15.4.5 keeps.
    static func appendFields(_ fields: HTTPFields, notModified: Bool, to buffer: inout [UInt8]) {
        for field in fields {
            if isServerOwned(field.name) { continue }
            if notModified, !ConditionalRequests.keepsInNotModified(field.name) { continue }
            appendField(name: field.name, value: field.value, to: &buffer)
        }
    }

    /// Appends `name: value CRLF` when both are valid; drops the field otherwise.
    static func appendField(name: String, value: String, to buffer: inout [UInt8]) {
        guard !name.isEmpty, name.utf8.allSatisfy(ASCII.isTokenCharacter),
            value.utf8.allSatisfy(ASCII.isFieldValueCharacter)
        else { return }
        buffer.append(contentsOf: name.utf8)
        buffer.append(ASCII.colon)
        buffer.append(ASCII.space)
        buffer.append(contentsOf: value.utf8)
        buffer.append(contentsOf: crlf)
    }

    /// `Content-Length: n CRLF`.
    static func appendContentLength(_ length: Int, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: "Content-Length: ".utf8)
        appendDecimal(length, to: &buffer)
        buffer.append(contentsOf: crlf)
    }

    /// Appends a non-negative integer in decimal, without making a `String`.
    static func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        var value = max(value, 0)
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                scratch[19 - count] = UInt8(value % 10) + 0x30
                value /= 10
                count += 1
            } while value > 0
            buffer.append(contentsOf: scratch[(20 - count)...])
        }
    }

    /// Fields only the server writes (RFC 9112 §6, §9.6; RFC 9110 §6.6.1).
    static func isServerOwned(_ name: String) -> Bool {
        let utf8 = name.utf8
        switch utf8.count {
        case 4: return ASCII.equalsIgnoringCase(utf8, "date".utf8)
        case 10:
            return ASCII.equalsIgnoringCase(utf8, "connection".utf8)
                || ASCII.equalsIgnoringCase(utf8, "keep-alive".utf8)
        case 14: return ASCII.equalsIgnoringCase(utf8, "content-length".utf8)
        case 17: return ASCII.equalsIgnoringCase(utf8, "transfer-encoding".utf8)
        default: return false
        }
    }
}
