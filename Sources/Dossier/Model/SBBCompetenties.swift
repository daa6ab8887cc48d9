extension Competentie {
    /// The 25 SBB competenties, `A`...`Y`, with their exact names as in the competenties block
    /// of SBB's XML exports (a test compares this table with the sample export).
    ///
    /// They are the same for every dossier; a werkproces refers to them by code.
    public static let alle: [Competentie] = [
        Competentie(code: "A", titel: "Beslissen en activiteiten initiëren"),
        Competentie(code: "B", titel: "Aansturen"),
        Competentie(code: "C", titel: "Begeleiden"),
        Competentie(code: "D", titel: "Aandacht en begrip tonen"),
        Competentie(code: "E", titel: "Samenwerken en overleggen"),
        Competentie(code: "F", titel: "Ethisch en integer handelen"),
        Competentie(code: "G", titel: "Relaties bouwen en netwerken"),
        Competentie(code: "H", titel: "Overtuigen en beïnvloeden"),
        Competentie(code: "I", titel: "Presenteren"),
        Competentie(code: "J", titel: "Formuleren en rapporteren"),
        Competentie(code: "K", titel: "Vakdeskundigheid toepassen"),
        Competentie(code: "L", titel: "Materialen en middelen inzetten"),
        Competentie(code: "M", titel: "Analyseren"),
        Competentie(code: "N", titel: "Onderzoeken"),
        Competentie(code: "O", titel: "Creëren en innoveren"),
        Competentie(code: "P", titel: "Leren"),
        Competentie(code: "Q", titel: "Plannen en organiseren"),
        Competentie(code: "R", titel: "Op de behoeften en verwachtingen van de \"klant\" richten"),
        Competentie(code: "S", titel: "Kwaliteit leveren"),
        Competentie(code: "T", titel: "Instructies en procedures opvolgen"),
        Competentie(code: "U", titel: "Omgaan met verandering en aanpassen"),
        Competentie(code: "V", titel: "Met druk en tegenslag omgaan"),
        Competentie(code: "W", titel: "Gedrevenheid en ambitie tonen"),
        Competentie(code: "X", titel: "Ondernemend en commercieel handelen"),
        Competentie(code: "Y", titel: "Bedrijfsmatig handelen"),
    ]

    /// The competentie with this code (`A`...`Y`), if there is one.
    public static func met(code: String) -> Competentie? {
        alle.first { $0.code == code }
    }

    /// The competentie with exactly this name, if there is one (no case folding, no trimming).
    public static func met(titel: String) -> Competentie? {
        alle.first { $0.titel == titel }
    }
}
