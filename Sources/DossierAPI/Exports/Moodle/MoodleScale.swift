import Foundation

/// The Moodle scale a competency framework export rates on: configuration, not dossier data.
///
/// `tool_lpimportcsv` looks the framework's "Scale values" up among the site's global scales by
/// their exact comma-joined items and makes a new scale when none matches, so the default is a
/// scale every Moodle site has: "Default competence scale", which core's install
/// (`make_competence_scale()` in lib/db/upgradelib.php) creates with the items "Not yet
/// competent,Competent" as the second scale (id 2, after "Separate and Connected ways of
/// knowing"), for exactly this use. A site installed in another language has these items in
/// that language: give them with ``init(values:defaultItem:proficientItems:scaleID:)``.
public struct MoodleScale: Sendable, Equatable {
    /// The scale's items, lowest first, as the site's scale lists them (none may hold a comma).
    public var values: [String]
    /// The 1-based item a competency starts at ("scaledefault").
    public var defaultItem: Int
    /// The 1-based items that count as proficient (at least one).
    public var proficientItems: [Int]
    /// The scale id written in "Scale configuration"; the importer replaces it with the id of
    /// the scale it matched, so it only has to be a number.
    public var scaleID: Int

    /// A scale; `nil` when an item holds a comma or is empty, or the default or a proficient
    /// item is not one of the items.
    public init?(values: [String], defaultItem: Int, proficientItems: [Int], scaleID: Int = 2) {
        let range = 1...values.count
        guard !values.isEmpty, values.allSatisfy({ !$0.isEmpty && !$0.contains(",") }),
            range.contains(defaultItem), !proficientItems.isEmpty, proficientItems.allSatisfy(range.contains)
        else { return nil }
        self.values = values
        self.defaultItem = defaultItem
        self.proficientItems = proficientItems
        self.scaleID = scaleID
    }

    /// Moodle's "Default competence scale": starts at "Not yet competent", "Competent" is
    /// proficient.
    public static let defaultCompetenceScale = MoodleScale(
        values: ["Not yet competent", "Competent"], defaultItem: 1, proficientItems: [2])!

    /// The scale a setting such as `dossier-server --moodle-scale` describes:
    /// `ITEM,ITEM,…;DEFAULT;PROFICIENT[,PROFICIENT…]`, the items lowest first (spaces around
    /// an item are dropped, as Moodle drops them when it compares scales), DEFAULT the 1-based
    /// number of the item a competency starts at, PROFICIENT the numbers of the items that
    /// count as proficient. The default is ``defaultCompetenceScale``'s
    /// `Not yet competent,Competent;1;2`.
    public init(specification: String) throws(LMSSettingError) {
        let parts = specification.split(separator: ";", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw LMSSettingError(
                "expected ITEM,ITEM,...;DEFAULT;PROFICIENT (three parts separated by ';'), not '\(specification)'"
            )
        }
        let values = parts[0].split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if let empty = values.firstIndex(where: \.isEmpty) {
            throw LMSSettingError("item \(empty + 1) of the scale is empty")
        }
        func number(_ text: Substring, _ what: String) throws(LMSSettingError) -> Int {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let number = Int(trimmed) else {
                throw LMSSettingError("\(what) must be an item number, not '\(trimmed)'")
            }
            guard (1...values.count).contains(number) else {
                throw LMSSettingError("\(what) \(number) is not one of the \(values.count) items")
            }
            return number
        }
        let defaultItem = try number(parts[1], "the default item")
        var proficient: [Int] = []
        for text in parts[2].split(separator: ",", omittingEmptySubsequences: false) {
            proficient.append(try number(text, "a proficient item"))
        }
        guard let scale = MoodleScale(values: values, defaultItem: defaultItem, proficientItems: proficient)
        else { throw LMSSettingError("'\(specification)' is not a usable scale") }
        self = scale
    }

    /// The setting that gives this scale (``init(specification:)``).
    public var specification: String {
        scaleValues + ";\(defaultItem);" + proficientItems.map(String.init).joined(separator: ",")
    }

    /// The "Scale values" cell: the items joined by commas, as `grade_scale::compact_items()`.
    var scaleValues: String { values.joined(separator: ",") }

    /// The "Scale configuration" cell: the JSON `[{"scaleid":"2"},{"id":1,"scaledefault":1,
    /// "proficient":0},…]` Moodle's own export writes, one entry per item.
    var scaleConfiguration: String {
        var entries = ["{\"scaleid\":\"\(scaleID)\"}"]
        for item in 1...values.count {
            let isDefault = item == defaultItem ? 1 : 0
            let isProficient = proficientItems.contains(item) ? 1 : 0
            entries.append("{\"id\":\(item),\"scaledefault\":\(isDefault),\"proficient\":\(isProficient)}")
        }
        return "[" + entries.joined(separator: ",") + "]"
    }
}
