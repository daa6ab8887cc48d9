import Foundation
import Testing

@testable import Dossier

/// The rules between the embedded dossiers and a `--data` directory
/// (`Catalog.load(dataDirectory:includingEmbedded:)`).
@Suite("Data sources: embedded and --data")
struct DataSourceTests {
    /// A directory holding `files` (name → dossier, written as project JSON).
    static func directory(_ files: [String: Kwalificatiedossier]) throws -> URL {
        let directory = try Fixture.temporaryDirectory()
        for (name, dossier) in files {
            try DossierJSON.encode(dossier).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }

    @Test("a --data dossier whose crebo is embedded replaces the embedded copy, and the catalog says so")
    func replacesEmbedded() throws {
        var newer = try Fixture.importXML()
        newer.titel = "Dienstverlening (een nieuwere versie, voor deze test)"
        let directory = try Self.directory(["23189.json": newer])
        defer { try? FileManager.default.removeItem(at: directory) }

        let catalog = try Catalog.load(dataDirectory: directory)
        let embedded = try Catalog.loadEmbedded()
        #expect(catalog.dossiers.map(\.crebo) == embedded.dossiers.map(\.crebo))
        #expect(catalog.dossier(crebo: "23189")?.titel == newer.titel)
        #expect(catalog.dossier(crebo: "23292") == (try Fixture.importSeed()))
        #expect(
            catalog.replacedEmbedded == [
                EmbeddedReplacement(
                    crebo: "23189", file: directory.appendingPathComponent("23189.json").relativePath,
                    embeddedFile: "23189.json")
            ])
        // Its kwalificatie crebos are the embedded copy's: no clash with the copy it replaces.
        #expect(catalog.kwalificatie(crebo: "25499")?.dossier.titel == newer.titel)
        #expect(embedded.replacedEmbedded.isEmpty)
    }

    @Test("the replacing file is named as the path was given, relative or absolute")
    func replacementPathAsGiven() throws {
        let directory = try Self.directory(["dienst.json": try Fixture.importXML()])
        defer { try? FileManager.default.removeItem(at: directory) }
        let relative = URL(
            fileURLWithPath: directory.lastPathComponent, isDirectory: true,
            relativeTo: directory.deletingLastPathComponent())
        let catalog = try Catalog.load(dataDirectory: relative)
        #expect(catalog.replacedEmbedded.map(\.file) == ["\(directory.lastPathComponent)/dienst.json"])
    }

    @Test("two --data files with one dossier crebo are an error naming both files")
    func twoDataFilesOneCrebo() throws {
        let dossier = try Fixture.importXML()
        let directory = try Self.directory(["a.json": dossier, "b.json": dossier])
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: ImportError.self) { try Catalog.load(dataDirectory: directory) }
        #expect(error?.description == "b.json: dossier crebo 23189 is also in a.json; keep one of the two")
        // Also without the embedded copy: the rule is between the data files.
        let alone = #expect(throws: ImportError.self) {
            try Catalog.load(dataDirectory: directory, includingEmbedded: false)
        }
        #expect(alone == error)
    }

    @Test(
        "a data dossier that reuses an embedded kwalificatie crebo without replacing it names the embedded file"
    )
    func kwalificatieClashNamesEmbedded() throws {
        var other = try Fixture.importSeed()
        other.crebo = "12345"
        let directory = try Self.directory(["ander.json": other])
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: ImportError.self) { try Catalog.load(dataDirectory: directory) }
        #expect(
            error?.description
                == "ander.json: kwalificaties[P1].crebo: crebo 25712 is already used in 23292.json (embedded)"
        )
        // Without the embedded dossiers it is no clash.
        #expect(
            try Catalog.load(dataDirectory: directory, includingEmbedded: false).dossiers.map(\.crebo) == [
                "12345"
            ])
    }

    @Test("without the embedded dossiers only --data is served; an empty directory is an error")
    func dataOnly() throws {
        let directory = try Self.directory(["dienst.json": try Fixture.importXML()])
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = try Catalog.load(dataDirectory: directory, includingEmbedded: false)
        #expect(catalog.dossiers.map(\.crebo) == ["23189"])
        #expect(catalog.dossier(crebo: "23292") == nil && catalog.replacedEmbedded.isEmpty)

        let empty = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let error = #expect(throws: ImportError.self) {
            try Catalog.load(dataDirectory: empty, includingEmbedded: false)
        }
        #expect(error?.message.hasPrefix("no dossier in ") == true)
        #expect(try Catalog.load(dataDirectory: empty).dossiers == (try Catalog.loadEmbedded().dossiers))
    }
}
