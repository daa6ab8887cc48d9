import Foundation
import Glibc

/// The `dossier-server` command line: parses the arguments and runs the chosen command.
enum DossierServerCommand {
    /// Runs the command the arguments name and returns the process exit status: 0 on
    /// success, 1 on failure, 2 for a usage error (bad flags) or invalid data.
    static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let command: Command
        do {
            command = try CommandLineParser.parse(arguments, environment: environment)
        } catch {
            printError("dossier-server: \(error.message)\n\n\(Usage.text)")
            return 2
        }
        switch command {
        case .help:
            print(Usage.text)
            return 0
        case .version:
            print("dossier-server \(Version.current)")
            return 0
        case .serve(let options):
            return ServerCommand(options: options).run()
        case .healthCheck(let port):
            return HealthCheckCommand(port: port).run()
        case .importData(let arguments):
            return DataCommands.runImport(arguments)
        case .validate(let arguments):
            return DataCommands.runValidate(arguments)
        }
    }

    /// Writes a line to standard error, whole or not at all. With `write(2)` rather than
    /// `FileHandle`, which traps when the write fails: a server whose stderr reader has gone
    /// (a closed pipe; SIGPIPE is ignored) must keep serving, not crash on a log line.
    static func printError(_ message: String) {
        let line = Array((message + "\n").utf8)
        var offset = 0
        while offset < line.count {
            let written = line.withUnsafeBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
