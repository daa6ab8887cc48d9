// #/dossiers/{crebo}/vakkennis: every vakkennis item × the kerntaken that list it.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { NIET_VERMELD, compareCodes, opsomming } from '../format.mjs';
import { pageHref } from '../urls.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { markCell, scrollRegion } from '../blocks/table.mjs';
import { pageLink } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

export async function vakkennisView({ apiPath }) {
  const vakkennis = await fetchJSON(apiPath);
  const dossier = await fetchJSON(vakkennis.dossier.links.self);
  // Columns: every kerntaak that lists at least one item, in code order.
  const genoemd = new Map();
  for (const item of vakkennis.items) for (const k of item.kerntaken) genoemd.set(k.code, k);
  const kolommen = [...genoemd.values()].sort((a, b) => compareCodes(a.code, b.code));
  const gedeeld = vakkennis.items.filter((item) => item.kerntaken.length > 1).length;
  const table = vakkennisTable(vakkennis, kolommen);
  const filter = h('input', {
    type: 'checkbox', id: 'alleen-gedeeld',
    onchange: (event) => table.classList.toggle('alleen-gedeeld', event.target.checked),
  });
  // Kerntaken without items have no column; say which, and why.
  const zonderItems = dossier.kerntaken.filter((k) => !genoemd.has(k.code));
  const zonderLijst = zonderItems.filter((k) => k.vakkennis == null).map((k) => k.code);
  const zonderGeen = zonderItems.filter((k) => k.vakkennis != null).map((k) => k.code);
  const een = (codes, enkelvoud, meervoud) => (codes.length === 1 ? enkelvoud : meervoud);
  return itemPage({
    titel: 'Vakkennis en vaardigheden', apiPath, breadcrumbs: dossierSteps(vakkennis.dossier),
    body: [
      h('h2', { id: 'vk-naam' }, 'Items per kerntaak'),
      h('p', {}, `${vakkennis.aantal} items; ${gedeeld} daarvan staan bij meer dan één kerntaak `
        + '(● = de kerntaak noemt het item).'),
      zonderLijst.length > 0 && h('p', { class: 'sub', id: 'vk-zonder-lijst' },
        `Bij ${opsomming(zonderLijst)} is de vakkennis ${NIET_VERMELD}; `
        + `${een(zonderLijst, 'die kerntaak heeft', 'die kerntaken hebben')} daarom geen kolom.`),
      zonderGeen.length > 0 && h('p', { class: 'sub', id: 'vk-zonder-items' },
        `${opsomming(zonderGeen)} ${een(zonderGeen, 'noemt', 'noemen')} geen vakkennis `
        + `en ${een(zonderGeen, 'heeft', 'hebben')} daarom geen kolom.`),
      h('p', { class: 'filter' }, h('label', {}, filter, 'Alleen items die bij meer dan één kerntaak staan')),
      scrollRegion('vk-naam', table),
    ],
  });
}

function vakkennisTable(vakkennis, kolommen) {
  const attributes = { id: 'vakkennis', class: 'matrix vk', 'data-dossier': vakkennis.dossier.crebo };
  return h('table', { ...attributes, 'aria-labelledby': 'vk-naam' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Item'),
      kolommen.map((k) => h('th', { scope: 'col', 'data-kerntaak': k.code },
        h('a', { href: pageHref(k.links.self), title: k.titel }, k.code, h('span', { class: 'vh' }, ` ${k.titel}`)))),
      h('th', { scope: 'col' }, 'Aantal'))),
    h('tbody', {}, vakkennis.items.map((item) => {
      const eigen = new Set(item.kerntaken.map((k) => k.code));
      return h('tr', { 'data-vakkennis': item.id, 'data-aantal': eigen.size, class: eigen.size > 1 ? 'gedeeld' : null },
        h('th', { scope: 'row' }, pageLink(item.links.self, item.tekst)),
        kolommen.map((k) => markCell(eigen.has(k.code), { 'data-kerntaak': k.code })),
        h('td', {}, String(eigen.size)));
    })));
}
