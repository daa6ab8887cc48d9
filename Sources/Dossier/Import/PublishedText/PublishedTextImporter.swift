/// Imports the text of a published kwalificatiedossier as extracted from its PDF (the layout of
/// SBB's "Profiel van kwalificatiedossier" publications, like the 23292 seed).
///
/// The text keeps the PDF's artefacts; the importer undoes exactly those and nothing else:
/// - a `CODE: titel` page-header line repeated for a kerntaak or werkproces that is already
///   open is dropped (its title must equal the section's own);
/// - a sentence cut by such a page break (the text before it does not end a sentence and the
///   text after it is not a new section, bullet or list) is joined again with one space;
/// - `-` bullets are read with or without a space after the dash and with leading spaces;
/// - Markdown artefacts of the extraction (`**bold**`, `| table |` rows, `<https://...>`
///   autolinks) are reduced to their text.
///
/// Every other character is kept: typos, stray punctuation and the `;` ending a gedrag bullet.
/// Titles are cross-checked between the table of contents, the overview tables and the section
/// headers; any mismatch, unknown competentie name or unexpected line is an ``ImportError``
/// with its line number.
public enum PublishedTextImporter {
    /// Imports one dossier.
    ///
    /// - Parameters:
    ///   - text: The whole text.
    ///   - file: The file's name, used in ``Bron`` and in error messages.
    public static func importDossier(from text: String, file: String) throws -> Kwalificatiedossier {
        try PublishedTextParser(text: text, file: file).parse()
    }
}

/// One line of the source with its 1-based number; `text` is trimmed.
struct SourceLine {
    let number: Int
    let raw: String
    let text: String
}
