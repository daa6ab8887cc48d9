/// The grammar of a `Host` field value (RFC 9110 §7.2, RFC 9112 §3.2, RFC 3986 §3.2.2):
///
/// ```
/// Host        = uri-host [ ":" port ]
/// uri-host    = IP-literal / IPv4address / reg-name
/// IP-literal  = "[" ( IPv6address / IPvFuture ) "]"
/// IPvFuture   = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
/// reg-name    = *( unreserved / pct-encoded / sub-delims )
/// port        = *DIGIT
/// ```
///
/// Checked exactly, not by character class: a server that accepts `[::1` or `a:port` and a
/// proxy or cache that reads them differently disagree on which authority was meant
/// (RFC 9112 §3.2 requires 400 for an invalid Host). An IPv4address is also a reg-name, so
/// it needs no case of its own; an empty reg-name is allowed (RFC 9112 §3.2: an empty Host
/// when the target has no authority), and so is an empty port.
enum HostFieldValue {
    /// Whether `value` matches `uri-host [ ":" port ]`.
    static func isValid(_ value: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = value.count
        if count > 0, value[0] == UInt8(ascii: "[") {
            guard let closing = value.firstIndex(of: UInt8(ascii: "]")),
                isValidIPLiteral(UnsafeRawBufferPointer(rebasing: value[1..<closing]))
            else { return false }
            index = closing + 1
        } else {
            while index < count, value[index] != ASCII.colon {
                let byte = value[index]
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < count, isHexDigit(value[index + 1]), isHexDigit(value[index + 2])
                    else { return false }
                    index += 3
                    continue
                }
                guard isUnreserved(byte) || isSubDelimiter(byte) else { return false }
                index += 1
            }
        }
        guard index < count else { return true }
        // What follows the host can only be ":" and a port of digits, possibly none.
        guard value[index] == ASCII.colon else { return false }
        return value[(index + 1)...].allSatisfy { $0 &- 0x30 < 10 }
    }

    /// The inside of `[...]`: an IPv6address, optionally with an RFC 6874 zone identifier
    /// (`%25` then a zone: clients on link-local addresses send it), or an IPvFuture.
    private static func isValidIPLiteral(_ literal: UnsafeRawBufferPointer) -> Bool {
        guard let first = literal.first else { return false }
        if first == UInt8(ascii: "v") || first == UInt8(ascii: "V") {
            return isValidIPvFuture(UnsafeRawBufferPointer(rebasing: literal[1...]))
        }
        var end = literal.count
        if let percent = literal.firstIndex(of: UInt8(ascii: "%")) {
            guard isValidZoneIdentifier(UnsafeRawBufferPointer(rebasing: literal[percent...])) else {
                return false
            }
            end = percent
        }
        return isValidIPv6(UnsafeRawBufferPointer(rebasing: literal[..<end]))
    }

    /// `1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`, after the `v`.
    private static func isValidIPvFuture(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 0, dot + 1 < bytes.count else {
            return false
        }
        return bytes[..<dot].allSatisfy(isHexDigit)
            && bytes[(dot + 1)...].allSatisfy { isUnreserved($0) || isSubDelimiter($0) || $0 == ASCII.colon }
    }

    /// RFC 6874: `"%25" 1*( unreserved / pct-encoded )`.
    private static func isValidZoneIdentifier(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count > 3, bytes[1] == UInt8(ascii: "2"), bytes[2] == UInt8(ascii: "5") else {
            return false
        }
        var index = 3
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]),
                    isHexDigit(bytes[index + 2])
                else { return false }
                index += 3
            } else {
                guard isUnreserved(bytes[index]) else { return false }
                index += 1
            }
        }
        return true
    }

    /// RFC 3986 §3.2.2 `IPv6address`: eight 16-bit pieces of 1–4 hex digits, the last two
    /// possibly written as an IPv4address, with at most one `::` standing for one or more
    /// zero pieces.
    static func isValidIPv6(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var pieces = 0
        var sawDoubleColon = false
        var index = 0
        let count = bytes.count
        if count >= 2, bytes[0] == ASCII.colon, bytes[1] == ASCII.colon {
            sawDoubleColon = true
            index = 2
            if index == count { return true }
        } else if count > 0, bytes[0] == ASCII.colon {
            return false
        }
        while index < count {
            // One piece: hex digits up to ':' or the end, or a dotted IPv4 as the last piece.
            var end = index
            while end < count, isHexDigit(bytes[end]) { end += 1 }
            if end < count, bytes[end] == UInt8(ascii: ".") {
                guard isValidIPv4(UnsafeRawBufferPointer(rebasing: bytes[index...])) else { return false }
                pieces += 2
                break
            }
            guard end > index, end - index <= 4 else { return false }
            pieces += 1
            if end == count { break }
            guard bytes[end] == ASCII.colon else { return false }
            if end + 1 < count, bytes[end + 1] == ASCII.colon {
                guard !sawDoubleColon else { return false }
                sawDoubleColon = true
                index = end + 2
                if index == count { break }
            } else {
                // A single ':' must be followed by another piece.
                guard end + 1 < count else { return false }
                index = end + 1
            }
        }
        return sawDoubleColon ? pieces <= 7 : pieces == 8
    }

    /// `dec-octet "." dec-octet "." dec-octet "." dec-octet`, each 0–255 without leading
    /// zeros (RFC 3986 §3.2.2).
    private static func isValidIPv4(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var octets = 0
        var value = 0
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, octets < 3 else { return false }
                octets += 1
                value = 0
                digits = 0
                continue
            }
            let digit = byte &- 0x30
            guard digit < 10, !(digits > 0 && value == 0) else { return false }
            value = value * 10 + Int(digit)
            digits += 1
            guard value <= 255 else { return false }
        }
        return octets == 3 && digits > 0
    }

    /// `HEXDIG` (RFC 5234 appendix B.1, case-insensitive as RFC 3986 §2.1 reads it).
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        Hex.value(of: byte) != nil
    }

    /// `ALPHA / DIGIT / "-" / "." / "_" / "~"` (RFC 3986 §2.3).
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// `"!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="` (RFC 3986 §2.2).
    private static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }
}
