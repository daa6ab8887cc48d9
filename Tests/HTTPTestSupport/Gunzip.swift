import CZlib

/// Decodes gzip content in tests with zlib's own inflater, independent of the server's
/// compressor (which only deflates), so a test checks the bytes a client would decode.
public enum Gunzip {
    /// The content of exactly one gzip member, or `nil` when `member` is not one (a bad
    /// header, a wrong CRC-32 or length in the trailer, bytes after the member, truncation).
    public static func decode(_ member: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        return member.withUnsafeBytes { input -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = UInt32(input.count)
            while true {
                let status = chunk.withUnsafeMutableBytes { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = UInt32(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if status == Z_STREAM_END { return stream.avail_in == 0 ? output : nil }
                guard status == Z_OK else { return nil }
                // No progress possible: the member is truncated.
                if stream.avail_in == 0, stream.avail_out != 0 { return nil }
            }
        }
    }
}

extension TestClient.Response {
    /// The content decoded from gzip when `Content-Encoding: gzip` says it is gzip, else as it
    /// is; `nil` when it says gzip and the content does not decode.
    public var decodedBody: [UInt8]? {
        header("Content-Encoding")?.lowercased() == "gzip" ? Gunzip.decode(body) : body
    }
}
