/// The syntax of one field line, `field-name ":" OWS field-value OWS` (RFC 9112 §5).
///
/// Shared by header fields and chunked trailers, so both are held to the same rules.
struct FieldLine {
    /// Where the name ends in the line (the colon's index).
    let colon: Int
    /// The value's bounds in the line, without surrounding whitespace.
    let valueStart: Int
    let valueEnd: Int

    /// Checks a field line (without its CRLF) and finds its parts.
    static func parse(_ line: UnsafeRawBufferPointer) -> Result<FieldLine, ParseError> {
        guard let first = line.first else { return .failure(ParseError(.invalidFieldName)) }
        // RFC 9112 §5.2: obs-fold (a line starting with whitespace) is rejected; so is
        // whitespace before the first field line (RFC 9112 §2.2).
        if ASCII.isWhitespace(first) { return .failure(ParseError(.obsoleteLineFolding)) }
        var colon = 0
        while colon < line.count, line[colon] != ASCII.colon {
            // RFC 9112 §5.1: no whitespace between name and colon, and the name is a token.
            guard ASCII.isTokenCharacter(line[colon]) else { return .failure(ParseError(.invalidFieldName)) }
            colon += 1
        }
        guard colon > 0, colon < line.count else { return .failure(ParseError(.invalidFieldName)) }
        var start = colon + 1
        var end = line.count
        while start < end, ASCII.isWhitespace(line[start]) { start += 1 }
        while end > start, ASCII.isWhitespace(line[end - 1]) { end -= 1 }
        for index in start..<end where !ASCII.isFieldValueCharacter(line[index]) {
            // RFC 9110 §5.5: CR, LF and NUL in a value are a smuggling vector; reject.
            return .failure(ParseError(.invalidFieldValue))
        }
        return .success(FieldLine(colon: colon, valueStart: start, valueEnd: end))
    }

    /// Finds the next LF at or after `from`, using `memchr`-speed search.
    static func indexOfLineFeed(in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress else { return nil }
        // A simple loop; the optimiser vectorises it well enough and it keeps this file free
        // of libc so the fuzz build stays self-contained.
        var index = from
        let count = bytes.count
        while index < count {
            if base.load(fromByteOffset: index, as: UInt8.self) == ASCII.lf { return index }
            index += 1
        }
        return nil
    }
}
