import Foundation
import HTTPTestSupport
import Synchronization
import Testing

/// SIGHUP on the built binary: the new data goes live with new ETags and a new `dataVersie`,
/// broken data leaves the old data serving, and no connection or request notices the swap.
/// (That a response queued before the swap is sent whole from the old bytes is shown on a
/// server in process, where the swap can be timed: `ResponderSlotTests`.)
///
/// The server serves only `--data` (`--no-embedded`), one SBB XML export, so that a reload in
/// the debug build takes seconds rather than tens of them.
@Suite("dossier-server reload (SIGHUP)")
struct ReloadTests {
    static let fixture = ExecutableTests.repository.appendingPathComponent(
        "Tests/DossierTests/Fixtures/2755-dienstverlening.xml")
    static let dossier = "/api/v1/dossiers/23189"
    static let originalTitle = #"<dossier nr="2755" titel="Dienstverlening""#
    static let revisedTitle = #"<dossier nr="2755" titel="Dienstverlening (herzien)""#

    /// A `--data` directory holding the XML fixture, and a server serving only it.
    struct Running {
        let directory: URL
        let server: ServerProcess
        let port: Int

        var file: URL { directory.appendingPathComponent("2755-dienstverlening.xml") }

        init() throws {
            directory = try ExecutableTests.temporaryDirectory()
            try FileManager.default.copyItem(
                at: ReloadTests.fixture, to: directory.appendingPathComponent("2755-dienstverlening.xml"))
            server = try ServerProcess([
                "--host", "127.0.0.1", "--port", "0", "--quiet", "--no-embedded", "--data", directory.path,
            ])
            port = try server.waitUntilListening()
        }

        /// Rewrites the data file with the dossier's title revised (or back to the original).
        func revise(_ revised: Bool = true) throws {
            // The original's bytes as they are (a String would drop the file's byte order mark).
            let original = try Data(contentsOf: ReloadTests.fixture)
            let text = String(decoding: original, as: UTF8.self)
            let bytes =
                revised
                ? Data(
                    text.replacingOccurrences(of: ReloadTests.originalTitle, with: ReloadTests.revisedTitle)
                        .utf8)
                : original
            try #require(!revised || bytes != original)
            // Written beside the directory and renamed into it: a reload lists the directory, so
            // it must never see a temporary file or half a file.
            let next = directory.appendingPathExtension("next")
            try bytes.write(to: next)
            try #require(rename(next.path, file.path) == 0)
        }

        /// How many reloads have ended, well or badly, by standard error.
        var endedReloads: Int {
            server.errors.split(separator: "\n").filter {
                $0.hasPrefix("dossier-server: reloaded in ")
                    || $0.hasPrefix("dossier-server: reload failed: ")
            }.count
        }

        /// Sends SIGHUP and waits until at least `count` reloads have ended.
        func reload(expecting count: Int = 1) throws {
            kill(server.process.processIdentifier, SIGHUP)
            let deadline = ContinuousClock.now + .seconds(180)
            while endedReloads < count, ContinuousClock.now < deadline { usleep(20_000) }
            try #require(endedReloads >= count, "reload \(count) did not end: \(server.errors)")
        }

        func get(_ path: String) throws -> TestClient.Response {
            try DataSourceExecutableTests.get(path, port: port)
        }

        /// The `dataVersie` of `/api/v1` and of `/healthz`.
        func dataVersions() throws -> (entryPoint: String?, health: String?) {
            let entry = try get("/api/v1").json as? [String: Any]
            let health = try get("/healthz").json as? [String: Any]
            return (entry?["dataVersie"] as? String, health?["dataVersie"] as? String)
        }

        /// One sample of `/metrics`, by its whole name with labels; 0 when absent.
        func metric(_ sample: String) throws -> Double {
            for line in try get("/metrics").text.split(separator: "\n") where line.hasPrefix(sample + " ") {
                return Double(line.dropFirst(sample.count + 1)) ?? -1
            }
            return 0
        }

        func stop() -> Int32 {
            defer { try? FileManager.default.removeItem(at: directory) }
            return server.stop()
        }
    }

    static let reloadsOK = #"dossier_server_reloads_total{result="ok"}"#
    static let reloadsFailed = #"dossier_server_reloads_total{result="failed"}"#
    static let dossierRequests =
        #"http_requests_total{method="GET",route="/api/v1/dossiers/{crebo}",status="200"}"#

    @Test("a changed --data file and SIGHUP: new bytes, new ETag, new dataVersie; the counters carry on")
    func changedFile() throws {
        let running = try Running()
        let before = try running.get(Self.dossier)
        let versions = try running.dataVersions()
        let version = try #require(versions.entryPoint)
        #expect(version.count == 64 && version.allSatisfy(\.isHexDigit))
        #expect(versions.health == version)
        #expect(running.server.errors.contains("data version \(version)"))
        #expect(try running.metric(#"dossier_server_data_info{version="\#(version)"}"#) == 1)
        let requestsBefore = try running.metric(Self.dossierRequests)
        #expect(requestsBefore == 1)

        try running.revise()
        try running.reload()
        let after = try running.get(Self.dossier)
        #expect(after.status == 200)
        #expect(after.text.contains(#""titel": "Dienstverlening (herzien)""#))
        #expect(!before.text.contains("(herzien)"))
        #expect(after.header("ETag") != nil && after.header("ETag") != before.header("ETag"))
        let revised = try #require(try running.dataVersions().entryPoint)
        #expect(revised != version && revised.count == 64)
        #expect(try running.dataVersions().health == revised)
        #expect(
            running.server.errors.range(
                of:
                    #"dossier-server: reloaded in \d+ ms: data version \#(revised) \(1 dossier, \d+ resources, \d+ KiB\)\n"#,
                options: .regularExpression) != nil, "\(running.server.errors)")
        // One metrics object across the reload: the count of the request before it is still there.
        #expect(try running.metric(Self.dossierRequests) == requestsBefore + 1)
        #expect(try running.metric(Self.reloadsOK) == 1)
        #expect(try running.metric(#"dossier_server_data_info{version="\#(revised)"}"#) == 1)
        #expect(try running.metric(#"dossier_server_data_info{version="\#(version)"}"#) == 0)

        // The version comes from the bytes alone: the original file again is the original version,
        // and the original bytes and ETag with it.
        try running.revise(false)
        try running.reload(expecting: 2)
        #expect(try running.dataVersions().entryPoint == version)
        let back = try running.get(Self.dossier)
        #expect(back.body == before.body && back.header("ETag") == before.header("ETag"))
        #expect(running.stop() == 0)
    }

    @Test(
        "a broken XML file and SIGHUP: the old bytes stay, the error names file and line, the failure is counted"
    )
    func brokenFile() throws {
        let running = try Running()
        let before = try running.get(Self.dossier)
        let version = try #require(try running.dataVersions().entryPoint)
        try "<?xml version=\"1.0\"?>\n<sbb>\n  <dossier nr=\"1\">\n</sbb>\n".write(
            to: running.directory.appendingPathComponent("kapot.xml"), atomically: true, encoding: .utf8)
        try running.reload()

        #expect(
            running.server.errors.range(
                of:
                    #"dossier-server: reload failed: kapot\.xml:\d+: [^\n]+; still serving data version \#(version)\n"#,
                options: .regularExpression) != nil, "\(running.server.errors)")
        let after = try running.get(Self.dossier)
        #expect(
            after.status == 200 && after.body == before.body && after.header("ETag") == before.header("ETag"))
        #expect(try running.dataVersions().entryPoint == version)
        #expect(try running.dataVersions().health == version)
        #expect(try running.metric(Self.reloadsFailed) == 1)
        #expect(try running.metric(Self.reloadsOK) == 0)
        #expect(try running.metric(#"dossier_server_data_info{version="\#(version)"}"#) == 1)

        // Fixed, the next SIGHUP goes through.
        try FileManager.default.removeItem(at: running.directory.appendingPathComponent("kapot.xml"))
        try running.revise()
        try running.reload(expecting: 2)
        #expect(try running.get(Self.dossier).text.contains("Dienstverlening (herzien)"))
        #expect(try running.metric(Self.reloadsOK) == 1)
        #expect(running.stop() == 0)
    }

    @Test("a keep-alive connection opened before the reload is answered throughout it and after it")
    func keepAliveAcrossReload() throws {
        let running = try Running()
        let client = try TestClient(port: running.port)
        client.send("GET \(Self.dossier) HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().text.contains(#""titel": "Dienstverlening""#))

        try running.revise()
        kill(running.server.process.processIdentifier, SIGHUP)
        // Requests on the one connection all through the reload (seconds in the debug build),
        // one of them as close to the swap as 50 ms allow.
        var answered = 0
        while running.endedReloads == 0 {
            client.send("GET \(Self.dossier) HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200 && response.text.contains(#""crebo": "23189""#))
            answered += 1
            usleep(50_000)
        }
        #expect(answered > 0)
        client.send("GET \(Self.dossier) HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().text.contains("Dienstverlening (herzien)"))
        client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        let health = try client.readResponse().json as? [String: Any]
        #expect(health?["dataVersie"] as? String == (try running.dataVersions().entryPoint))
        #expect(running.stop() == 0)
    }

    /// What the hammering clients saw.
    struct Tally: Sendable {
        var requests = 0
        var errors: [String] = []
        /// The distinct bodies served under each ETag of the dossier.
        var bodies: [String: Set<[UInt8]>] = [:]
    }

    /// What the hammering threads share.
    final class Load: Sendable {
        let tally = Mutex(Tally())
        let isStopping = Atomic(false)
        let done = DispatchGroup()
    }

    struct Unsent: Error {}

    @Test(
        "a reload under load loses no request: keep-alive clients hammer while SIGHUP comes again and again")
    func reloadUnderLoad() throws {
        let running = try Running()
        let load = Load()
        let paths = [Self.dossier, "/api/v1", "/healthz", "/api/v1/dossiers/23189/kerntaken", "/"]
        let port = running.port
        for worker in 0..<4 {
            load.done.enter()
            Thread {
                defer { load.done.leave() }
                var local = Tally()
                do {
                    let client = try TestClient(port: port)
                    var index = worker
                    while !load.isStopping.load(ordering: .relaxed) {
                        let path = paths[index % paths.count]
                        index += 1
                        // Two requests per write, pipelined.
                        let request = "GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n"
                        guard client.send(request + request) else { throw Unsent() }
                        for _ in 0..<2 {
                            let response = try client.readResponse(timeout: .seconds(30))
                            local.requests += 1
                            if response.status != 200 {
                                local.errors.append("\(path): \(response.status)")
                            } else if path == ReloadTests.dossier, let etag = response.header("ETag") {
                                local.bodies[etag, default: []].insert(response.body)
                            }
                        }
                    }
                } catch {
                    local.errors.append("worker \(worker): \(error)")
                }
                let finished = local
                load.tally.withLock { total in
                    total.requests += finished.requests
                    total.errors += finished.errors
                    total.bodies.merge(finished.bodies) { $0.union($1) }
                }
            }.start()
        }

        let reloads = 4
        for reload in 1...reloads {
            try running.revise(reload % 2 == 1)
            // Twice at once: the second finds the first running (one more reload after it) or
            // is merged with it by the kernel; either way no request may notice.
            kill(running.server.process.processIdentifier, SIGHUP)
            try running.reload(expecting: reload)
        }
        load.isStopping.store(true, ordering: .relaxed)
        #expect(load.done.wait(timeout: .now() + 60) == .success)

        let total = load.tally.withLock { $0 }
        #expect(total.errors.isEmpty, "\(total.errors.prefix(5))")
        #expect(total.requests > 100, "\(total.requests) requests")
        // Old or new, never a mix: one body per ETag, and only the two versions of the file.
        #expect(total.bodies.values.allSatisfy { $0.count == 1 })
        #expect(total.bodies.count <= 2)
        #expect(!running.server.errors.contains("reload failed"), "\(running.server.errors)")
        #expect(try running.metric(Self.reloadsOK) >= Double(reloads))
        #expect(running.stop() == 0)
    }
}
