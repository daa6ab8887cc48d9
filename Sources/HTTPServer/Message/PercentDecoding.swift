/// Percent-decoding of URI components (RFC 3986 §2.1).
public enum PercentDecoding {
    /// Decodes `%XX` escapes in a URI component. Returns `nil` when an escape is malformed
    /// (a `%` not followed by two hex digits), so callers can refuse rather than guess.
    public static func decode<C: Collection<UInt8>>(_ component: C) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(component.count)
        var index = component.startIndex
        while index != component.endIndex {
            let byte = component[index]
            index = component.index(after: index)
            guard byte == ASCII.percent else {
                output.append(byte)
                continue
            }
            guard index != component.endIndex, let high = Hex.value(of: component[index]) else { return nil }
            index = component.index(after: index)
            guard index != component.endIndex, let low = Hex.value(of: component[index]) else { return nil }
            index = component.index(after: index)
            output.append(high << 4 | low)
        }
        return output
    }

    /// Decodes a URI component to text; `nil` when an escape is malformed or the decoded
    /// bytes are not valid UTF-8 (RFC 3987 §3.2 reads percent-encoded octets as UTF-8).
    public static func decodeString(_ component: Substring) -> String? {
        if !component.utf8.contains(ASCII.percent) { return String(component) }
        guard let bytes = decode(component.utf8) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
