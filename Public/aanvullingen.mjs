// Additions per profiel ("Voor ‹profiel› geldt aanvullend:") and the composed requirements of
// one kwalificatie: pure functions, no DOM.

/** The name an addition gives its profiel: its titel, or "profiel P3" where the source has none. */
export const profielNaam = (profiel) => profiel.titel || `profiel ${profiel.code}`;

/**
 * The published lead line of an addition, in parts around the profiel's name (which the page
 * makes a link): aanvullendKop('Thuisbegeleider').join('') → "Voor Thuisbegeleider geldt aanvullend:".
 */
export const aanvullendKop = (naam) => ['Voor ', naam, ' geldt aanvullend:'];

/**
 * The additions of a kerntaak or werkproces: a dossier's item has one per profiel
 * (`aanvullend`), a kwalificatie's composed item at most its own profiel's (`aanvulling`).
 * [] when there are none, or when the document has neither field.
 */
export function aanvullingenVan(item) {
  if (Array.isArray(item.aanvullend)) return item.aanvullend;
  return item.aanvulling ? [item.aanvulling] : [];
}

/** Whether a text or list of an addition adds something: null, "" and [] add nothing. */
export const voegtToe = (value) => value != null && value.length > 0;

/**
 * The kerntaken of a composed kwalificatie with their basis lists. The API merges a profiel's
 * added vakkennis and competenties into the item's own list; the page shows, as the published
 * text does, the dossier's list as the basis and the addition apart under its lead line. The
 * dossier document (with its kerntaken tree) gives the basis lists; an item without such an
 * addition, or one the dossier does not have, keeps the list it came with.
 */
export function metBasislijsten(kerntaken, dossier) {
  const basisKerntaken = new Map((dossier?.kerntaken ?? []).map((k) => [k.code, k]));
  return kerntaken.map((kerntaak) => {
    const basis = basisKerntaken.get(kerntaak.code);
    if (!basis) return kerntaak;
    const basisWerkprocessen = new Map((basis.werkprocessen ?? []).map((w) => [w.code, w]));
    const werkprocessen = kerntaak.werkprocessen.map((werkproces) => {
      const eigen = basisWerkprocessen.get(werkproces.code);
      return eigen && voegtToe(werkproces.aanvulling?.competenties)
        ? { ...werkproces, competenties: eigen.competenties }
        : werkproces;
    });
    const vakkennis = voegtToe(kerntaak.aanvulling?.vakkennis) ? basis.vakkennis : kerntaak.vakkennis;
    return { ...kerntaak, vakkennis, werkprocessen };
  });
}

/** Whether a composed kwalificatie adds vakkennis or competenties anywhere (then the basis lists are needed). */
export const heeftAanvullendeLijsten = (kerntaken) =>
  kerntaken.some((kerntaak) => voegtToe(kerntaak.aanvulling?.vakkennis) ||
    kerntaak.werkprocessen.some((werkproces) => voegtToe(werkproces.aanvulling?.competenties)));

/** Whether any kerntaak or werkproces of a composed kwalificatie has an addition. */
export const heeftAanvullingen = (kerntaken) =>
  kerntaken.some((kerntaak) => aanvullingenVan(kerntaak).length > 0 ||
    kerntaak.werkprocessen.some((werkproces) => aanvullingenVan(werkproces).length > 0));
