import Glibc

/// The `Date` field line, formatted once per second (RFC 9110 §6.6.1, §5.6.7 IMF-fixdate).
///
/// Formatting a date per request would cost more than the rest of a cached response; each
/// event loop keeps one of these and refreshes it when the second changes.
struct HTTPDate {
    /// `Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n`.
    private(set) var fieldLine: [UInt8] = []
    private var second: Int = -1

    /// Re-formats the line if the wall-clock second has changed since the last call; returns
    /// whether it did.
    @discardableResult
    mutating func refresh() -> Bool {
        let now = time(nil)
        guard now != second else { return false }
        second = now
        fieldLine = Self.fieldLine(for: now)
        return true
    }

    /// The field line for a Unix time.
    static func fieldLine(for seconds: Int) -> [UInt8] {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var line = Array("Date: ".utf8)
        line.append(contentsOf: days[Int(parts.tm_wday)].utf8)
        line.append(contentsOf: ", ".utf8)
        appendTwoDigits(Int(parts.tm_mday), to: &line)
        line.append(ASCII.space)
        line.append(contentsOf: months[Int(parts.tm_mon)].utf8)
        line.append(ASCII.space)
        ResponseSerializer.appendDecimal(Int(parts.tm_year) + 1900, to: &line)
        line.append(ASCII.space)
        appendTwoDigits(Int(parts.tm_hour), to: &line)
        line.append(ASCII.colon)
        appendTwoDigits(Int(parts.tm_min), to: &line)
        line.append(ASCII.colon)
        appendTwoDigits(Int(parts.tm_sec), to: &line)
        line.append(contentsOf: " GMT\r\n".utf8)
        return line
    }

    private static func appendTwoDigits(_ value: Int, to line: inout [UInt8]) {
        line.append(UInt8(value / 10 % 10) + 0x30)
        line.append(UInt8(value % 10) + 0x30)
    }
}
