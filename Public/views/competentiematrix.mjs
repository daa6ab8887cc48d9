// #/dossiers/{crebo}/competenties: werkprocessen × the 25 competenties.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { NIET_VERMELD, aantalWerkprocessen } from '../format.mjs';
import { pageHref } from '../urls.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { markCell, scrollRegion } from '../blocks/table.mjs';
import { codeLabel, codeLink, pageLink } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

export async function competentiematrixView({ apiPath }) {
  const matrix = await fetchJSON(apiPath);
  const competenties = matrix.competenties;
  // null: the source does not name this werkproces's competenties (not the same as none).
  const onbekend = matrix.werkprocessen.filter((w) => w.competenties == null).map((w) => w.code);
  return itemPage({
    titel: 'Competentiematrix', apiPath, breadcrumbs: dossierSteps(matrix.dossier),
    body: [
      // The name sits in a heading outside the scrolling region, so it stays readable on a
      // phone while the table scrolls sideways.
      h('h2', { id: 'matrix-naam' }, 'Werkprocessen × competenties'),
      h('p', {}, '● betekent: het werkproces steunt op die competentie.',
        h('span', { class: 'geenprint' },
          ' Klik op een competentie om elk werkproces te zien dat erop steunt, in alle dossiers.')),
      scrollRegion('matrix-naam', matrixTable(matrix)),
      onbekend.length > 0 &&
        h('p', { class: 'sub' }, `Bij ${onbekend.join(', ')} zijn de competenties ${NIET_VERMELD}.`),
      h('h2', {}, 'De 25 competenties'),
      h('ul', { class: 'legenda' }, competenties.map((c) =>
        h('li', {}, codeLink(c), h('span', { class: 'sub' }, ` · ${aantalWerkprocessen(c.werkprocessen.length)}`)))),
    ],
  });
}

function matrixTable(matrix) {
  const competenties = matrix.competenties;
  const attributes = { id: 'matrix', class: 'matrix', 'data-dossier': matrix.dossier.crebo };
  return h('table', { ...attributes, 'aria-labelledby': 'matrix-naam' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Werkproces'),
      competenties.map((c) =>
        h('th', { scope: 'col', 'data-competentie': c.code, 'data-titel': c.titel },
          h('a', { href: pageHref(c.links.self), title: c.titel },
            h('span', { 'aria-hidden': 'true' }, c.code), h('span', { class: 'vh' }, `${c.code} ${c.titel}`)))))),
    h('tbody', {}, matrix.werkprocessen.map((werkproces) => {
      const eigen = new Set(werkproces.competenties ?? []);
      return h('tr', { 'data-werkproces': werkproces.code },
        h('th', { scope: 'row' }, pageLink(werkproces.links.self,
          codeLabel(werkproces.code), ' ', h('span', { class: 'wptitel' }, werkproces.titel))),
        competenties.map((c) => werkproces.competenties == null
          ? h('td', { 'data-competentie': c.code, 'data-mark': 'onbekend', title: NIET_VERMELD })
          : markCell(eigen.has(c.code), { 'data-competentie': c.code })));
    })),
    h('tfoot', {}, h('tr', {},
      h('th', { scope: 'row' }, 'Aantal'),
      competenties.map((c) => h('td', { 'data-competentie': c.code }, String(c.werkprocessen.length))))));
}
