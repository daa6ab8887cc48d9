import Foundation
import HTTPTestSupport
import Testing

@testable import HTTPServer

/// The gzip members the server makes: fixed header bytes, a trailer that matches, content
/// that decodes to the input with zlib's inflater and with the `gzip` program, and the same
/// bytes every time.
@Suite("gzip content coding")
struct GzipTests {
    /// JSON-like text of `count` bytes, repetitive as API answers are.
    static func text(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = 0
        while bytes.count < count {
            bytes.append(
                contentsOf: "{\"code\":\"B1-K\(index % 7)-W\(index % 5)\",\"titel\":\"Werkproces \(index)\"},"
                    .utf8)
            index += 1
        }
        return Array(bytes.prefix(count))
    }

    /// Bytes that do not compress (a linear congruential sequence).
    static func noise(_ count: Int) -> [UInt8] {
        var state: UInt32 = 12_345
        return (0..<count).map { _ in
            state = state &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
    }

    @Test(
        "round trip through zlib's inflater at both levels, from empty to beyond the window",
        arguments: [0, 1, 100, 1000, 4096, 40_000, 200_000])
    func roundTrip(count: Int) throws {
        for content in [Self.text(count), Self.noise(count)] {
            for level in [Gzip.preparedLevel, Gzip.dynamicLevel] {
                let member = try #require(Gzip.compress(content, level: level))
                #expect(Gunzip.decode(member) == content)
            }
        }
    }

    @Test("the header is fixed: no name, no time, XFL by level, OS 3; the trailer is CRC-32 and size")
    func header() throws {
        let content = Self.text(5000)
        let best = try #require(Gzip.compress(content, level: 9))
        #expect(Array(best.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3])
        let fast = try #require(Gzip.compress(content, level: 1))
        #expect(Array(fast.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 3])
        let size = best.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(size == 5000)
        // The CRC-32 of "123456789" is cbf43926 (the standard check value).
        let check = try #require(Gzip.compress(Array("123456789".utf8), level: 9))
        #expect(Array(check.suffix(8).prefix(4)) == [0x26, 0x39, 0xf4, 0xcb])
    }

    @Test("the same content gives the same bytes every time")
    func deterministic() throws {
        let content = Self.text(70_000)
        let first = try #require(Gzip.compress(content, level: Gzip.preparedLevel))
        for _ in 0..<3 {
            #expect(Gzip.compress(content, level: Gzip.preparedLevel) == first)
        }
        #expect(first.count < content.count / 4)
    }

    @Test("the gzip program decodes it too (what curl --compressed and browsers do is zlib's)")
    func gzipProgram() throws {
        let content = Self.text(30_000)
        let member = try #require(Gzip.compress(content, level: Gzip.preparedLevel))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gzip-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("member.gz")
        try Data(member).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        // gzip checks the trailer's CRC-32 and size as it decodes: a wrong one fails.
        process.arguments = ["-dc", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let decoded = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Array(decoded) == content)
    }

    @Test("a window just large enough for the content, the full 32 KiB from 32 kB up")
    func window() {
        #expect(Gzip.windowBits(for: 0) == 9)
        #expect(Gzip.windowBits(for: 250) == 9)
        #expect(Gzip.windowBits(for: 251) == 10)
        #expect(Gzip.windowBits(for: 4096) == 13)
        #expect(Gzip.windowBits(for: 32_506) == 15)
        #expect(Gzip.windowBits(for: 1 << 20) == 15)
        #expect(Gzip.memoryLevel(forWindowBits: 15) == 8)
        #expect(Gzip.memoryLevel(forWindowBits: 13) == 6)
        #expect(Gzip.memoryLevel(forWindowBits: 9) == 2)
    }

    @Test("derived entity tags: the identity tag with -gzip inside the quotes")
    func codedTags() {
        #expect(EntityTag.coded("\"abc\"", coding: "gzip") == "\"abc-gzip\"")
        #expect(EntityTag.coded("W/\"abc\"", coding: "gzip") == "W/\"abc-gzip\"")
        #expect(EntityTag.coded("\"\"", coding: "gzip") == "\"-gzip\"")
        #expect(EntityTag.coded("abc", coding: "gzip") == nil)
        #expect(EntityTag.coded("\"abc", coding: "gzip") == nil)
        #expect(EntityTag.coded("W/abc\"", coding: "gzip") == nil)
        #expect(EntityTag.coded("\"", coding: "gzip") == nil)
    }

    @Test(
        "compressible media types",
        arguments: [
            ("application/json", true), ("application/problem+json", true),
            ("text/html; charset=utf-8", true),
            ("TEXT/CSS", true), ("text/javascript; charset=utf-8", true), ("application/yaml", true),
            ("image/svg+xml", true), ("application/xml", true), ("application/manifest+json", true),
            ("application/wasm", true), ("image/png", false), ("image/jpeg", false), ("font/woff2", false),
            ("application/octet-stream", false), ("application/pdf", false), ("application/gzip", false),
            ("application/json+", false), ("json", false), ("", false),
        ] as [(String, Bool)])
    func compressible(type: String, expected: Bool) {
        #expect(MediaType.isCompressible(type) == expected)
    }
}
