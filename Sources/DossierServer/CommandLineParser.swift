import DossierAPI
import HTTPServer

/// A command line that cannot be understood; the message says which part.
struct UsageError: Error, Equatable {
    let message: String
}

/// Turns arguments (without the program name) into a ``Command``.
///
/// A subcommand is the first argument if it names one (see `parse`); otherwise the
/// arguments are the server's flags. Flags take `--flag value` or `--flag=value`.
/// `PORT` in the environment sets the port unless `--port` does.
enum CommandLineParser {
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Command {
        let rest = Array(arguments.dropFirst())
        // Subcommands by name; a new one is a case here and in `Command`.
        switch arguments.first {
        case "healthcheck": return try parseHealthCheck(rest, environment: environment)
        case "serve": return try parseServe(rest, environment: environment)
        case "help":
            guard let extra = rest.first else { return .help }
            throw UsageError(message: "unexpected argument '\(extra)' after help")
        // The data commands read their own arguments (files, --out); asked for help, they
        // give the usage like every other command.
        case "import": return isHelp(rest) ? .help : .importData(arguments: rest)
        case "validate": return isHelp(rest) ? .help : .validate(arguments: rest)
        default: return try parseServe(arguments, environment: environment)
        }
    }

    static func parseServe(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Command
    {
        var options = ServeOptions()
        if let port = environment["PORT"], !port.isEmpty {
            options.port = try parsePort(port, source: "PORT")
        }
        var flags = Flags(arguments)
        while let flag = try flags.next() {
            switch flag.name {
            case "--help", "-h":
                return .help
            case "--version":
                try flags.noValue(for: flag)
                return .version
            case "--host":
                options.host = try flags.value(for: flag)
            case "--port":
                options.port = try parsePort(try flags.value(for: flag), source: "--port")
            case "--public":
                options.publicDirectory = try flags.value(for: flag)
            case "--data":
                options.dataDirectory = try flags.value(for: flag)
            case "--no-embedded":
                try flags.noValue(for: flag)
                options.includesEmbedded = false
            case "--openapi":
                options.openAPIFile = try flags.value(for: flag)
            case "--public-base-url":
                options.publicBaseURL = try parseBaseURL(try flags.value(for: flag))
            case "--moodle-scale":
                options.moodleScale = try setting(
                    flag, try flags.value(for: flag), MoodleScale.init(specification:))
            case "--canvas-ratings":
                options.canvasRatings = try setting(
                    flag, try flags.value(for: flag), CanvasRatings.init(specification:))
            case "--log-format":
                let value = try flags.value(for: flag)
                guard let format = AccessLogFormat(rawValue: value) else {
                    throw UsageError(message: "--log-format must be text or json, not '\(value)'")
                }
                options.logFormat = format
            case "--quiet", "-q":
                try flags.noValue(for: flag)
                options.isQuiet = true
            default:
                throw UsageError(message: "unknown option '\(flag.name)'")
            }
        }
        if !options.includesEmbedded, options.dataDirectory == nil {
            throw UsageError(message: "--no-embedded needs --data DIR: there would be nothing to serve")
        }
        return .serve(options)
    }

    static func parseHealthCheck(_ arguments: [String], environment: [String: String]) throws(UsageError)
        -> Command
    {
        var port = 8080
        if let value = environment["PORT"], !value.isEmpty {
            port = try parsePort(value, source: "PORT")
        }
        var flags = Flags(arguments)
        while let flag = try flags.next() {
            switch flag.name {
            case "--help", "-h":
                return .help
            case "--port":
                port = try parsePort(try flags.value(for: flag), source: "--port")
            default:
                throw UsageError(message: "unknown option '\(flag.name)' for healthcheck")
            }
        }
        return .healthCheck(port: port)
    }

    static func isHelp(_ arguments: [String]) -> Bool {
        arguments.count == 1 && ["--help", "-h"].contains(arguments[0])
    }

    /// `http(s)://host[:port][/prefix]`, without a query, fragment or trailing `/`: what every
    /// CASE `uri` starts with.
    static func parseBaseURL(_ text: String) throws(UsageError) -> String {
        var url = text
        while url.hasSuffix("/") { url.removeLast() }
        let rest =
            url.hasPrefix("https://") ? url.dropFirst(8) : url.hasPrefix("http://") ? url.dropFirst(7) : nil
        guard let rest, let host = rest.split(separator: "/").first, !host.isEmpty,
            !url.contains("?"), !url.contains("#"), !url.contains(" ")
        else {
            throw UsageError(
                message:
                    "--public-base-url must be an http:// or https:// URL without query or fragment, not '\(text)'"
            )
        }
        return url
    }

    /// The scale or ratings `text` describes, or a usage error naming the flag and what is wrong.
    static func setting<Setting>(
        _ flag: Flags.Flag, _ text: String, _ make: (String) throws(LMSSettingError) -> Setting
    ) throws(UsageError) -> Setting {
        do {
            return try make(text)
        } catch {
            throw UsageError(message: "\(flag.name): \(error.description)")
        }
    }

    static func parsePort(_ text: String, source: String) throws(UsageError) -> Int {
        guard let port = Int(text), (0...65_535).contains(port) else {
            throw UsageError(message: "\(source) must be a port number from 0 to 65535, not '\(text)'")
        }
        return port
    }

    /// Walks `--flag value` / `--flag=value` arguments.
    struct Flags {
        struct Flag {
            let name: String
            let inlineValue: String?
        }

        private var remaining: ArraySlice<String>

        init(_ arguments: [String]) {
            remaining = arguments[...]
        }

        mutating func next() throws(UsageError) -> Flag? {
            guard let argument = remaining.popFirst() else { return nil }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                throw UsageError(message: "unexpected argument '\(argument)'")
            }
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                return Flag(
                    name: String(argument[..<equals]),
                    inlineValue: String(argument[argument.index(after: equals)...]))
            }
            return Flag(name: argument, inlineValue: nil)
        }

        mutating func value(for flag: Flag) throws(UsageError) -> String {
            if let value = flag.inlineValue { return value }
            guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
                throw UsageError(message: "option '\(flag.name)' needs a value")
            }
            return value
        }

        func noValue(for flag: Flag) throws(UsageError) {
            if flag.inlineValue != nil { throw UsageError(message: "option '\(flag.name)' takes no value") }
        }
    }
}
