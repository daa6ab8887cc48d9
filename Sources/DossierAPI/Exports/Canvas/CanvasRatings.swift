import Foundation

/// The rating scale every outcome of a Canvas export carries: configuration, not dossier data.
///
/// The default is Canvas's own default mastery scale (the one its "Mastery" settings start
/// from): Exceeds Mastery 4, Mastery 3, Near Mastery 2, Below Mastery 1, Well Below Mastery 0,
/// mastery at 3. Where an account uses account-level mastery scales Canvas applies those
/// instead, whatever the file says.
public struct CanvasRatings: Sendable, Equatable {
    /// One rating: its points and what Canvas shows for it.
    public struct Rating: Sendable, Equatable {
        /// The points (whole numbers, written without decimals).
        public var points: Int
        /// The rating's description.
        public var description: String

        /// A rating.
        public init(points: Int, description: String) {
            self.points = points
            self.description = description
        }
    }

    /// The ratings, highest first (Canvas refuses a tier with more points than the one before).
    public var ratings: [Rating]
    /// The points from which a student has mastered the outcome.
    public var masteryPoints: Int
    /// Canvas's `calculation_method` (`highest`, `latest`, `decaying_average`, `n_mastery`,
    /// `average`), or `nil` to leave it to Canvas.
    public var calculationMethod: String?
    /// Canvas's `calculation_int` for the methods that take one.
    public var calculationInt: Int?

    /// A scale; `nil` without ratings, with points that increase, an empty description or a
    /// mastery level above the top rating.
    public init?(
        ratings: [Rating], masteryPoints: Int, calculationMethod: String? = nil, calculationInt: Int? = nil
    ) {
        guard let top = ratings.first, masteryPoints <= top.points,
            ratings.allSatisfy({ !$0.description.isEmpty }),
            zip(ratings, ratings.dropFirst()).allSatisfy({ $0.points >= $1.points })
        else { return nil }
        self.ratings = ratings
        self.masteryPoints = masteryPoints
        self.calculationMethod = calculationMethod
        self.calculationInt = calculationInt
    }

    /// The ratings a setting such as `dossier-server --canvas-ratings` describes:
    /// `POINTS:DESCRIPTION,…;MASTERY`, the ratings highest first, each its whole points and its
    /// description (no comma; spaces around it are dropped), then the points from which an
    /// outcome is mastered. The calculation method is left to Canvas. The default is
    /// ``canvasDefault``'s `4:Exceeds Mastery,3:Mastery,2:Near Mastery,1:Below Mastery,0:Well
    /// Below Mastery;3`.
    public init(specification: String) throws(LMSSettingError) {
        let parts = specification.split(separator: ";", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw LMSSettingError(
                "expected POINTS:DESCRIPTION,...;MASTERY (two parts separated by ';'), not '\(specification)'"
            )
        }
        var ratings: [Rating] = []
        for text in parts[0].split(separator: ",", omittingEmptySubsequences: false) {
            guard let colon = text.firstIndex(of: ":"),
                let points = Int(text[..<colon].trimmingCharacters(in: .whitespaces)), points >= 0
            else {
                throw LMSSettingError(
                    "a rating must be POINTS:DESCRIPTION with whole points of 0 or more, not '\(text)'")
            }
            let description = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !description.isEmpty else {
                throw LMSSettingError("the rating '\(text)' has no description")
            }
            if let previous = ratings.last, points > previous.points {
                throw LMSSettingError(
                    "ratings go from most points to fewest: \(points) comes after \(previous.points)")
            }
            ratings.append(Rating(points: points, description: description))
        }
        let masteryText = parts[1].trimmingCharacters(in: .whitespaces)
        guard let mastery = Int(masteryText), mastery >= 0 else {
            throw LMSSettingError(
                "the mastery points must be a whole number of 0 or more, not '\(masteryText)'")
        }
        guard let top = ratings.first, mastery <= top.points else {
            throw LMSSettingError("the mastery points \(mastery) are above the top rating's")
        }
        guard let scale = CanvasRatings(ratings: ratings, masteryPoints: mastery) else {
            throw LMSSettingError("'\(specification)' are not usable ratings")
        }
        self = scale
    }

    /// The setting that gives these ratings (``init(specification:)``), without the calculation
    /// method.
    public var specification: String {
        ratings.map { "\($0.points):\($0.description)" }.joined(separator: ",") + ";\(masteryPoints)"
    }

    /// Canvas's default mastery scale.
    public static let canvasDefault = CanvasRatings(
        ratings: [
            Rating(points: 4, description: "Exceeds Mastery"), Rating(points: 3, description: "Mastery"),
            Rating(points: 2, description: "Near Mastery"), Rating(points: 1, description: "Below Mastery"),
            Rating(points: 0, description: "Well Below Mastery"),
        ], masteryPoints: 3)!
}
