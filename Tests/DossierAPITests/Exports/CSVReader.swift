/// An RFC 4180 reader for the tests: the exports are parsed back by something other than the
/// writer, and malformed quoting is an error, not a guess.
enum CSVReader {
    struct Malformed: Error { let offset: Int }

    /// The records of `bytes` (after a UTF-8 BOM, if any), each record's fields as strings.
    static func records(_ bytes: [UInt8]) throws -> [[String]] {
        var input = bytes[...]
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input = input.dropFirst(3) }
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = input.startIndex
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field = []
        }
        while index < input.endIndex {
            let byte = input[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    let next = input.index(after: index)
                    if next < input.endIndex, input[next] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    guard field.isEmpty else { throw Malformed(offset: index) }
                    quoted = true
                case UInt8(ascii: ","):
                    endField()
                case 0x0D:
                    let next = input.index(after: index)
                    guard next < input.endIndex, input[next] == 0x0A else { throw Malformed(offset: index) }
                    endField()
                    records.append(record)
                    record = []
                    index = next
                case 0x0A:
                    throw Malformed(offset: index)  // a record must end with CRLF
                default:
                    field.append(byte)
                }
            }
            index = input.index(after: index)
        }
        guard !quoted, field.isEmpty, record.isEmpty else { throw Malformed(offset: index) }
        return records
    }
}
