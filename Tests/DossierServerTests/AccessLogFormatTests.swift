import Foundation
import HTTPTestSupport
import Testing

/// The access log of the real binary: a timestamp and the client address on every line, text
/// by default and one JSON object per line with `--log-format json`, and no way for a client
/// to make its request look like two lines or like someone else's.
@Suite("Access log")
struct AccessLogFormatTests {
    /// Sends the requests, one connection each, and returns the server's log lines.
    private func logLines(format: String?, targets: [String]) throws -> [String] {
        var arguments = ["--host", "127.0.0.1", "--port", "0"]
        if let format { arguments += ["--log-format", format] }
        let server = try ServerProcess(arguments)
        let port = try server.waitUntilListening()
        for target in targets {
            let client = try TestClient(port: port)
            client.send("GET \(target) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            _ = try client.readResponse()
        }
        let lines = server.waitForOutputLines(targets.count)
        #expect(server.stop() == 0)
        return lines
    }

    /// An RFC 3339 UTC time with milliseconds, within a minute of now.
    private func expectRecent(_ time: String) {
        #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(time)")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = formatter.date(from: time)
        #expect(date.map { abs($0.timeIntervalSinceNow) < 60 } == true, "\(time)")
    }

    @Test("a text line is: time, client address, method, target, status, bytes, duration")
    func textLine() throws {
        let lines = try logLines(format: nil, targets: ["/healthz"])
        let line = try #require(lines.first)
        let fields = line.split(separator: " ").map(String.init)
        try #require(fields.count == 7, "\(line)")
        expectRecent(fields[0])
        #expect(Array(fields[1...4]) == ["127.0.0.1", "GET", "/healthz", "200"])
        #expect(Int(fields[5]).map { $0 > 0 } == true)
        #expect(fields[6].wholeMatch(of: /\d+us/) != nil)
    }

    @Test("--log-format json writes one object per line with the same facts")
    func jsonLine() throws {
        let lines = try logLines(format: "json", targets: ["/healthz", "/bestaat-niet"])
        #expect(lines.count == 2)
        let objects = try lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "\($0)")
        }
        // One connection per target, and each event loop writes its own lines: the order of the
        // two lines is not the order of the requests.
        let first = try #require(objects.first { $0["target"] as? String == "/healthz" })
        expectRecent(try #require(first["time"] as? String))
        #expect(first["client"] as? String == "127.0.0.1")
        #expect(first["method"] as? String == "GET")
        #expect(first["target"] as? String == "/healthz")
        #expect(first["status"] as? Int == 200)
        #expect((first["bytes"] as? Int).map { $0 > 0 } == true)
        #expect(first["duration_us"] is Int)
        #expect(objects.first { $0["target"] as? String == "/bestaat-niet" }?["status"] as? Int == 404)
    }

    @Test("quotes and backslashes in a target are escaped: the line stays one line of its own")
    func forgedTarget() throws {
        // The parser admits `"` and `\` in a target (control characters it refuses).
        let target = #"/x","status":200,"client":"10.0.0.1\"#
        let json = try #require(try logLines(format: "json", targets: [target]).first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["target"] as? String == target)
        #expect(object["client"] as? String == "127.0.0.1")
        #expect(object["status"] as? Int == 404)

        let text = try #require(try logLines(format: nil, targets: [target]).first)
        #expect(!text.contains("\""))
        #expect(text.contains(#"/x\x22,\x22status\x22:200"#), "\(text)")
        #expect(text.split(separator: " ").count == 7)
    }

    @Test("an unknown log format is a usage error")
    func unknownFormat() throws {
        let finished = try ExecutableTests.run(["--log-format", "xml"])
        #expect(finished.status == 2)
        #expect(finished.errors.contains("--log-format must be text or json"))
    }
}
