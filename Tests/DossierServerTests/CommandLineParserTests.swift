import Testing

@testable import DossierServer

@Suite("Command line")
struct CommandLineParserTests {
    @Test("defaults: 0.0.0.0:8080, Public, openapi.yaml, embedded data only, access log on")
    func defaults() throws {
        #expect(try CommandLineParser.parse([], environment: [:]) == .serve(ServeOptions()))
        let options = ServeOptions()
        #expect(options.host == "0.0.0.0" && options.port == 8080 && options.publicDirectory == "Public")
        #expect(options.openAPIFile == "openapi.yaml" && options.dataDirectory == nil && !options.isQuiet)
    }

    @Test("PORT sets the port, --port beats it; both flag forms work")
    func port() throws {
        guard
            case .serve(let fromEnvironment) = try CommandLineParser.parse([], environment: ["PORT": "9090"])
        else {
            Issue.record("not serve")
            return
        }
        #expect(fromEnvironment.port == 9090)
        guard
            case .serve(let options) = try CommandLineParser.parse(
                ["--port=7070", "--data", "extra", "--quiet", "--openapi", "spec.yaml"],
                environment: ["PORT": "9090"])
        else {
            Issue.record("not serve")
            return
        }
        #expect(options.port == 7070 && options.dataDirectory == "extra" && options.isQuiet)
        #expect(options.openAPIFile == "spec.yaml")
    }

    @Test(
        "bad flags are usage errors that name the flag",
        arguments: [
            (["--bogus"], "unknown option '--bogus'"),
            (["--port", "eighty"], "--port must be a port number"),
            (["--port", "70000"], "--port must be a port number"),
            (["--host"], "option '--host' needs a value"),
            (["--quiet=yes"], "option '--quiet' takes no value"),
            (["stray"], "unexpected argument 'stray'"),
        ])
    func badFlags(arguments: [String], message: String) {
        #expect {
            try CommandLineParser.parse(arguments, environment: [:])
        } throws: { error in
            (error as? UsageError)?.message.contains(message) == true
        }
    }

    @Test("--no-embedded serves --data only, and needs --data")
    func noEmbedded() throws {
        guard
            case .serve(let options) = try CommandLineParser.parse(
                ["--data", "data", "--no-embedded"], environment: [:])
        else {
            Issue.record("not serve")
            return
        }
        #expect(!options.includesEmbedded && options.dataDirectory == "data")
        #expect(ServeOptions().includesEmbedded)
        #expect(
            throws: UsageError(message: "--no-embedded needs --data DIR: there would be nothing to serve")
        ) {
            try CommandLineParser.parse(["--no-embedded"], environment: [:])
        }
    }

    @Test("subcommands: healthcheck, import and validate")
    func subcommands() throws {
        #expect(
            try CommandLineParser.parse(["healthcheck", "--port", "81"], environment: [:])
                == .healthCheck(port: 81))
        #expect(
            try CommandLineParser.parse(["import", "a.txt", "--out", "d"], environment: [:])
                == .importData(arguments: ["a.txt", "--out", "d"]))
        #expect(
            try CommandLineParser.parse(["validate", "x.json"], environment: [:])
                == .validate(arguments: ["x.json"]))
    }
}
