import Glibc
import Testing

@testable import HTTPServer

/// The body file (memfd), the queue's file segments for `sendfile`, and wire images.
@Suite("Body file, sendfile segments and wire images")
struct BodyFileTests {
    static let fieldLines = Array("X-Own: 1\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n".utf8)
    static let nextFieldLines = Array("X-Own: 1\r\nDate: Sun, 06 Nov 1994 08:49:38 GMT\r\n".utf8)
    static let threshold = ServerTuning().wireImageThreshold

    static func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    /// The bytes of a stretch, read back from its file.
    static func contents(_ stretch: FileStretch) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: stretch.count)
        let count = bytes.withUnsafeMutableBytes {
            pread(stretch.file.descriptor, $0.baseAddress, $0.count, off_t(stretch.offset))
        }
        return Array(bytes.prefix(max(count, 0)))
    }

    @Test("stored bytes read back unchanged, page-aligned; a released stretch's pages are freed")
    func storage() throws {
        let file = try #require(BodyFile.make(), "memfd is available on Linux")
        let large = Self.pattern(Self.threshold + 123)
        let (offset, count, second) = try { () throws -> (Int, Int, FileStretch) in
            let stored = large.withUnsafeBytes { file.store($0) }
            let first = try #require(stored)
            #expect(Self.contents(first) == large)
            // Offsets are page-aligned, so a second stretch never shares a page with the first.
            let storedAgain = large.withUnsafeBytes { file.store($0) }
            let second = try #require(storedAgain)
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            #expect(second.offset % page == 0)
            #expect(second.offset >= first.offset + large.count)
            return (first.offset, first.count, second)
        }()
        // The first stretch is gone: its pages were punched out and read as zeros.
        var after = [UInt8](repeating: 1, count: count)
        _ = after.withUnsafeMutableBytes { pread(file.descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        #expect(after.allSatisfy { $0 == 0 })
        #expect(Self.contents(second) == large)
    }

    @Test("bytes before a file segment go out with MSG_MORE, then the file stretch, resuming mid-way")
    func nextWrites() throws {
        let file = try #require(BodyFile.make())
        let stored = Self.pattern(Self.threshold * 2).withUnsafeBytes { file.store($0) }
        let image = try #require(stored)
        var queue = OutboundQueue()
        queue.appendBytes(Array("head\r\n\r\n".utf8))
        queue.appendFile(image)
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
                case .file(let descriptor, let at, let count):
                    seen.append("file \(descriptor == file.descriptor) +\(at - image.offset) \(count)")
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
                "vectors 8 more:true", "file true +0 \(image.count)", "file true +1000 \(image.count - 1000)",
                "vectors 4 more:false",
            ])
        #expect(queue.isEmpty)
    }

    @Test("a wire image is head, field lines, empty line and body; one per second; none for small bodies")
    func wireImages() throws {
        let file = try #require(BodyFile.make())
        let body = Self.pattern(Self.threshold + 1)
        let prepared = PreparedResponse(headers: ["Content-Type": "application/json"], body: body)
        var images = WireImages(file: file)
        // The first answer in a second only notes the response; the second makes the image.
        #expect(images.image(of: prepared, fieldLines: Self.fieldLines) == nil)
        let made = images.image(of: prepared, fieldLines: Self.fieldLines)
        let image = try #require(made)
        #expect(image.file === file)
        #expect(Self.contents(image) == prepared.head + Self.fieldLines + [13, 10] + body)
        #expect(images.image(of: prepared, fieldLines: Self.fieldLines) === image)
        _ = images.image(of: prepared, fieldLines: Self.nextFieldLines)
        let remade = images.image(of: prepared, fieldLines: Self.nextFieldLines)
        let next = try #require(remade)
        #expect(next !== image)
        #expect(Self.contents(next) == prepared.head + Self.nextFieldLines + [13, 10] + body)
        // The old image stays intact for whoever still sends it.
        #expect(Self.contents(image) == prepared.head + Self.fieldLines + [13, 10] + body)
        images.dropStale(fieldLines: Self.fieldLines)
        #expect(images.count == 0)
        let small = PreparedResponse(body: Self.pattern(100))
        _ = images.image(of: small, fieldLines: Self.fieldLines)
        #expect(images.image(of: small, fieldLines: Self.fieldLines) == nil)
        // Without a body file there are no images.
        var none = WireImages(file: nil)
        _ = none.image(of: prepared, fieldLines: Self.fieldLines)
        #expect(none.image(of: prepared, fieldLines: Self.fieldLines) == nil)
    }

    @Test("a loop makes at most its budget of images in a second")
    func budget() throws {
        let file = try #require(BodyFile.make())
        let responses = (0..<3).map { index in PreparedResponse(body: Self.pattern(Self.threshold + index)) }
        var tuning = ServerTuning()
        tuning.wireImageBytesPerSecond = 2 * (Self.threshold + 1024)
        var images = WireImages(file: file, tuning: tuning)
        var made = 0
        for response in responses {
            _ = images.image(of: response, fieldLines: Self.fieldLines)
            if images.image(of: response, fieldLines: Self.fieldLines) != nil { made += 1 }
        }
        #expect(made == 2)
        // A new second, a new budget.
        _ = images.image(of: responses[2], fieldLines: Self.nextFieldLines)
        #expect(images.image(of: responses[2], fieldLines: Self.nextFieldLines) != nil)
    }

    @Test("the serialiser uses the image only for a full, plain keep-alive answer")
    func imageOnlyForPlainAnswers() throws {
        let prepared = PreparedResponse(body: Self.pattern(Self.threshold + 1))
        let file = try #require(BodyFile.make())
        var images = WireImages(file: file)
        /// Whether the answer went out with `sendfile`, and the bytes it wrote otherwise.
        func answer(_ framing: ResponseSerializer.Framing) -> (fromFile: Bool, bytes: Int) {
            var queue = OutboundQueue()
            ResponseSerializer.append(
                HTTPResponse(prepared: prepared), framing: framing, fieldLines: Self.fieldLines,
                images: &images,
                to: &queue)
            var fromFile = false
            var bytes = 0
            let scratch = UnsafeMutableBufferPointer<iovec>.allocate(capacity: 8)
            defer { scratch.deallocate() }
            while !queue.isEmpty {
                let written = queue.withNextWrite(scratch) { write in
                    switch write {
                    case .vectors(let vectors, _): return vectors.reduce(0) { $0 + $1.iov_len }
                    case .file(_, _, let count):
                        fromFile = true
                        return count
                    }
                }
                bytes += written
                queue.consume(written)
            }
            return (fromFile, bytes)
        }
        let full = prepared.head.count + Self.fieldLines.count + 2 + prepared.body.count
        // First sight: noted, sent from memory; second: the image.
        #expect(answer(.init(connection: .none, headOnly: false, notModified: false)) == (false, full))
        #expect(answer(.init(connection: .none, headOnly: false, notModified: false)) == (true, full))
        #expect(answer(.init(connection: .close, headOnly: false, notModified: false)).fromFile == false)
        #expect(answer(.init(connection: .keepAlive, headOnly: false, notModified: false)).fromFile == false)
        #expect(answer(.init(connection: .none, headOnly: true, notModified: false)).fromFile == false)
        #expect(answer(.init(connection: .none, headOnly: false, notModified: true)).fromFile == false)
        #expect(images.count == 1)
    }
}
