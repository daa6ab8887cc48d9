import Foundation

@testable import Dossier

/// The real sources, read from the repository (never from outside it), and the shipped data.
enum Fixture {
    /// The package root, found from this file's own path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appendingPathComponent("Tests/DossierTests/Fixtures")
    static let shippedDirectory = root.appendingPathComponent("Sources/Dossier/Resources/dossiers")

    static let seedName = "kd-23292-aftersales-mobiliteitsbranche.txt"
    static let xmlName = "2755-dienstverlening.xml"
    /// The real export with per-profiel additions: 23181 Maatschappelijke Zorg.
    static let zorgName = "4156-maatschappelijke-zorg.xml"
    /// The seed with "Voor ‹profiel› geldt aanvullend:" blocks inserted by the tests (see
    /// `PublishedTextAanvullendTests`); not a real publication.
    static let constructedName = "constructed-23292-aanvullend.txt"

    static var seedURL: URL { directory.appendingPathComponent(seedName) }
    static var xmlURL: URL { directory.appendingPathComponent(xmlName) }
    static var zorgURL: URL { directory.appendingPathComponent(zorgName) }
    static var constructedURL: URL { directory.appendingPathComponent(constructedName) }

    static func data(_ url: URL) throws -> Data { try Data(contentsOf: url) }
    static func seedText() throws -> String { String(decoding: try data(seedURL), as: UTF8.self) }
    static func xmlText() throws -> String { String(decoding: try data(xmlURL), as: UTF8.self) }
    static func zorgText() throws -> String { String(decoding: try data(zorgURL), as: UTF8.self) }

    /// The seed's lines, 1-based access via `seedLines[n - 1]`.
    static func seedLines() throws -> [String] {
        try seedText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func shipped(_ crebo: String) throws -> Data {
        try data(shippedDirectory.appendingPathComponent("\(crebo).json"))
    }

    static func importSeed() throws -> Kwalificatiedossier {
        try PublishedTextImporter.importDossier(from: seedText(), file: seedName)
    }

    static func importXML() throws -> Kwalificatiedossier {
        let dossiers = try SBBXMLImporter.importDossiers(from: data(xmlURL), file: xmlName)
        guard dossiers.count == 1 else { throw FixtureError.unexpectedCount(dossiers.count) }
        return dossiers[0]
    }

    static func importZorg() throws -> Kwalificatiedossier {
        let dossiers = try SBBXMLImporter.importDossiers(from: data(zorgURL), file: zorgName)
        guard dossiers.count == 1 else { throw FixtureError.unexpectedCount(dossiers.count) }
        return dossiers[0]
    }

    /// Imports a changed copy of the 4156 export (first occurrence of `target` replaced).
    static func importZorg(replacingFirst target: String, with replacement: String) throws
        -> [Kwalificatiedossier]
    {
        var text = try zorgText()
        guard let range = text.range(of: target) else { throw FixtureError.missing(target) }
        text.replaceSubrange(range, with: replacement)
        return try SBBXMLImporter.importDossiers(from: Data(text.utf8), file: zorgName)
    }

    /// Imports a changed copy of the seed text.
    static func importSeed(replacing target: String, with replacement: String) throws -> Kwalificatiedossier {
        let text = try seedText()
        guard text.contains(target) else { throw FixtureError.missing(target) }
        return try PublishedTextImporter.importDossier(
            from: text.replacingAll(target, with: replacement), file: seedName)
    }

    /// Imports a changed copy of the XML sample (first occurrence of `target` replaced).
    static func importXML(replacingFirst target: String, with replacement: String) throws
        -> [Kwalificatiedossier]
    {
        var text = try xmlText()
        guard let range = text.range(of: target) else { throw FixtureError.missing(target) }
        text.replaceSubrange(range, with: replacement)
        return try SBBXMLImporter.importDossiers(from: Data(text.utf8), file: xmlName)
    }

    /// A fresh empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

enum FixtureError: Error {
    case missing(String)
    case unexpectedCount(Int)
}

extension Kwalificatiedossier {
    /// Every werkproces with its kerntaak's code.
    var alleWerkprocessen: [(kerntaak: String, werkproces: Werkproces)] {
        kerntaken.flatMap { kerntaak in kerntaak.werkprocessen.map { (kerntaak.code, $0) } }
    }

    func werkproces(_ code: String) -> Werkproces? {
        alleWerkprocessen.first { $0.werkproces.code == code }?.werkproces
    }

    func kerntaak(_ code: String) -> Kerntaak? {
        kerntaken.first { $0.code == code }
    }
}
