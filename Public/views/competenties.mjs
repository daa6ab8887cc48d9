// #/competenties: the 25 SBB competenties.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { aantalWerkprocessen } from '../format.mjs';
import { HOME_STEP } from '../blocks/breadcrumbs.mjs';
import { codeLink } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

export async function competentiesView({ apiPath }) {
  const lijst = await fetchJSON(apiPath);
  return itemPage({
    titel: 'De 25 competenties', apiPath, breadcrumbs: [HOME_STEP],
    body: h('ul', { class: 'legenda', id: 'competenties' }, lijst.items.map((c) =>
      h('li', { 'data-competentie': c.code }, codeLink(c),
        h('span', { class: 'sub' }, ` · ${aantalWerkprocessen(c.aantalWerkprocessen)}`)))),
  });
}
