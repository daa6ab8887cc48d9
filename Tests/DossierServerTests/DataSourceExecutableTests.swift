import Foundation
import HTTPTestSupport
import Testing

/// `--data` and `--no-embedded` on the built binary: which copy is served, and what it says.
@Suite("dossier-server data sources")
struct DataSourceExecutableTests {
    /// A directory with the SBB XML fixture imported to JSON, its title changed so that the
    /// served copy shows which file it came from.
    static func dataDirectory(files: [String] = ["23189.json"]) throws -> URL {
        let directory = try ExecutableTests.temporaryDirectory()
        let imported = try ExecutableTests.run([
            "import", "Tests/DossierTests/Fixtures/2755-dienstverlening.xml", "--out", directory.path,
        ])
        try #require(imported.status == 0, "\(imported.errors)")
        let json = try String(contentsOf: directory.appendingPathComponent("23189.json"), encoding: .utf8)
        let changed = json.replacingOccurrences(
            of: #""titel" : "Dienstverlening","#, with: #""titel" : "Dienstverlening (copy in --data)","#)
        try #require(changed != json)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("23189.json"))
        for name in files {
            try changed.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func get(_ path: String, port: Int) throws -> TestClient.Response {
        let client = try TestClient(port: port)
        client.send("GET \(path) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        return try client.readResponse()
    }

    @Test(
        "a --data file with an embedded crebo is served instead of the embedded copy, said on stderr with both"
    )
    func dataReplacesEmbedded() throws {
        let directory = try Self.dataDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try ServerProcess([
            "--host", "127.0.0.1", "--port", "0", "--quiet", "--data", directory.path,
        ])
        let port = try server.waitUntilListening()
        #expect(
            server.errors.contains(
                "dossier-server: dossier 23189: serving \(directory.path)/23189.json instead of the embedded 23189.json\n"
            ), "\(server.errors)")
        #expect(
            try Self.get("/api/v1/dossiers/23189", port: port).text.contains(
                "Dienstverlening (copy in --data)"))
        #expect(try Self.get("/api/v1/dossiers/23292", port: port).status == 200)
        #expect(server.stop() == 0)
    }

    @Test("two --data files with one crebo stop start-up, naming both files")
    func twoFilesOneCrebo() throws {
        let directory = try Self.dataDirectory(files: ["a.json", "b.json"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ExecutableTests.run(["--port", "0", "--quiet", "--data", directory.path])
        #expect(result.status == 2)
        #expect(
            result.errors
                == "dossier-server: b.json: dossier crebo 23189 is also in a.json; keep one of the two\n")
    }

    @Test("--no-embedded serves only --data")
    func dataOnly() throws {
        let directory = try Self.dataDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try ServerProcess([
            "--host", "127.0.0.1", "--port", "0", "--quiet", "--no-embedded", "--data", directory.path,
        ])
        let port = try server.waitUntilListening()
        #expect(!server.errors.contains("instead of the embedded"))
        let list = try Self.get("/api/v1/dossiers", port: port)
        #expect(list.text.contains(#""aantal": 1"#) && list.text.contains("Dienstverlening (copy in --data)"))
        #expect(try Self.get("/api/v1/dossiers/23292", port: port).status == 404)
        #expect(server.stop() == 0)
    }

    @Test(
        "--no-embedded without --data is a usage error, and so is an empty --data without the embedded ones")
    func dataOnlyNeedsData() throws {
        let alone = try ExecutableTests.run(["--no-embedded"])
        #expect(alone.status == 2)
        #expect(alone.errors.contains("--no-embedded needs --data DIR") && alone.errors.contains("usage:"))

        let empty = try ExecutableTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try ExecutableTests.run([
            "--port", "0", "--quiet", "--no-embedded", "--data", empty.path,
        ])
        #expect(result.status == 2)
        #expect(result.errors.contains("no dossier in \(empty.path)"))
        #expect(!result.errors.contains("listening on"))
    }
}
