/// Writes RFC 4180 CSV: UTF-8 with a byte order mark, fields separated by commas, records
/// ended by CRLF, a field quoted (its quotes doubled) when it holds a comma, a quote, CR or LF
/// or begins or ends with a space.
///
/// Why these choices, for the two importers the exports are for: Moodle's `csv_import_reader`
/// strips a BOM and turns CRLF into LF before PHP's `fgetcsv`; Canvas's outcomes importer skips
/// a BOM itself and Ruby's CSV detects CRLF. The BOM is what makes Excel, where a teacher may
/// open the file first, read it as UTF-8 instead of Windows-1252.
struct CSVWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Appends one record.
    mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let utf8 = Array(field.utf8)
            let needsQuotes =
                utf8.contains {
                    $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A
                }
                || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
            if needsQuotes {
                bytes.append(UInt8(ascii: "\""))
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }
}
