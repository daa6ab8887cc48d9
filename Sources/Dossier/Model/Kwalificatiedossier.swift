/// One kwalificatiedossier (qualification dossier) as published by SBB: the root of the domain.
///
/// Every text is verbatim from its source; every optional is `nil` where the source says
/// nothing. Dates are ISO 8601 calendar dates (`2021-09-10`), converted from the source's
/// `dd-mm-jjjj` without changing their value.
public struct Kwalificatiedossier: Codable, Sendable, Hashable {
    /// The dossier's crebo number: five digits, e.g. `23292`.
    public var crebo: String
    /// The dossier's title, e.g. `(After)sales in de mobiliteitsbranche`.
    public var titel: String
    /// The version label, where the source gives one.
    public var versie: String?
    /// The legal status, e.g. `Vastgesteld`, where the source gives one.
    public var status: String?
    /// The opleidingsdomein the dossier belongs to.
    public var opleidingsdomein: Opleidingsdomein?
    /// The sectorkamer that holds the pen (penvoerder), as named in the source.
    public var penvoerder: String?
    /// Who validated the dossier (published text: "Gevalideerd door").
    public var gevalideerdDoor: String?
    /// When it was validated (published text: "Op").
    public var gevalideerdOp: String?
    /// Who established the dossier (SBB XML: `vastgestelddoor`).
    public var vastgesteldDoor: String?
    /// When it was established (SBB XML: `vastgesteldop`).
    public var vastgesteldOp: String?
    /// Where it was established (SBB XML: `vastgesteldte`).
    public var vastgesteldTe: String?
    /// First day the dossier is valid; `nil` where the source leaves it blank.
    public var geldigVanaf: String?
    /// Last day students may enrol, where given.
    public var datumEindeInstroom: String?
    /// Last day of the programme, where given.
    public var datumEindeOpleiding: String?
    /// The typering van de beroepsgroep: context, beroepshouding, resultaat.
    public var typering: Typering
    /// The kwalificaties (profielen) of the dossier, in published order.
    public var kwalificaties: [Kwalificatie]
    /// Every kerntaak of the dossier: the basisdeel first, then each profieldeel.
    public var kerntaken: [Kerntaak]
    /// Every vakkennis-en-vaardigheden item once; kerntaken refer to them by ``Vakkennis/id``.
    public var vakkennis: [Vakkennis]
    /// The generieke onderdelen (Nederlandse taal, rekenen, ...).
    public var generiekeOnderdelen: [GeneriekOnderdeel]
    /// The text above the generieke onderdelen ("Elke kwalificatie kent - naast ... - ook
    /// generieke kwalificatie-eisen."), verbatim; `nil` where the source has none.
    public var generiekeOnderdelenInleiding: String?
    /// The keuzedelen: the overview link the dossier names and any keuzedelen a source lists.
    public var keuzedelen: Keuzedelen
    /// Whether legal professional requirements apply to the dossier (SBB XML: the dossier's
    /// `wettelijkeberoepsvereisten` flag, Ja/Nee).
    public var wettelijkeBeroepsvereisten: Bool?
    /// Whether the toetsingskamer advised positively on the dossier (SBB XML:
    /// `positief_advies_toetsingskamer`, Ja/Nee).
    public var positiefAdviesToetsingskamer: Bool?
    /// Where this dossier was imported from.
    public var bron: Bron

    /// Creates a dossier; every optional defaults to "not said by the source".
    public init(
        crebo: String, titel: String, versie: String? = nil, status: String? = nil,
        opleidingsdomein: Opleidingsdomein? = nil, penvoerder: String? = nil,
        gevalideerdDoor: String? = nil, gevalideerdOp: String? = nil,
        vastgesteldDoor: String? = nil, vastgesteldOp: String? = nil, vastgesteldTe: String? = nil,
        geldigVanaf: String? = nil, datumEindeInstroom: String? = nil,
        datumEindeOpleiding: String? = nil, typering: Typering = Typering(),
        kwalificaties: [Kwalificatie] = [], kerntaken: [Kerntaak] = [], vakkennis: [Vakkennis] = [],
        generiekeOnderdelen: [GeneriekOnderdeel] = [], generiekeOnderdelenInleiding: String? = nil,
        keuzedelen: Keuzedelen = Keuzedelen(), wettelijkeBeroepsvereisten: Bool? = nil,
        positiefAdviesToetsingskamer: Bool? = nil, bron: Bron
    ) {
        self.crebo = crebo
        self.titel = titel
        self.versie = versie
        self.status = status
        self.opleidingsdomein = opleidingsdomein
        self.penvoerder = penvoerder
        self.gevalideerdDoor = gevalideerdDoor
        self.gevalideerdOp = gevalideerdOp
        self.vastgesteldDoor = vastgesteldDoor
        self.vastgesteldOp = vastgesteldOp
        self.vastgesteldTe = vastgesteldTe
        self.geldigVanaf = geldigVanaf
        self.datumEindeInstroom = datumEindeInstroom
        self.datumEindeOpleiding = datumEindeOpleiding
        self.typering = typering
        self.kwalificaties = kwalificaties
        self.kerntaken = kerntaken
        self.vakkennis = vakkennis
        self.generiekeOnderdelen = generiekeOnderdelen
        self.generiekeOnderdelenInleiding = generiekeOnderdelenInleiding
        self.keuzedelen = keuzedelen
        self.wettelijkeBeroepsvereisten = wettelijkeBeroepsvereisten
        self.positiefAdviesToetsingskamer = positiefAdviesToetsingskamer
        self.bron = bron
    }
}
