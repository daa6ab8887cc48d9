import Foundation
import Testing

/// A `dossier-server` serving as a real process (the built binary) for a test: started on
/// port 0, its standard error collected in a file, stopped with SIGTERM.
final class ServerProcess {
    let process = Process()
    /// The port from its "listening on" line.
    private(set) var port = 0
    private let log: URL

    /// Starts the binary with `arguments` from `directory`. `openFileLimit` starts it through
    /// `sh -c 'ulimit -n N; exec ...'`, so soft and hard limit are both N from the first
    /// instruction; `softOpenFileLimit` lowers the soft limit only.
    init(
        _ arguments: [String], directory: URL = ExecutableTests.repository, openFileLimit: Int? = nil,
        softOpenFileLimit: Int? = nil
    ) throws {
        log = try ExecutableTests.temporaryDirectory().appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let limit =
            openFileLimit.map { "ulimit -n \($0) && " } ?? softOpenFileLimit.map { "ulimit -S -n \($0) && " }
        if let limit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", limit + #"exec "$0" "$@""#, ExecutableTests.binary.path] + arguments
        } else {
            process.executableURL = ExecutableTests.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log.deletingLastPathComponent())
    }

    /// Everything written to standard error so far.
    var errors: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits (at most `timeout`) until standard error matches `pattern`, or the process ended.
    @discardableResult
    func waitForErrors(matching pattern: String, timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if errors.range(of: pattern, options: .regularExpression) != nil { return true }
            if !process.isRunning { return errors.range(of: pattern, options: .regularExpression) != nil }
            usleep(20_000)
        }
        return false
    }

    /// Waits for the "listening on" line and returns the port.
    func waitUntilListening() throws -> Int {
        try #require(
            waitForErrors(matching: #"listening on http://[^:]+:\d+"#), "no 'listening on' line: \(errors)")
        let text = errors
        let line = try #require(
            text.range(of: #"listening on http://[^:]+:\d+"#, options: .regularExpression))
        port = try #require(Int(text[line].split(separator: ":").last!))
        return port
    }

    /// The first capture group of `pattern` in standard error.
    func capture(_ pattern: String) -> String? {
        let text = errors
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    /// Sends SIGTERM and returns the exit status.
    func stop() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The open descriptors of the process (from /proc).
    var openDescriptors: [String] {
        let directory = "/proc/\(process.processIdentifier)/fd"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).map {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\($0)")) ?? $0
        }
    }
}
