import Foundation
import Testing

@testable import HTTPServer

/// The access log's line formats, byte for byte, and its clock arithmetic.
@Suite("Access log lines")
struct AccessLogLineTests {
    private func line(_ format: AccessLogFormat, target: String, milliseconds: Int64 = 1_796_250_445_123)
        -> String
    {
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { raw in
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            inet_pton(AF_INET, "192.0.2.7", &address.sin_addr)
            raw.storeBytes(of: address, as: sockaddr_in.self)
        }
        var clock = TimestampFormatter()
        var out: [UInt8] = []
        AccessLog.appendLine(
            AccessLog.Entry(
                milliseconds: milliseconds, client: ClientAddress(storage), method: "GET", target: target,
                status: 200, bytes: 16, microseconds: 42),
            format: format, clock: &clock, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test("text: time, client, method, target, status, bytes, duration")
    func text() {
        #expect(
            line(.text, target: "/healthz") == "2026-12-02T22:27:25.123Z 192.0.2.7 GET /healthz 200 16 42us\n"
        )
    }

    @Test("json: one object with the same facts")
    func json() {
        #expect(
            line(.json, target: "/healthz")
                == #"{"time":"2026-12-02T22:27:25.123Z","client":"192.0.2.7","method":"GET","target":"/healthz","status":200,"bytes":16,"duration_us":42}"#
                + "\n")
    }

    @Test("a control character, space or quote in a target cannot end or fake a line")
    func forgery() throws {
        let target = "/a\n2026-12-02T00:00:00.000Z 10.0.0.1 GET / 200 1 1us \"\u{7F}"
        let text = line(.text, target: target)
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(text.contains(#"/a\x0a2026-12-02T00:00:00.000Z\x2010.0.0.1\x20GET"#))
        #expect(text.contains(#"\x22\x7f"#))
        let json = line(.json, target: target)
        #expect(json.filter { $0 == "\n" }.count == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["target"] as? String == target)
    }

    @Test("times round-trip against Foundation's calendar, across leap days and before 1970")
    func timestamps() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for milliseconds: Int64 in [
            0, 951_782_400_000, 1_709_164_799_999, 4_102_444_800_001, -1, -86_400_001,
        ] {
            var clock = TimestampFormatter()
            var out: [UInt8] = []
            clock.append(milliseconds: milliseconds, to: &out)
            let expected = formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            #expect(String(decoding: out, as: UTF8.self) == expected)
        }
    }

    @Test("an IPv4-mapped IPv6 peer is shown as IPv4, an IPv6 one as IPv6")
    func addresses() {
        for (text, expected) in [("::ffff:198.51.100.9", "198.51.100.9"), ("2001:db8::1", "2001:db8::1")] {
            var storage = sockaddr_storage()
            withUnsafeMutableBytes(of: &storage) { raw in
                var address = sockaddr_in6()
                address.sin6_family = sa_family_t(AF_INET6)
                inet_pton(AF_INET6, text, &address.sin6_addr)
                raw.storeBytes(of: address, as: sockaddr_in6.self)
            }
            #expect(ClientAddress(storage).text == expected)
        }
    }
}
