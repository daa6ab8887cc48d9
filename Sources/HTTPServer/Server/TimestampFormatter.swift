/// RFC 3339 UTC timestamps with milliseconds (`2026-12-01T22:27:25.123Z`), for the access
/// log's thread.
///
/// The date and time up to the second are computed once per second and kept; a line in the
/// same second only appends its milliseconds. Pure arithmetic (days to civil date, Howard
/// Hinnant's algorithm): no `Date`, no formatter, no time zone database.
struct TimestampFormatter {
    private var second: Int64 = .min
    private var prefix: [UInt8] = []

    /// Appends the time `milliseconds` after 1970-01-01T00:00:00Z.
    mutating func append(milliseconds: Int64, to out: inout [UInt8]) {
        let (second, millisecond) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (whole, fraction) = millisecond < 0 ? (second - 1, millisecond + 1000) : (second, millisecond)
        if whole != self.second {
            self.second = whole
            prefix = Self.dateAndTime(whole)
        }
        out.append(contentsOf: prefix)
        out.append(UInt8(ascii: "."))
        Self.appendDigits(Int(fraction), count: 3, to: &out)
        out.append(UInt8(ascii: "Z"))
    }

    /// `YYYY-MM-DDTHH:MM:SS` for a second since 1970.
    static func dateAndTime(_ second: Int64) -> [UInt8] {
        let (days, secondOfDay) = second.quotientAndRemainder(dividingBy: 86_400)
        let (day, time) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        // Days to year, month, day (proleptic Gregorian), from Hinnant's `civil_from_days`.
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var out: [UInt8] = []
        out.reserveCapacity(19)
        appendDigits(Int(year), count: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(Int(month), count: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(Int(dayOfMonth), count: 2, to: &out)
        out.append(UInt8(ascii: "T"))
        appendDigits(Int(time / 3600), count: 2, to: &out)
        out.append(ASCII.colon)
        appendDigits(Int(time / 60 % 60), count: 2, to: &out)
        out.append(ASCII.colon)
        appendDigits(Int(time % 60), count: 2, to: &out)
        return out
    }

    private static func appendDigits(_ value: Int, count: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
