// The bulleted lists of a kerntaak and werkproces (gedrag, competenties, vakkennis), the same
// for the basis texts and for an addition per profiel.
import { h } from '../dom.mjs';
import { codeLink, pageLink } from './text.mjs';

/** Gedrag as its lead line ("De ‹beroep›:") and bullets; `attributes` mark the list for tests. */
export const gedragList = (aanhef, gedrag, attributes) => [
  aanhef && h('p', {}, aanhef),
  h('ul', { ...attributes, class: 'gedrag' }, gedrag.map((regel) => h('li', {}, regel))),
];

/** Competenties as links to their pages. */
export const competentieList = (competenties, attributes) =>
  h('ul', { ...attributes, class: 'competenties' },
    competenties.map((c) => h('li', { 'data-competentie': c.code }, codeLink(c))));

/** Vakkennis items with the list's lead line, as links to their pages. */
export const vakkennisList = (aanhef, vakkennis) => [
  aanhef && h('p', {}, aanhef),
  h('ul', { class: 'vakkennis' }, vakkennis.map((item) => h('li', {}, pageLink(item.links.self, item.tekst)))),
];
