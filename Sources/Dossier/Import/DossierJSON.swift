import Foundation

/// The project's own JSON format of a dossier: the ``Kwalificatiedossier`` tree as `Codable`
/// writes it, keys sorted, pretty-printed, slashes unescaped, one trailing newline; absent
/// optionals are left out. The embedded data is written with ``encode(_:)`` so that
/// re-importing a source gives the shipped file byte for byte.
public enum DossierJSON {
    /// The file's bytes for a dossier; deterministic for equal values.
    public static func encode(_ dossier: Kwalificatiedossier) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain value types with String keys cannot fail.
        var data = try! encoder.encode(dossier)
        data.append(0x0A)
        return data
    }

    /// Decodes one dossier from the project's JSON (no validation; see ``DossierValidator``).
    ///
    /// - Throws: ``ImportError`` naming the file and the JSON path of the problem.
    public static func decode(_ data: Data, file: String) throws -> Kwalificatiedossier {
        do {
            return try JSONDecoder().decode(Kwalificatiedossier.self, from: data)
        } catch let error as DecodingError {
            throw ImportError(file: file, location: .path(path(of: error)), message: message(of: error))
        } catch {
            throw ImportError(file: file, location: .file, message: "not valid JSON: \(error)")
        }
    }

    private static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context? =
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                context
            case .keyNotFound(_, let context): context
            @unknown default: nil
            }
        var path = ""
        for key in context?.codingPath ?? [] {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    private static func message(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing required field '\(key.stringValue)'"
        case .typeMismatch(let type, _): "wrong type, expected \(type)"
        case .valueNotFound(let type, _): "missing value, expected \(type)"
        case .dataCorrupted(let context): "not valid JSON: \(context.debugDescription)"
        @unknown default: "cannot decode: \(error)"
        }
    }
}
