/// Why a dossier file could not be imported, loaded or validated, and exactly where.
///
/// The description always starts with the file name and the place, so that the one line the
/// server prints before it exits (status 2) is enough to find the problem:
/// `2755-dienstverlening.xml:431: werkproces 986401 refers to unknown competentie 9999` or
/// `23292.json: kerntaken[B1-K2].werkprocessen[B1-K2-W3].competenties: unknown competentie Z`.
public struct ImportError: Error, CustomStringConvertible, Sendable, Hashable {
    /// Where in the file the problem is.
    public enum Location: Sendable, Hashable {
        /// A 1-based line number (published text and XML sources).
        case line(Int)
        /// A path of element names and codes (JSON files, validated models).
        case path(String)
        /// The file as a whole (unreadable, unknown format, duplicate across files).
        case file
    }

    /// The file's name, without its directory.
    public var file: String
    /// The place in the file.
    public var location: Location
    /// What is wrong, in one sentence without a trailing period.
    public var message: String

    /// Creates an error.
    public init(file: String, location: Location, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    /// `file:line: message`, `file: path: message` or `file: message`.
    public var description: String {
        switch location {
        case .line(let line): "\(file):\(line): \(message)"
        case .path(let path) where !path.isEmpty: "\(file): \(path): \(message)"
        case .path, .file: "\(file): \(message)"
        }
    }
}
