// The words and numbers the page shows: pure functions, no DOM.

/** What the page says where the source says nothing (never "none", never a guess). */
export const NIET_VERMELD = 'niet vermeld in de bron';

/** "1 werkproces", "2 werkprocessen" */
export const aantal = (n, enkelvoud, meervoud) => `${n} ${n === 1 ? enkelvoud : meervoud}`;
export const aantalWerkprocessen = (n) => aantal(n, 'werkproces', 'werkprocessen');

/** 2021-09-10 → 10-09-2021, the way the dossiers write dates; null stays null. */
export const datum = (iso) => iso && iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3-$2-$1');

/** true → "Ja", false → "Nee", null (not in the source) → null. */
export const janee = (value) => (value == null ? null : value ? 'Ja' : 'Nee');

/** "Mobiliteit, transport, logistiek en maritiem (crebo 23183)"; the crebo only if given. */
export const domeinTekst = (domein) =>
  domein && `${domein.titel}${domein.crebo ? ` (crebo ${domein.crebo})` : ''}`;

/** "typeringVanHetBeroep" → "typering van het beroep" */
export const veldNaam = (field) => field.replace(/([A-Z])/g, ' $1').toLowerCase();

/** ['A'] → "A"; ['A', 'B', 'C'] → "A, B en C" */
export const opsomming = (items) =>
  items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;

/** Published codes in reading order: B1-K2 before B1-K10. */
export const compareCodes = (a, b) => a.localeCompare(b, 'nl', { numeric: true });

/** The browser tab's title: "B1-K2-W3 Begeleidt… – Kwalificatiedossiers". */
export function documentTitle(titel, code) {
  const site = 'Kwalificatiedossiers';
  return `${code ? code + ' ' : ''}${titel}${titel === site ? '' : ` – ${site}`}`;
}

/**
 * A published text as paragraphs (the source separates them with a blank line; single line
 * breaks stay, CSS keeps them). null or "" → null: the source does not give the text.
 */
export function paragraphs(text) {
  if (text == null || text === '') return null;
  return text.split(/\n\s*\n/).map((paragraph) => paragraph.trim());
}

/**
 * The null-or-empty rule for a list from the API: null means the source does not give it
 * ("niet vermeld in de bron"), [] that it gives none ("geen"). Returns those words, or null
 * when the list has items to show.
 */
export function absentListText(items) {
  if (items == null) return NIET_VERMELD;
  if (items.length === 0) return 'geen';
  return null;
}
