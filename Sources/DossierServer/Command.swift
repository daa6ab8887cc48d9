import DossierAPI
import HTTPServer

/// What the command line asked for.
enum Command: Equatable {
    /// Serve HTTP (the default when no subcommand is given).
    case serve(ServeOptions)
    /// Ask a running server on 127.0.0.1 whether it is healthy (for Docker's HEALTHCHECK).
    case healthCheck(port: Int)
    /// Import published texts, SBB XML exports or project JSON into `{crebo}.json` files.
    case importData(arguments: [String])
    /// Validate data files and print a summary of each.
    case validate(arguments: [String])
    /// Print usage.
    case help
    /// Print the version.
    case version
}

/// The options of the `serve` command.
struct ServeOptions: Equatable {
    /// The address to bind.
    var host = "0.0.0.0"
    /// The port to bind; 0 picks a free one.
    var port = 8080
    /// The directory of static files (the browse page).
    var publicDirectory = "Public"
    /// A directory whose `*.json` and SBB `*.xml` files are loaded beside the embedded
    /// dossiers (replacing an embedded one with the same crebo); `nil` for the embedded
    /// dossiers only.
    var dataDirectory: String?
    /// Whether the embedded dossiers are served; `--no-embedded` serves `--data` only.
    var includesEmbedded = true
    /// The contract served at `/openapi.yaml`.
    var openAPIFile = "openapi.yaml"
    /// Where clients reach the server: the start of every CASE `uri`.
    var publicBaseURL = LMSExportConfiguration.defaultPublicBaseURL
    /// The scale of the Moodle exports (`--moodle-scale`).
    var moodleScale = MoodleScale.defaultCompetenceScale
    /// The ratings of the Canvas exports (`--canvas-ratings`).
    var canvasRatings = CanvasRatings.canvasDefault
    /// Whether to turn the access log off.
    var isQuiet = false
    /// How access-log lines are written (`--log-format text|json`).
    var logFormat: AccessLogFormat = .text
}

extension ServeOptions {
    /// What the LMS exports take from these options.
    var exports: LMSExportConfiguration {
        LMSExportConfiguration(
            publicBaseURL: publicBaseURL, moodleScale: moodleScale, canvasRatings: canvasRatings)
    }
}
