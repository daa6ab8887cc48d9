import Dossier

/// What the framework row (Moodle) and the top group (Canvas) say about the kwalificatie
/// itself: where it comes from, labelled, every value as the source gives it, and its
/// "Typering van het beroep" where the source has one. A value the source does not give is left
/// out, never filled in.
enum KwalificatieBeschrijving {
    /// The description as one line of HTML.
    static func html(_ kwalificatie: Kwalificatie, dossier: Kwalificatiedossier) -> String {
        var regels = [
            "Kwalificatiedossier: \(dossier.crebo) \(dossier.titel)",
            "Kwalificatie: \(kwalificatie.code) \(kwalificatie.titel)",
        ]
        if let crebo = kwalificatie.crebo { regels.append("Crebo: \(crebo)") }
        if let niveau = kwalificatie.mboNiveau { regels.append("Mbo-niveau: \(niveau)") }
        var output = regels.map { "<p>" + HTML.escape($0) + "</p>" }.joined()
        if let typering = kwalificatie.typeringVanHetBeroep {
            output += "<p><strong>Typering van het beroep</strong></p>" + HTML.paragraphs(typering)
        }
        return output
    }
}
