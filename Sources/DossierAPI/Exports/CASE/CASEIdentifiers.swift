/// How every CASE identifier is made: a name-based UUID (version 5, RFC 9562 §5.5) in one
/// namespace, over a name built from the published keys only.
///
/// The namespace is `ea2448a6-dd71-5304-b394-f605c80a23cd`, itself the UUIDv5 of the URL
/// `https://dossiers.example/case/v1p1` in the RFC's URL namespace. The names:
///
/// | record | name |
/// |---|---|
/// | CFDocument of a kwalificatie (and its CFPackage) | `kwalificatie:‹dossier crebo›:‹profiel code›` |
/// | CFItem of a kerntaak or werkproces | `kwalificatie:‹dossier›:‹profiel›:‹code›` |
/// | CFItem of a vakkennis item | `kwalificatie:‹dossier›:‹profiel›:vakkennis:‹item id›` |
/// | CFDocument of the 25 competenties | `competenties` |
/// | CFItem of a competentie | `competentie:‹code›` |
/// | CFItemType | `itemtype:‹kind›` (`kerntaak`, `werkproces`, `vakkennis`, `competentie`) |
/// | CFAssociation | `associatie:‹origin uuid›:‹associationType›:‹destination uuid›` |
///
/// So a werkproces composed for two kwalificaties is two items with two identifiers (its text
/// differs by their additions), and the same data gives the same identifiers on every
/// replica, after every restart and in every version of this server.
enum CASEIdentifiers {
    /// The namespace of every name above.
    static let namespace = NameBasedUUID(namespace: .urlNamespace, name: "https://dossiers.example/case/v1p1")

    /// The identifier of `name`.
    static func uuid(_ name: String) -> String {
        NameBasedUUID(namespace: namespace, name: name).description
    }

    /// A kwalificatie's CFDocument and CFPackage.
    static func document(dossier: String, profiel: String) -> String {
        uuid("kwalificatie:\(dossier):\(profiel)")
    }

    /// A kerntaak or werkproces as composed for one kwalificatie.
    static func item(dossier: String, profiel: String, code: String) -> String {
        uuid("kwalificatie:\(dossier):\(profiel):\(code)")
    }

    /// A vakkennis item as it applies to one kwalificatie.
    static func vakkennis(dossier: String, profiel: String, id: String) -> String {
        uuid("kwalificatie:\(dossier):\(profiel):vakkennis:\(id)")
    }

    /// The competenties' CFDocument and CFPackage.
    static let competentiesDocument = uuid("competenties")

    /// One competentie.
    static func competentie(_ code: String) -> String { uuid("competentie:\(code)") }

    /// One item type.
    static func itemType(_ kind: String) -> String { uuid("itemtype:\(kind)") }

    /// One association.
    static func association(origin: String, type: String, destination: String) -> String {
        uuid("associatie:\(origin):\(type):\(destination)")
    }
}
