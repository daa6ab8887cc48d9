import Foundation

/// The one front door for dossier files: picks the importer by extension (or, for another
/// extension, by the first bytes), imports and validates.
public enum DossierImporter {
    /// The kinds of file the importers read.
    public enum Format: String, Sendable, Hashable {
        /// The project's JSON (`*.json`), as shipped in the embedded data.
        case json
        /// An SBB XML export (`*.xml`).
        case sbbXML
        /// A published dossier's text taken from its PDF (`*.txt`).
        case publishedText
    }

    /// The format of a file, by extension; otherwise by its first non-blank byte (`{` JSON,
    /// `<` XML, anything else published text).
    public static func format(of url: URL, data: Data) -> Format {
        switch url.pathExtension.lowercased() {
        case "json": return .json
        case "xml": return .sbbXML
        case "txt": return .publishedText
        default:
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let bytes = data.starts(with: bom) ? data.dropFirst(3) : data[...]
            let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            return first == UInt8(ascii: "{") ? .json : first == UInt8(ascii: "<") ? .sbbXML : .publishedText
        }
    }

    /// Imports and validates every dossier in one file (an SBB export may hold several).
    ///
    /// - Throws: ``ImportError`` naming the file and the line or path of the first problem.
    public static func importFile(at url: URL) throws -> [Kwalificatiedossier] {
        let file = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImportError(file: file, location: .file, message: "cannot read the file (\(url.path))")
        }
        return try importData(data, format: format(of: url, data: data), file: file)
    }

    /// Imports and validates every dossier in a file's bytes.
    public static func importData(_ data: Data, format: Format, file: String) throws -> [Kwalificatiedossier]
    {
        let dossiers: [Kwalificatiedossier]
        switch format {
        case .json:
            dossiers = [try DossierJSON.decode(data, file: file)]
        case .sbbXML:
            dossiers = try SBBXMLImporter.importDossiers(from: data, file: file)
        case .publishedText:
            guard let text = String(validating: data, as: UTF8.self) else {
                throw ImportError(file: file, location: .file, message: "the text is not valid UTF-8")
            }
            dossiers = [try PublishedTextImporter.importDossier(from: text, file: file)]
        }
        for dossier in dossiers {
            try DossierValidator.validate(dossier, file: file)
        }
        return dossiers
    }
}
