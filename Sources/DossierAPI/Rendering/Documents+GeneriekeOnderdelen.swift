extension Documents {
    /// The generieke onderdelen of each dossier (Nederlandse taal, rekenen, loopbaan en
    /// burgerschap, Engels), each with its `bron`, the legal source exactly as the dossier
    /// writes it, and the dossier's own introduction to them.
    static func generiekeOnderdelen(_ context: DocumentContext) -> [Document] {
        context.dossiers.map { r in
            Document([r.crebo]) {
                .object([
                    "dossier": r.dossierReference(),
                    "inleiding": .string(r.dossier.generiekeOnderdelenInleiding),
                    "aantal": .int(r.dossier.generiekeOnderdelen.count),
                    "items": .array(r.dossier.generiekeOnderdelen.map(r.generiekOnderdeel)),
                    "links": ResourceTable.getGeneriekeOnderdelen.links(
                        [r.crebo], parent: ResourceTable.getDossier.path(r.crebo)),
                ])
            }
        }
    }
}
