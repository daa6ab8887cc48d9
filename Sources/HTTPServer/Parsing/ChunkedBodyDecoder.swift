/// An incremental decoder of the chunked transfer coding (RFC 9112 §7.1).
///
/// It consumes bytes as they arrive, copies chunk data into the body and discards chunk
/// extensions and trailers (RFC 9112 §7.1.1, §7.1.2 allow ignoring both). Any deviation
/// from the grammar is an error: guessing at chunk boundaries is how desync happens.
struct ChunkedBodyDecoder: Sendable {
    /// What the decoder expects next.
    private enum State: Sendable {
        /// `chunk-size [ chunk-ext ] CRLF`.
        case sizeLine
        /// `chunk-data`, with this many bytes still to come.
        case data(remaining: Int)
        /// The CRLF after chunk data.
        case dataEnd
        /// Trailer field lines until an empty line; this many trailer bytes seen so far.
        case trailer(seen: Int)
        /// The last chunk and trailer section have been read.
        case done
    }

    /// How a call to ``decode(_:into:limits:)`` ended.
    enum Outcome: Sendable {
        case needMoreData
        case complete
        case failure(ParseError)
    }

    private var state: State = .sizeLine

    /// Decodes as much of `bytes` as possible, appending chunk data to `body`. Returns how
    /// many bytes were consumed; unconsumed bytes must be offered again with more appended.
    mutating func decode(
        _ bytes: UnsafeRawBufferPointer, into body: inout [UInt8], limits: ParserLimits
    ) -> (consumed: Int, outcome: Outcome) {
        var offset = 0
        while true {
            switch state {
            case .done:
                return (offset, .complete)

            case .sizeLine:
                let lineFeed = FieldLine.indexOfLineFeed(in: bytes, from: offset)
                // Bound the line before looking at it, so a line that never ends is refused
                // whether it arrives at once or byte by byte.
                let lineLength = (lineFeed ?? bytes.count - 1) + 1 - offset
                if lineLength > ParserLimits.maxChunkSizeLineLength {
                    return (offset, .failure(ParseError(.invalidChunkSize)))
                }
                guard let lineFeed else { return (offset, .needMoreData) }
                guard lineFeed > offset, bytes[lineFeed - 1] == ASCII.cr else {
                    return (offset, .failure(ParseError(.invalidLineEnding)))
                }
                let line = UnsafeRawBufferPointer(rebasing: bytes[offset..<(lineFeed - 1)])
                guard let size = Self.parseChunkSize(line) else {
                    return (offset, .failure(ParseError(.invalidChunkSize)))
                }
                if size > limits.maxBodySize - body.count {
                    return (offset, .failure(ParseError(.contentTooLarge)))
                }
                offset = lineFeed + 1
                state = size == 0 ? .trailer(seen: 0) : .data(remaining: size)

            case .data(let remaining):
                let available = bytes.count - offset
                guard available > 0 else { return (offset, .needMoreData) }
                let take = min(available, remaining)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
                offset += take
                state = take == remaining ? .dataEnd : .data(remaining: remaining - take)

            case .dataEnd:
                guard bytes.count - offset >= 2 else {
                    // Check the byte that is here already, so garbage fails as early as it can.
                    if offset < bytes.count, bytes[offset] != ASCII.cr {
                        return (offset, .failure(ParseError(.invalidChunkFraming)))
                    }
                    return (offset, .needMoreData)
                }
                guard bytes[offset] == ASCII.cr, bytes[offset + 1] == ASCII.lf else {
                    return (offset, .failure(ParseError(.invalidChunkFraming)))
                }
                offset += 2
                state = .sizeLine

            case .trailer(let seen):
                let lineFeed = FieldLine.indexOfLineFeed(in: bytes, from: offset)
                let lineLength = (lineFeed ?? bytes.count - 1) + 1 - offset
                if seen + lineLength > limits.maxHeaderSectionSize {
                    return (offset, .failure(ParseError(.headerSectionTooLarge)))
                }
                guard let lineFeed else { return (offset, .needMoreData) }
                guard lineFeed > offset, bytes[lineFeed - 1] == ASCII.cr else {
                    return (offset, .failure(ParseError(.invalidLineEnding)))
                }
                let line = UnsafeRawBufferPointer(rebasing: bytes[offset..<(lineFeed - 1)])
                offset = lineFeed + 1
                if line.isEmpty {
                    state = .done
                } else {
                    if case .failure = FieldLine.parse(line) {
                        return (offset, .failure(ParseError(.invalidTrailer)))
                    }
                    state = .trailer(seen: seen + lineLength)
                }
            }
        }
    }

    /// Parses `1*HEXDIG [ BWS ";" chunk-ext ]` (RFC 9112 §7.1, §7.1.1). Returns `nil` for
    /// anything else, including sizes too large to represent (more than 15 hex digits).
    private static func parseChunkSize(_ line: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        var size = 0
        while index < line.count, let digit = Hex.value(of: line[index]) {
            guard index < 15 else { return nil }
            size = size << 4 | Int(digit)
            index += 1
        }
        guard index > 0 else { return nil }
        while index < line.count, ASCII.isWhitespace(line[index]) { index += 1 }
        guard index < line.count else { return size }
        guard line[index] == ASCII.semicolon else { return nil }
        // Extensions are ignored, but must not smuggle control characters.
        for position in index..<line.count where !ASCII.isFieldValueCharacter(line[position]) {
            return nil
        }
        return size
    }
}
