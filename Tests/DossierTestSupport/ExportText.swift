import Foundation

/// How a reader of an SBB export reads one of its texts, for the tests that check the importer
/// and the API against their own scan of the XML (`ExportScan`): one set of rules, so the two
/// test targets cannot drift apart in what they call the same text.
public enum ExportText {
    /// Trailing spaces of each line dropped, runs of blank lines made one, the whole trimmed.
    public static func normalized(_ text: String) -> String {
        var lines: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n") {
            var line = line
            while let last = line.last, last == " " || last == "\t" || last == "\u{00A0}" {
                line.removeLast()
            }
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A gedrag text as its lead line and its `-` items.
    public static func gedrag(_ text: String) -> (aanhef: String?, items: [String]) {
        var aanhef: [String] = []
        var items: [String] = []
        for raw in text.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("-") {
                items.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
            } else if items.isEmpty {
                aanhef.append(line)
            } else {
                items[items.count - 1] += "\n" + line
            }
        }
        return (aanhef.isEmpty ? nil : aanhef.joined(separator: "\n"), items)
    }
}
