import Foundation
import HTTPTestSupport
import Testing

/// A server whose standard error goes away (the pipe's reader exits, as a supervisor or a
/// `| head` can) keeps serving: its next log line fails with EPIPE instead of trapping.
@Suite("Closed standard error")
struct ClosedStandardErrorTests {
    @Test("log lines to a closed stderr pipe do not stop the server")
    func serverOutlivesItsStandardError() throws {
        let process = Process()
        process.executableURL = ExecutableTests.binary
        process.arguments = ["--port", "0", "--quiet"]
        process.currentDirectoryURL = ExecutableTests.repository
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        // Read stderr until the "listening on" line gives the port.
        var text = ""
        var port: Int?
        let deadline = ContinuousClock.now + .seconds(60)
        while port == nil, ContinuousClock.now < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let match = text.firstMatch(of: /listening on http:\/\/[^:]+:(\d+)/) { port = Int(match.1) }
        }
        let listening = try #require(port, "no 'listening on' line: \(text)")
        try errors.fileHandleForReading.close()

        // A reload writes several lines to the closed pipe; each must fail quietly.
        kill(process.processIdentifier, SIGHUP)
        var reloaded = false
        let reloadDeadline = ContinuousClock.now + .seconds(120)
        while !reloaded, process.isRunning, ContinuousClock.now < reloadDeadline {
            let metrics = try DataSourceExecutableTests.get("/metrics", port: listening).text
            reloaded = metrics.contains(#"dossier_server_reloads_total{result="ok"} 1"#)
            if !reloaded { usleep(50_000) }
        }
        #expect(reloaded, "the reload did not finish")
        #expect(process.isRunning, "the server died writing to its closed stderr")
        let health = try DataSourceExecutableTests.get("/healthz", port: listening)
        #expect(health.status == 200)

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        // Its "shutting down" and "stopped" lines also went to the closed pipe.
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}
