import CZlib

/// The gzip content coding (RFC 9110 §8.4.1.3): one gzip member (RFC 1952) around a deflate
/// stream (RFC 1951) made by zlib.
///
/// The member's header is written here, not by zlib, so that it holds nothing but the fixed
/// bytes `1f 8b 08 00 00000000 XFL 03`: no file name, no modification time (0, "none"),
/// operating system 3 (Unix) whatever system compressed it. The same content, level and zlib
/// version then always give the same bytes. Across zlib versions the deflate stream may
/// differ; the entity tag of a gzip representation is therefore derived from the identity tag
/// (``EntityTag/coded(_:coding:)``), never from these bytes.
enum Gzip {
    /// The level for representations made once, when a response is prepared: zlib's default.
    /// Measured on the API's embedded resources (1.27 MB): level 9 makes them 0.9 % smaller
    /// (253,029 against 255,214 bytes) for 40 % more time (69 against 49 ms); with 500 dossiers
    /// (516 MB rendered) that is some 10 s more of a core during the warm-up, beside the event
    /// loops on a 2-core machine, for 1 % of the bytes.
    static let preparedLevel: Int32 = 6

    /// The level for responses compressed per request: zlib's fastest. Measured on this
    /// machine kind with search answers: level 6 takes 1.7–2.7 times as long as level 1 on
    /// 4–16 kB of JSON (76 against 44 µs at 4 kB, 414 against 207 µs at 16 kB) for 6–12 %
    /// fewer bytes; on the event loop the time counts more than those bytes.
    static let dynamicLevel: Int32 = 1

    /// The length of the member's header and trailer (CRC-32 and size).
    static let headerLength = 10
    static let trailerLength = 8

    /// `content` as one gzip member at `level`, or `nil` if zlib fails (out of memory) or the
    /// content is 4 GiB or more (beyond one deflate call and the member's 32-bit size field,
    /// and far beyond any response here).
    static func compress(_ content: UnsafeRawBufferPointer, level: Int32) -> [UInt8]? {
        guard content.count < Int(UInt32.max) else { return nil }
        let window = windowBits(for: content.count)
        var stream = z_stream()
        // A window no larger than the content needs (plus zlib's look-ahead) compresses the
        // same and allocates less: 48 KiB of zlib state for a 4 kB answer instead of 256 KiB.
        guard czlib_deflate_init_raw(&stream, level, window, memoryLevel(forWindowBits: window)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(content.count)))
        let capacity = headerLength + bound + trailerLength
        var failed = false
        let member = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            guard let out = buffer.baseAddress else {
                failed = true
                count = 0
                return
            }
            let header: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, extraFlags(level: level), 3]
            for (index, byte) in header.enumerated() { out[index] = byte }
            // zlib reads the input through a non-const pointer but never writes it.
            stream.next_in = UnsafeMutablePointer(
                mutating: content.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = UInt32(content.count)
            stream.next_out = out + headerLength
            stream.avail_out = UInt32(bound)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else {
                failed = true
                count = 0
                return
            }
            var end = headerLength + Int(stream.total_out)
            let checksum = crc32(
                0, content.baseAddress?.assumingMemoryBound(to: Bytef.self), UInt32(content.count))
            for value in [UInt32(truncatingIfNeeded: checksum), UInt32(content.count)] {
                // RFC 1952 §2.2: little-endian.
                for shift in stride(from: 0, to: 32, by: 8) {
                    out[end] = UInt8(truncatingIfNeeded: value >> UInt32(shift))
                    end += 1
                }
            }
            count = end
        }
        return failed ? nil : member
    }

    /// `content` as one gzip member at `level`, as the buffer version makes it.
    static func compress(_ content: [UInt8], level: Int32) -> [UInt8]? {
        content.withUnsafeBytes { compress($0, level: level) }
    }

    /// The raw-deflate window for `count` bytes: the smallest of 2^9 … 2^15 bytes that holds
    /// them and zlib's 262-byte look-ahead, so that every match a full window would find is found.
    static func windowBits(for count: Int) -> Int32 {
        var bits: Int32 = 9
        while bits < 15, (1 << bits) < count + 262 { bits += 1 }
        return bits
    }

    /// zlib's memory level for a window: its default 8 for the full window, one less for each
    /// halving (the hash table and the literal buffer shrink with the window).
    static func memoryLevel(forWindowBits bits: Int32) -> Int32 {
        max(1, min(8, bits - 7))
    }

    /// RFC 1952 §2.3.1's XFL: 2 for the slowest (best) level, 4 for the fastest.
    private static func extraFlags(level: Int32) -> UInt8 {
        level == 9 ? 2 : level == 1 ? 4 : 0
    }
}
