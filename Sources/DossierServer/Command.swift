/// What the command line asked for.
enum Command: Equatable {
    /// Serve HTTP (the default when no subcommand is given).
    case serve(ServeOptions)
    /// Ask a running server on 127.0.0.1 whether it is healthy (for Docker's HEALTHCHECK).
    case healthCheck(port: Int)
    /// Print usage.
    case help
}

/// The options of the `serve` command.
struct ServeOptions: Equatable {
    /// The address to bind.
    var host = "0.0.0.0"
    /// The port to bind; 0 picks a free one.
    var port = 8080
    /// The directory of static files (the browse page).
    var publicDirectory = "Public"
    /// A directory of dossier data to load instead of the embedded data; `nil` for the
    /// embedded data.
    var dataDirectory: String?
    /// Whether to turn the access log off.
    var isQuiet = false
}
