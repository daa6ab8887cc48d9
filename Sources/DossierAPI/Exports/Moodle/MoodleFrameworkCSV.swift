import Dossier

/// One composed kwalificatie as a competency framework for Moodle's core importer
/// (`tool_lpimportcsv`, Site administration > Competencies > Import competency framework).
///
/// The importer's rules, read in `framework_importer.php` and `csv_import_reader`, and what
/// this file does about each:
/// - columns are positional, 14 of them, every row as wide as the header: the header is
///   Moodle's own (`list_required_headers()`), every row has 14 cells;
/// - exactly one row with "Is framework" set: the first; ID number `‹dossier›-‹profiel›`,
///   unique on a site unless the framework was imported before;
/// - "Taxonomy" is one term per level from Moodle's list: `domain` (kerntaken), `competency`
///   (werkprocessen and vakkennis);
/// - ID number and Short name are cut to 100 characters and stripped of tags: keys are short
///   and plain (``ExportSleutels``), a longer name is cut here (``ShortText``) with its full
///   text in the description, so what Moodle keeps is what the file says;
/// - an empty ID number breaks the import, two equal ones silently keep the last, and a row
///   whose parent is unknown is silently dropped with its subtree: every row has its own key
///   and its parent's, parents come first, a vakkennis item under two kerntaken is two rows;
/// - "Scale values" must match a site scale exactly (``MoodleScale``) and "Scale
///   configuration" name a default and a proficient item; competencies leave both blank and
///   inherit the framework's;
/// - "Description format" 1 (HTML): descriptions are escaped text in `<p>`, `<ul>`, `<em>`,
///   `<strong>`, which Moodle's HTML cleaning keeps as is;
/// - "Cross-referenced competency ID numbers": the second and later copies of a vakkennis item
///   name the earlier ones, so Moodle relates the copies (each pair once).
public enum MoodleFrameworkCSV {
    /// The header row, exactly as Moodle's English language strings and its own export.
    static let headers = [
        "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
        "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
        "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy",
    ]
    /// The framework's taxonomy: level 1 kerntaken, level 2 werkprocessen and vakkennis.
    static let taxonomies = "domain,competency"
    /// Moodle's `FORMAT_HTML`.
    static let htmlFormat = "1"
    /// Moodle's limit on ID numbers and short names (`shorten_text(…, 100)`).
    static let nameLimit = 100

    /// The CSV file of `kwalificatie` (from `dossier`), rated on `scale`.
    public static func bytes(
        _ kwalificatie: SamengesteldeKwalificatie, dossier: Kwalificatiedossier,
        scale: MoodleScale = .defaultCompetenceScale
    ) -> [UInt8] {
        let sleutels = ExportSleutels(kwalificatie)
        var csv = CSVWriter()
        csv.append(headers)
        csv.append(
            row(
                id: sleutels.kwalificatie, name: kwalificatie.kwalificatie.titel,
                description: KwalificatieBeschrijving.html(kwalificatie.kwalificatie, dossier: dossier),
                scale: scale, isFramework: true))
        var copies: [String: [String]] = [:]
        for kerntaak in kwalificatie.kerntaken {
            let kerntaakID = sleutels.item(kerntaak.code)
            let tekst = SamengesteldeTekst(kerntaak: kerntaak, kwalificatie: kwalificatie.kwalificatie)
            csv.append(row(id: kerntaakID, name: kerntaak.code + " " + tekst.titel, description: tekst.html))
            for werkproces in kerntaak.werkprocessen {
                let tekst = SamengesteldeTekst(
                    werkproces: werkproces, kwalificatie: kwalificatie.kwalificatie)
                csv.append(
                    row(
                        parent: kerntaakID, id: sleutels.item(werkproces.code),
                        name: werkproces.code + " " + tekst.titel, description: tekst.html))
            }
            for regel in VakkennisRegel.regels(kerntaak, dossier: dossier) {
                let id = sleutels.vakkennis(regel.id, kerntaak: kerntaak.code)
                let earlier = copies[regel.id] ?? []
                csv.append(
                    row(
                        parent: kerntaakID, id: id, name: regel.tekst,
                        description: regel.html(profielTitel: kwalificatie.kwalificatie.titel),
                        related: earlier))
                copies[regel.id, default: []].append(id)
            }
        }
        return csv.bytes
    }

    /// One row; a name longer than Moodle keeps is cut, and then its full text leads the
    /// description.
    private static func row(
        parent: String = "", id: String, name: String, description: String, related: [String] = [],
        scale: MoodleScale? = nil, isFramework: Bool = false
    ) -> [String] {
        let shortName = ShortText.cut(name, to: nameLimit)
        let fullDescription =
            (shortName == name ? "" : "<p><strong>" + HTML.escape(name) + "</strong></p>") + description
        return [
            parent, id, shortName, fullDescription, htmlFormat, scale?.scaleValues ?? "",
            scale?.scaleConfiguration ?? "",
            "", "", "", related.map { $0.replacingComma() }.joined(separator: ","), "",
            isFramework ? "1" : "",
            isFramework ? taxonomies : "",
        ]
    }
}

extension String {
    /// A literal comma in a cross-referenced ID number, as Moodle's exporter escapes it.
    fileprivate func replacingComma() -> String {
        split(separator: ",", omittingEmptySubsequences: false).joined(separator: "%2C")
    }
}
