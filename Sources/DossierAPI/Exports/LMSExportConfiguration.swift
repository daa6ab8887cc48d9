/// What the LMS exports take from the deployment rather than the data: where the server is
/// reached (CASE `uri`s are absolute), and what the Moodle scale and Canvas ratings mean.
public struct LMSExportConfiguration: Sendable, Equatable {
    /// Scheme, host, optional port and path prefix of the server as clients reach it; every
    /// CASE `uri` starts with it. `dossier-server --public-base-url` sets it.
    public var publicBaseURL: String
    /// The scale the Moodle frameworks rate on.
    public var moodleScale: MoodleScale
    /// The ratings every Canvas outcome carries.
    public var canvasRatings: CanvasRatings

    /// The default: `http://localhost:8080` (what `swift run` serves), Moodle's "Default
    /// competence scale", Canvas's default mastery scale.
    public init(
        publicBaseURL: String = LMSExportConfiguration.defaultPublicBaseURL,
        moodleScale: MoodleScale = .defaultCompetenceScale, canvasRatings: CanvasRatings = .canvasDefault
    ) {
        self.publicBaseURL = publicBaseURL
        self.moodleScale = moodleScale
        self.canvasRatings = canvasRatings
    }

    /// The public base URL when none is configured.
    public static let defaultPublicBaseURL = "http://localhost:8080"
}

/// Why a scale or ratings setting (``MoodleScale/init(specification:)``,
/// ``CanvasRatings/init(specification:)``) cannot be used: one sentence saying what is wrong,
/// for the caller to put after the name of its flag.
public struct LMSSettingError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. "the default item 3 is not one of the 2 items".
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
