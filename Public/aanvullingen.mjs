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

/** Whether a profiel's addition to a composed item adds vakkennis or competenties to its list. */
export const voegtLijstToe = (item) =>
  voegtToe(item.aanvulling?.vakkennis) || voegtToe(item.aanvulling?.competenties);

/**
 * A composed werkproces with its basis list. The API merges a profiel's added competenties
 * into the item's own list; the page shows, as the published text does, the dossier's list as
 * the basis and the addition apart under its lead line. `basis` is the dossier's werkproces;
 * without it, or without such an addition, the werkproces keeps the list it came with.
 */
export function werkprocesMetBasislijst(werkproces, basis) {
  return basis && voegtToe(werkproces.aanvulling?.competenties)
    ? { ...werkproces, competenties: basis.competenties }
    : werkproces;
}

/**
 * A composed kerntaak with its basis lists (vakkennis, and the competenties of its
 * werkprocessen), as werkprocesMetBasislijst; `basis` is the dossier's kerntaak with its
 * werkprocessen.
 */
export function kerntaakMetBasislijsten(kerntaak, basis) {
  if (!basis) return kerntaak;
  const basisWerkprocessen = new Map((basis.werkprocessen ?? []).map((w) => [w.code, w]));
  const werkprocessen = kerntaak.werkprocessen.map((werkproces) =>
    werkprocesMetBasislijst(werkproces, basisWerkprocessen.get(werkproces.code)));
  const vakkennis = voegtToe(kerntaak.aanvulling?.vakkennis) ? basis.vakkennis : kerntaak.vakkennis;
  return { ...kerntaak, vakkennis, werkprocessen };
}

/**
 * The kerntaken of a composed kwalificatie with their basis lists, from the dossier document
 * (with its kerntaken tree); a kerntaak the dossier does not have keeps the lists it came with.
 */
export function metBasislijsten(kerntaken, dossier) {
  const basisKerntaken = new Map((dossier?.kerntaken ?? []).map((k) => [k.code, k]));
  return kerntaken.map((kerntaak) => kerntaakMetBasislijsten(kerntaak, basisKerntaken.get(kerntaak.code)));
}

/** Whether a composed kwalificatie adds vakkennis or competenties anywhere (then the basis lists are needed). */
export const heeftAanvullendeLijsten = (kerntaken) =>
  kerntaken.some((kerntaak) => voegtLijstToe(kerntaak) || kerntaak.werkprocessen.some(voegtLijstToe));

/** Whether any kerntaak or werkproces of a composed kwalificatie has an addition. */
export const heeftAanvullingen = (kerntaken) =>
  kerntaken.some((kerntaak) => aanvullingenVan(kerntaak).length > 0 ||
    kerntaak.werkprocessen.some((werkproces) => aanvullingenVan(werkproces).length > 0));
