// Search hits: their kinds, groups, addresses and codes. Pure functions, no DOM.
import { dossierPartHref, pageHref } from '../urls.mjs';

/** The kinds of hit in a fixed, predictable order, with their headings. */
export const SOORTEN = [
  ['dossier', 'Dossiers'], ['kwalificatie', 'Kwalificaties'], ['kerntaak', 'Kerntaken'],
  ['werkproces', 'Werkprocessen'], ['gedrag', 'Gedrag'], ['vakkennis', 'Vakkennis en vaardigheden'],
  ['competentie', 'Competenties'], ['generiek-onderdeel', 'Generieke onderdelen'], ['keuzedeel', 'Keuzedelen'],
];

/**
 * The hits grouped by kind, in SOORTEN order: [{soort, naam, hits: [{hit, index}]}], where
 * `index` is the hit's place in the whole list. Kinds without hits, and kinds this page
 * does not know, are left out.
 */
export function groupHits(items) {
  return SOORTEN.map(([soort, naam]) => ({
    soort,
    naam,
    hits: items.flatMap((hit, index) => (hit.soort === soort ? [{ hit, index }] : [])),
  })).filter((group) => group.hits.length > 0);
}

/**
 * A group's heading: with every hit loaded its size is its total ("Gedrag (3)"); otherwise
 * the API gives only the overall total, and the heading says how many are shown so far.
 */
export const groupHeading = (naam, count, complete) =>
  complete ? `${naam} (${count})` : `${naam} (${count} getoond)`;

const DOSSIER_PATH = /\/dossiers\/[^/]+$/;

/**
 * The page a hit opens. A generic part that links only to its dossier (it has no resource
 * of its own there) opens the dossier's generieke-onderdelen page.
 */
export function hitHref(hit) {
  const self = hit.links.self;
  return hit.soort === 'generiek-onderdeel' && DOSSIER_PATH.test(self)
    ? dossierPartHref(self, 'generieke-onderdelen')
    : pageHref(self);
}

/**
 * The code shown in front of a hit's title, when it is a published one: vakkennis ids are
 * the source's internal XML ids, and a generic part's code often just repeats its title.
 */
export function hitCode(hit) {
  if (!hit.code || hit.soort === 'vakkennis' || hit.code === hit.titel) return null;
  return hit.code;
}
