// #/zoeken?q=…&soort=…&dossier=…: search in every text, with filters and further pages.
import { h } from '../dom.mjs';
import { fetchJSON, fetchRoot } from '../api.mjs';
import { aantal } from '../format.mjs';
import { fillQuery } from '../urls.mjs';
import { SOORTEN } from '../search/hits.mjs';
import { hitGroups } from '../search/hit-list.mjs';
import { announce } from '../shell/announce.mjs';
import { errorBox } from '../shell/errors.mjs';
import { itemPage } from '../shell/item.mjs';

const PAGE_SIZE = 50;

export async function zoekenView({ query, render }) {
  const q = (query.get('q') || '').trim();
  const soort = query.get('soort') || '';
  const dossier = query.get('dossier') || '';
  const root = await fetchRoot();
  const dossiers = await fetchJSON(root.links.dossiers);

  // A filter changes the address (replaceState), so the view stays bookmarkable; the page is
  // rebuilt, and the focus goes back to the same filter for keyboard users.
  const setFilter = (name, value) => {
    const changed = new URLSearchParams(query);
    if (value) changed.set(name, value);
    else changed.delete(name);
    history.replaceState(null, '', '#/zoeken?' + changed);
    render({ focus: false }).then(() => document.getElementById('filter-' + name)?.focus());
  };
  const filter = (label, name, options) => h('label', {}, label,
    h('select', { id: 'filter-' + name, onchange: (e) => setFilter(name, e.target.value) }, options));
  const filters = h('div', { class: 'filters' },
    filter('Soort ', 'soort', [
      h('option', { value: '' }, 'alle soorten'),
      SOORTEN.map(([s, naam]) => h('option', { value: s, selected: s === soort }, naam)),
    ]),
    filter('Dossier ', 'dossier', [
      h('option', { value: '' }, 'alle dossiers'),
      dossiers.items.map((d) =>
        h('option', { value: d.crebo, selected: d.crebo === dossier }, `${d.titel} (${d.crebo})`)),
    ]));

  if (!q) {
    return itemPage({ titel: 'Zoeken', apiPath: null,
      body: h('p', {}, 'Typ een woord in het zoekveld bovenaan; de treffers verschijnen terwijl u typt.') });
  }
  const apiPath = fillQuery(root.links.zoeken, { q, soort, dossier, pageSize: PAGE_SIZE });
  const first = await fetchJSON(apiPath);
  const results = hitResults(first, q);
  const treffers = (n) => aantal(n, 'treffer', 'treffers');
  announce(`${treffers(first.aantal)} voor ${q}`);
  return itemPage({
    titel: `Zoeken: ${q}`, apiPath, printable: false,
    body: [
      filters,
      h('p', { class: 'aantal' },
        first.aantal === 0 ? `Geen treffers voor “${q}”.` : `${treffers(first.aantal)} voor “${q}”.`),
      results.shown, results.list, results.more,
    ],
  });
}

/**
 * The hits of the first page and a button for the next ones. Further pages follow the API's
 * own `next` link; the button is replaced while the list is rebuilt, so the focus moves to
 * the first newly loaded hit.
 */
function hitResults(first, q) {
  const items = [...first.items];
  const list = h('div', { id: 'zoekresultaten', 'data-q': q, 'data-aantal': first.aantal });
  const shown = h('p', { class: 'sub', id: 'getoond' });
  const more = h('p', {});
  const update = (page) => {
    const complete = !page.hasNextPage;
    list.replaceChildren(...hitGroups(items, complete));
    shown.textContent = complete ? '' : `${items.length} van ${first.aantal} treffers getoond.`;
  };
  const offerNext = (page) => {
    more.replaceChildren();
    if (!page.hasNextPage || !page.links.next) return;
    const button = h('button', { type: 'button', id: 'meer-treffers', onclick: () => loadNext(page) },
      'Meer treffers laden');
    more.append(button);
  };
  const loadNext = async (page) => {
    const before = items.length;
    try {
      const next = await fetchJSON(page.links.next);
      items.push(...next.items);
      update(next);
      offerNext(next);
      (list.querySelector(`[data-nr="${before}"] a`) || document.getElementById('meer-treffers'))?.focus();
      announce(`${next.items.length} treffers erbij; ${items.length} van ${first.aantal} getoond.`);
    } catch (error) {
      more.replaceChildren(errorBox(error, () => {
        offerNext(page);
        document.getElementById('meer-treffers')?.focus();
      }));
      more.querySelector('button')?.focus();
    }
  };
  update(first);
  offerNext(first);
  return { list, shown, more };
}
