import Dossier

/// One composed kwalificatie as a Canvas outcomes import (Account or Course > Outcomes >
/// Import, `Outcomes::CSVImporter`).
///
/// The importer's rules, read in lib/outcomes/csv_importer.rb and import.rb, and what this file
/// does about each:
/// - headers are matched by name; `vendor_guid`, `object_type` and `title` are required and
///   an unknown header is an error: only Canvas's own names are used, `ratings` last;
/// - `vendor_guid` has no spaces and is unique in the file; Canvas also updates any outcome,
///   anywhere, whose `vendor_guid` it already has, so every key starts with the kwalificatie's
///   (``ExportSleutels``) and no two exports share one;
/// - `object_type` is `group` or `outcome`; `parent_guids` are space-separated and name groups
///   on earlier rows: the kwalificatie's group, then each kerntaak's group under it, then the
///   outcomes;
/// - a group has one parent and no calculation, mastery points or ratings;
/// - `ratings` are (points, description) pairs after the other columns, points never rising
///   (``CanvasRatings``); `workflow_state` is `active`.
///
/// Werkprocessen are outcomes in their kerntaak's group. A vakkennis item listed under several
/// kerntaken is one outcome linked into each of their groups, as Canvas can, so a rating of it
/// counts once.
public enum CanvasOutcomesCSV {
    /// The header row: Canvas's column names; the rating pairs follow under `ratings`.
    static let headers = [
        "vendor_guid", "object_type", "title", "description", "display_name", "calculation_method",
        "calculation_int", "mastery_points", "parent_guids", "workflow_state", "ratings",
    ]
    /// Canvas's limit on an outcome's or group's title (`maximum_string_length`).
    static let titleLimit = 255

    /// The CSV file of `kwalificatie` (from `dossier`), every outcome rated on `ratings`.
    public static func bytes(
        _ kwalificatie: SamengesteldeKwalificatie, dossier: Kwalificatiedossier,
        ratings: CanvasRatings = .canvasDefault
    ) -> [UInt8] {
        let sleutels = ExportSleutels(kwalificatie)
        let width = headers.count - 1 + 2 * ratings.ratings.count
        var rows: [[String]] = []
        func group(_ guid: String, title: String, description: String, parent: String) {
            rows.append([guid, "group"] + named(title, description) + ["", "", "", "", parent, "active"])
        }
        func outcome(
            _ guid: String, title: String, description: String, displayName: String, parents: [String]
        ) {
            var row = [guid, "outcome"] + named(title, description)
            row += [
                displayName, ratings.calculationMethod ?? "", ratings.calculationInt.map(String.init) ?? "",
                String(ratings.masteryPoints), parents.joined(separator: " "), "active",
            ]
            for rating in ratings.ratings { row += [String(rating.points), rating.description] }
            rows.append(row)
        }

        group(
            sleutels.kwalificatie, title: kwalificatie.kwalificatie.titel,
            description: KwalificatieBeschrijving.html(kwalificatie.kwalificatie, dossier: dossier),
            parent: "")
        var vakkennis: [(regel: VakkennisRegel, parents: [String])] = []
        for kerntaak in kwalificatie.kerntaken {
            let tekst = SamengesteldeTekst(kerntaak: kerntaak, kwalificatie: kwalificatie.kwalificatie)
            group(
                sleutels.item(kerntaak.code), title: kerntaak.code + " " + tekst.titel,
                description: tekst.html,
                parent: sleutels.kwalificatie)
            for regel in VakkennisRegel.regels(kerntaak, dossier: dossier) {
                if let index = vakkennis.firstIndex(where: { $0.regel.id == regel.id }) {
                    vakkennis[index].parents.append(sleutels.item(kerntaak.code))
                } else {
                    vakkennis.append((regel, [sleutels.item(kerntaak.code)]))
                }
            }
        }
        for kerntaak in kwalificatie.kerntaken {
            for werkproces in kerntaak.werkprocessen {
                let tekst = SamengesteldeTekst(
                    werkproces: werkproces, kwalificatie: kwalificatie.kwalificatie)
                outcome(
                    sleutels.item(werkproces.code), title: werkproces.code + " " + tekst.titel,
                    description: tekst.html, displayName: werkproces.code,
                    parents: [sleutels.item(kerntaak.code)])
            }
        }
        for (regel, parents) in vakkennis {
            outcome(
                sleutels.vakkennis(regel.id), title: regel.tekst,
                description: regel.html(profielTitel: kwalificatie.kwalificatie.titel),
                displayName: "", parents: parents)
        }

        var csv = CSVWriter()
        csv.append(headers + Array(repeating: "", count: width - headers.count))
        for row in rows { csv.append(row + Array(repeating: "", count: width - row.count)) }
        return csv.bytes
    }

    /// Title and description; a title longer than Canvas keeps is cut, its full text then leads
    /// the description.
    private static func named(_ title: String, _ description: String) -> [String] {
        let cut = ShortText.cut(title, to: titleLimit)
        return [
            cut, (cut == title ? "" : "<p><strong>" + HTML.escape(title) + "</strong></p>") + description,
        ]
    }
}
