import Foundation
import Testing

@testable import DossierServer

/// `help`, `--help` and `--version`: exit 0 with the text on standard output; a bad flag is
/// exit 2 with the usage on standard error.
@Suite("help and version")
struct HelpAndVersionTests {
    @Test(
        "help, --help, -h and a subcommand's --help print the usage on stdout and exit 0",
        arguments: [
            ["help"], ["--help"], ["-h"], ["--port", "1", "--help"], ["healthcheck", "--help"],
            ["import", "--help"], ["validate", "-h"],
        ])
    func help(arguments: [String]) throws {
        let result = try ExecutableTests.run(arguments)
        #expect(result.status == 0)
        #expect(result.output == Usage.text + "\n")
        #expect(result.errors.isEmpty)
    }

    @Test("--version prints 'dossier-server VERSION' on stdout and exits 0")
    func version() throws {
        let result = try ExecutableTests.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output == "dossier-server \(Version.current)\n")
        #expect(result.errors.isEmpty)
    }

    @Test("the version is the contract's info.version")
    func versionIsTheContracts() throws {
        let contract = try String(
            contentsOf: ExecutableTests.repository.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        let info = try #require(
            contract.range(of: #"(?m)^info:\n(  .*\n)*?  version: (\S+)"#, options: .regularExpression))
        #expect(contract[info].hasSuffix("version: \(Version.current)"))
    }

    @Test("a bad flag, also near --version, is exit 2 with the usage on stderr and nothing on stdout")
    func badFlag() throws {
        for arguments in [["--versio"], ["--version=1"], ["help", "me"], ["healthcheck", "--version"]] {
            let result = try ExecutableTests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.output.isEmpty, "\(arguments)")
            #expect(result.errors.contains("usage: dossier-server"), "\(arguments)")
        }
    }

    @Test("the parser: help and --version are commands")
    func parser() throws {
        #expect(try CommandLineParser.parse(["help"], environment: [:]) == .help)
        #expect(try CommandLineParser.parse(["--version"], environment: [:]) == .version)
        #expect(try CommandLineParser.parse(["import", "--help"], environment: [:]) == .help)
        #expect(
            try CommandLineParser.parse(["import", "--help", "x"], environment: [:])
                == .importData(arguments: ["--help", "x"]))
    }
}
