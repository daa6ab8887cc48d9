import Foundation
import HTTPTestSupport
import Testing

/// The built `dossier-server` binary run as a process: exit statuses, messages, start-up with
/// bad data, signals. (The server's HTTP behaviour is tested in-process in the other targets.)
@Suite("dossier-server executable")
struct ExecutableTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built beside this test bundle.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(
            atPath: directory.appendingPathComponent("dossier-server").path),
            directory.path != "/"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("dossier-server")
    }()

    struct Finished {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the binary to completion (from the repository root) and collects its output.
    static func run(_ arguments: [String]) throws -> Finished {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Finished(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dossier-server-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("a bad flag prints the usage on stderr and exits 2")
    func badFlag() throws {
        let result = try Self.run(["--bogus"])
        #expect(result.status == 2)
        #expect(result.errors.contains("unknown option '--bogus'"))
        #expect(result.errors.contains("usage: dossier-server"))
    }

    @Test("import turns the three sources into exactly the embedded JSON")
    func importMatchesEmbeddedData() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let fixtures = Self.repository.appendingPathComponent("Tests/DossierTests/Fixtures")
        let result = try Self.run([
            "import", fixtures.appendingPathComponent("kd-23292-aftersales-mobiliteitsbranche.txt").path,
            fixtures.appendingPathComponent("2755-dienstverlening.xml").path,
            fixtures.appendingPathComponent("4156-maatschappelijke-zorg.xml").path, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        let shippedNames = try FileManager.default.contentsOfDirectory(
            atPath: Self.repository.appendingPathComponent("Sources/Dossier/Resources/dossiers").path
        ).filter { $0.hasSuffix(".json") }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == shippedNames.sorted())
        for crebo in ["23292", "23189", "23181"] {
            let written = try Data(contentsOf: out.appendingPathComponent("\(crebo).json"))
            let shipped = try Data(
                contentsOf: Self.repository.appendingPathComponent(
                    "Sources/Dossier/Resources/dossiers/\(crebo).json"))
            #expect(written == shipped, "\(crebo).json")
        }
    }

    @Test("validate names the file and the place of an error and exits 2")
    func validateReportsThePlace() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xml = try String(
            contentsOf: Self.repository.appendingPathComponent(
                "Tests/DossierTests/Fixtures/2755-dienstverlening.xml"),
            encoding: .utf8)
        let broken = directory.appendingPathComponent("broken.xml")
        try xml.replacingOccurrences(
            of: "<competentie referentie=\"3088\" />", with: "<competentie referentie=\"9999\" />"
        )
        .write(to: broken, atomically: true, encoding: .utf8)
        let result = try Self.run(["validate", broken.path])
        #expect(result.status == 2)
        #expect(result.errors.contains("broken.xml:"))
        #expect(result.errors.contains("9999"))

        let good = try Self.run([
            "validate",
            Self.repository.appendingPathComponent("Sources/Dossier/Resources/dossiers/23292.json").path,
        ])
        #expect(good.status == 0)
        #expect(good.output.contains("23292"))
    }

    @Test("an invalid file in --data stops start-up with the file and line, exit 2, nothing served")
    func invalidDataStopsStartUp() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<?xml version=\"1.0\"?>\n<sbb>\n  <dossiers>\n    <dossier nr=\"1\"".write(
            to: directory.appendingPathComponent("truncated.xml"), atomically: true, encoding: .utf8)
        let result = try Self.run(["--port", "0", "--quiet", "--data", directory.path])
        #expect(result.status == 2)
        #expect(result.errors.contains("truncated.xml:"))
        #expect(!result.errors.contains("listening on"))
    }

    @Test("serves, answers its own healthcheck and its own problems with CORS, and exits 0 on SIGTERM")
    func servesAndStops() throws {
        let log = try Self.temporaryDirectory().appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["--host", "127.0.0.1", "--port", "0", "--quiet"]
        process.currentDirectoryURL = Self.repository
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Wait (bounded) for the line that names the port.
        var port: String?
        let deadline = Date().addingTimeInterval(10)
        while port == nil, Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(
                of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression)
            {
                port = String(text[range].split(separator: ":").last!)
            } else {
                usleep(20_000)
            }
        }
        let bound = try #require(port, "no 'listening on' line")
        #expect(try Self.run(["healthcheck", "--port", bound]).status == 0)

        // The server's own problems carry the API's CORS fields: the executable wires them.
        let client = try TestClient(port: try #require(Int(bound)))
        client.send("GET /api/v1 HTTP/1.1\r\nHost: [::1\r\n\r\n")
        let problem = try client.readResponse()
        #expect(problem.status == 400)
        #expect(problem.header("Access-Control-Allow-Origin") == "*")
        #expect(problem.header("Access-Control-Expose-Headers") == "ETag, Link, X-Total-Count")

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(try Self.run(["healthcheck", "--port", bound]).status == 1)
    }
}
