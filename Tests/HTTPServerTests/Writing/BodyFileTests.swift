import Glibc
import Testing

@testable import HTTPServer

/// The body file (memfd), the queue's file segments for `sendfile`, and wire images.
@Suite("Body file, sendfile segments and wire images")
struct BodyFileTests {
    static let date = Array("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n".utf8)
    static let nextDate = Array("Date: Sun, 06 Nov 1994 08:49:38 GMT\r\n".utf8)

    static func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    @Test("a large body lives in the body file and reads back unchanged; a small one does not")
    func storage() throws {
        try #require(BodyFile.shared != nil, "memfd is available on Linux")
        let large = Self.pattern(BodyFile.threshold + 123)
        let stored = ByteStorage(sendable: large)
        let offset = try #require(stored.fileOffset)
        #expect(Array(stored.bytes) == large)
        // The file holds the same bytes at that offset.
        var fromFile = [UInt8](repeating: 0, count: large.count)
        let count = fromFile.withUnsafeMutableBytes {
            pread(BodyFile.shared!.descriptor, $0.baseAddress, $0.count, off_t(offset))
        }
        #expect(count == large.count)
        #expect(fromFile == large)
        // Offsets are page-aligned, so a second body never shares a page with the first.
        let second = ByteStorage(sendable: large)
        #expect(second.fileOffset.map { $0 % Int(sysconf(Int32(_SC_PAGESIZE))) } == 0)
        #expect(second.fileOffset != offset)
        #expect(ByteStorage(sendable: Self.pattern(BodyFile.threshold - 1)).fileOffset == nil)
    }

    @Test("bytes before a file segment go out with MSG_MORE, then the file stretch, resuming mid-way")
    func nextWrites() throws {
        try #require(BodyFile.shared != nil)
        let body = ByteStorage(sendable: Self.pattern(BodyFile.threshold * 2))
        let offset = try #require(body.fileOffset)
        var queue = OutboundQueue()
        queue.appendBytes(Array("head\r\n\r\n".utf8))
        queue.appendStorage(body)
        queue.appendBytes(Array("next".utf8))
        let scratch = UnsafeMutableBufferPointer<iovec>.allocate(capacity: 8)
        defer { scratch.deallocate() }

        var seen: [String] = []
        func step(writing limit: Int) {
            let written = queue.withNextWrite(scratch) { write in
                switch write {
                case .vectors(let vectors, let moreFollows):
                    let total = vectors.reduce(0) { $0 + $1.iov_len }
                    seen.append("vectors \(total) more:\(moreFollows)")
                    return min(total, limit)
                case .file(let at, let count):
                    seen.append("file +\(at - offset) \(count)")
                    return min(count, limit)
                }
            }
            queue.consume(written)
        }
        step(writing: .max)
        step(writing: 1000)
        step(writing: .max)
        step(writing: .max)
        #expect(
            seen == [
                "vectors 8 more:true", "file +0 \(body.count)", "file +1000 \(body.count - 1000)",
                "vectors 4 more:false",
            ])
        #expect(queue.isEmpty)
    }

    @Test("a wire image is head, Date, empty line and body; one per second; none for small bodies")
    func wireImages() throws {
        try #require(BodyFile.shared != nil)
        let body = Self.pattern(BodyFile.threshold + 1)
        let prepared = PreparedResponse(headers: ["Content-Type": "application/json"], body: body)
        var images = WireImages()
        // The first answer in a second only notes the response; the second makes the image.
        let first = images.image(of: prepared, dateLine: Self.date)
        #expect(first == nil)
        let made = images.image(of: prepared, dateLine: Self.date)
        let image = try #require(made)
        #expect(image.fileOffset != nil)
        #expect(Array(image.bytes) == prepared.head + Self.date + [13, 10] + body)
        let again = images.image(of: prepared, dateLine: Self.date)
        #expect(again === image)
        _ = images.image(of: prepared, dateLine: Self.nextDate)
        let remade = images.image(of: prepared, dateLine: Self.nextDate)
        let next = try #require(remade)
        #expect(next !== image)
        #expect(Array(next.bytes) == prepared.head + Self.nextDate + [13, 10] + body)
        // The old image stays intact for whoever still sends it.
        #expect(Array(image.bytes) == prepared.head + Self.date + [13, 10] + body)
        images.dropStale(dateLine: Self.date)
        #expect(images.count == 0)
        let small = PreparedResponse(body: Self.pattern(100))
        let none = images.image(of: small, dateLine: Self.date)
        #expect(none == nil)
    }

    @Test("the serialiser uses the image only for a full, plain keep-alive answer")
    func imageOnlyForPlainAnswers() throws {
        try #require(BodyFile.shared != nil)
        let prepared = PreparedResponse(body: Self.pattern(BodyFile.threshold + 1))
        var images = WireImages()
        func segments(_ framing: ResponseSerializer.Framing) -> Int {
            var queue = OutboundQueue()
            ResponseSerializer.append(
                HTTPResponse(prepared: prepared), framing: framing, date: Self.date, images: &images,
                to: &queue)
            var writes = 0
            let scratch = UnsafeMutableBufferPointer<iovec>.allocate(capacity: 8)
            defer { scratch.deallocate() }
            while !queue.isEmpty {
                let written = queue.withNextWrite(scratch) { write in
                    switch write {
                    case .vectors(let vectors, _): return vectors.reduce(0) { $0 + $1.iov_len }
                    case .file(_, let count): return count
                    }
                }
                queue.consume(written)
                writes += 1
            }
            return writes
        }
        #expect(segments(.init(connection: .none, headOnly: false, notModified: false)) == 2)
        #expect(segments(.init(connection: .none, headOnly: false, notModified: false)) == 1)
        #expect(segments(.init(connection: .close, headOnly: false, notModified: false)) == 2)
        #expect(segments(.init(connection: .keepAlive, headOnly: false, notModified: false)) == 2)
        #expect(segments(.init(connection: .none, headOnly: true, notModified: false)) == 1)
        #expect(segments(.init(connection: .none, headOnly: false, notModified: true)) == 1)
        #expect(images.count == 1)
    }
}
