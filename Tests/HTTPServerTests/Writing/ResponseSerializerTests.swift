import Glibc
import Testing

@testable import HTTPServer

/// Serialises responses and compares exact bytes.
@Suite("Response serialiser")
struct ResponseSerializerTests {
    static let date = Array("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n".utf8)

    func serialize(
        _ response: HTTPResponse, connection: ResponseSerializer.ConnectionField = .none,
        headOnly: Bool = false,
        notModified: Bool = false
    ) -> String {
        var queue = OutboundQueue()
        ResponseSerializer.append(
            response, framing: .init(connection: connection, headOnly: headOnly, notModified: notModified),
            fieldLines: Self.date, to: &queue)
        return String(decoding: drain(&queue), as: UTF8.self)
    }

    /// Collects the queued bytes through the iovec path the server writes with.
    func drain(_ queue: inout OutboundQueue) -> [UInt8] {
        var out: [UInt8] = []
        let scratch = UnsafeMutableBufferPointer<iovec>.allocate(capacity: 4)
        defer { scratch.deallocate() }
        while !queue.isEmpty {
            let written = queue.withNextWrite(scratch) { write in
                guard case .vectors(let vectors, _) = write else {
                    Issue.record("the bodies here are small: no file segment expected")
                    return -1
                }
                var total = 0
                for vector in vectors {
                    // Take at most 7 bytes per segment to exercise partial consumption.
                    let count = min(vector.iov_len, 7)
                    out.append(contentsOf: UnsafeRawBufferPointer(start: vector.iov_base, count: count))
                    total += count
                    if count < vector.iov_len { break }
                }
                return total
            }
            guard written >= 0 else { break }
            queue.consume(written)
        }
        return out
    }

    @Test("a response gets status line, fields, Content-Length, Date and an empty line, then the body")
    func dynamicResponse() {
        let response = HTTPResponse(
            status: .ok, headers: ["Content-Type": "text/plain"], body: Array("hi".utf8))
        #expect(
            serialize(response)
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\nhi")
    }

    @Test("Connection: close and keep-alive are written when decided")
    func connectionField() {
        let response = HTTPResponse(status: .notFound)
        #expect(serialize(response, connection: .close).contains("\r\nConnection: close\r\n\r\n"))
        #expect(serialize(response, connection: .keepAlive).contains("\r\nConnection: keep-alive\r\n\r\n"))
    }

    @Test("framing fields from a handler are dropped and replaced by the real ones")
    func serverOwnedFields() {
        let response = HTTPResponse(
            status: .ok,
            headers: [
                "Content-Length": "999", "transfer-encoding": "chunked", "Date": "yesterday",
                "Connection": "upgrade",
                "X-Kept": "yes",
            ], body: Array("abc".utf8))
        #expect(
            serialize(response)
                == "HTTP/1.1 200 OK\r\nX-Kept: yes\r\nContent-Length: 3\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\nabc"
        )
    }

    @Test("fields that would split the response are dropped")
    func responseSplitting() {
        let response = HTTPResponse(
            status: .ok, headers: ["X-Evil": "a\r\nSet-Cookie: x=1", "Bad Name": "v", "X-Fine": "ok"])
        let text = serialize(response)
        #expect(!text.contains("Set-Cookie"))
        #expect(!text.contains("Bad Name"))
        #expect(text.contains("X-Fine: ok\r\n"))
    }

    @Test("HEAD gets the GET head, Content-Length included, and no body")
    func head() {
        let response = HTTPResponse(
            status: .ok, headers: ["Content-Type": "text/plain"], body: Array("hello".utf8))
        #expect(
            serialize(response, headOnly: true)
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
    }

    @Test("204 carries no Content-Length and no body")
    func noContent() {
        #expect(
            serialize(HTTPResponse(status: .noContent, headers: ["Allow": "GET"]))
                == "HTTP/1.1 204 No Content\r\nAllow: GET\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
    }

    @Test("a prepared response serves its pre-serialised head and body; appended fields follow")
    func prepared() {
        let prepared = PreparedResponse(
            headers: ["Content-Type": "application/json", "Cache-Control": "no-cache"], body: Array("{}".utf8)
        )
        #expect(prepared.etag == EntityTag.strong(for: Array("{}".utf8)))
        var response = HTTPResponse(prepared: prepared)
        #expect(
            serialize(response)
                == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: no-cache\r\n"
                + "ETag: \(prepared.etag ?? "")\r\nContent-Length: 2\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n{}"
        )
        response.headers.append(name: "Access-Control-Allow-Origin", value: "*")
        #expect(response.prepared === prepared)
        #expect(serialize(response).contains("Content-Length: 2\r\nAccess-Control-Allow-Origin: *\r\nDate: "))
    }

    @Test("changing a prepared response's status or body turns it into an ordinary one")
    func preparedMaterialises() {
        let prepared = PreparedResponse(headers: ["Content-Type": "text/plain"], body: Array("a".utf8))
        var response = HTTPResponse(prepared: prepared)
        response.body = HTTPBody("bb")
        #expect(response.prepared == nil)
        #expect(response.headers["ETag"] == prepared.etag)
        #expect(
            serialize(response).hasSuffix(
                "Content-Length: 2\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\nbb"))
        response = HTTPResponse(prepared: prepared)
        response.headers["Content-Type"] = "text/html"
        #expect(response.prepared == nil)
        #expect(response.headers["content-type"] == "text/html")
    }

    @Test("a 304 keeps validators, caching and CORS fields and drops the rest, without Content-Length")
    func notModified() {
        let prepared = PreparedResponse(
            headers: [
                "Content-Type": "application/json", "Cache-Control": "no-cache", "Vary": "Accept",
                "Access-Control-Allow-Origin": "*", "X-Other": "dropped",
            ], body: Array("{\"a\":1}".utf8))
        let etag = prepared.etag ?? ""
        let expected =
            "HTTP/1.1 304 Not Modified\r\nCache-Control: no-cache\r\nVary: Accept\r\n"
            + "Access-Control-Allow-Origin: *\r\nETag: \(etag)\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n"
        #expect(serialize(HTTPResponse(prepared: prepared), notModified: true) == expected)
        let dynamic = HTTPResponse(status: .ok, headers: prepared.headers, body: prepared.body)
        #expect(serialize(dynamic, notModified: true) == expected)
    }

    @Test("large prepared bodies are referenced, and partial writes resume mid-segment")
    func largeBodyPartialWrites() {
        let body = (0..<5000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let prepared = PreparedResponse(headers: ["Content-Type": "application/octet-stream"], body: body)
        var queue = OutboundQueue()
        for _ in 0..<3 {
            ResponseSerializer.append(
                HTTPResponse(prepared: prepared),
                framing: .init(connection: .none, headOnly: false, notModified: false),
                fieldLines: Self.date, to: &queue)
        }
        let bytes = drain(&queue)
        let head = Array(prepared.head) + Self.date + [13, 10]
        #expect(bytes == head + body + head + body + head + body)
        #expect(queue.pendingByteCount == 0)
    }

    @Test("configured fields are serialised once, before Date, without server-owned or invalid ones")
    func commonFieldLines() {
        var lines = CommonFieldLines(responseHeaders: [
            "X-A": "1", "Content-Length": "9", "Date": "yesterday", "Bad Name": "v", "X-B": "2\r\nX-Evil: 1",
            "Connection": "close",
        ])
        lines.refresh()
        let text = String(decoding: lines.bytes, as: UTF8.self)
        #expect(text.hasPrefix("X-A: 1\r\nDate: "))
        #expect(text.hasSuffix(" GMT\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 3)
        var none = CommonFieldLines(responseHeaders: [:])
        none.refresh()
        #expect(String(decoding: none.bytes, as: UTF8.self).hasPrefix("Date: "))
    }

    @Test("the Date line is IMF-fixdate")
    func date() {
        #expect(
            String(decoding: HTTPDate.fieldLine(for: 784_111_777), as: UTF8.self)
                == "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n")
        #expect(
            String(decoding: HTTPDate.fieldLine(for: 0), as: UTF8.self)
                == "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n")
    }

    @Test("decimal numbers are written without a String", arguments: [0, 7, 10, 404, 1_048_576, Int.max])
    func decimals(value: Int) {
        var out: [UInt8] = []
        ResponseSerializer.appendDecimal(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(value))
    }
}
