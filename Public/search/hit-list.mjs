// The search hits on the page, grouped by kind.
import { h } from '../dom.mjs';
import { profielNaam } from '../aanvullingen.mjs';
import { veldNaam } from '../format.mjs';
import { codeLabel } from '../blocks/text.mjs';
import { groupHeading, groupHits, hitCode, hitHref } from './hits.mjs';
import { snippetParts } from './snippet.mjs';

/** The snippet as text with <mark> elements: nothing from the API is parsed as HTML. */
function snippetBlock(snippet) {
  return h('p', { class: 'fragment' },
    snippetParts(snippet).map(({ text, marked }) => (marked ? h('mark', {}, text) : text)));
}

function hitEntry({ hit, index }) {
  const code = hitCode(hit);
  const attributes = { 'data-soort': hit.soort, 'data-code': hit.code ?? '', 'data-dossier': hit.dossier?.crebo ?? '' };
  return h('li', { ...attributes, 'data-nr': index },
    h('a', { href: hitHref(hit) }, code && [codeLabel(code), ' '], hit.titel),
    h('p', { class: 'sub' }, hit.dossier ? `${hit.dossier.titel} (${hit.dossier.crebo})` : 'Alle dossiers',
      hit.veld ? ` · ${veldNaam(hit.veld)}` : '',
      // A hit in an addition per profiel says for which profiel it holds.
      hit.profiel?.code ? ` · aanvullend voor ${profielNaam(hit.profiel)}` : ''),
    hit.snippet && snippetBlock(hit.snippet));
}

/** One section per kind of hit; `complete`: every hit is loaded (so a group's size is its total). */
export function hitGroups(items, complete) {
  return groupHits(items).map(({ soort, naam, hits }) =>
    h('section', { class: 'groep', 'data-soort': soort },
      h('h2', {}, groupHeading(naam, hits.length, complete)),
      h('ol', { class: 'treffers' }, hits.map(hitEntry))));
}
