// #/dossiers/{crebo}/werkprocessen: every werkproces of a dossier.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { codeLink } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

export async function werkprocessenView({ apiPath }) {
  const lijst = await fetchJSON(apiPath);
  return itemPage({
    titel: 'Werkprocessen', apiPath, breadcrumbs: dossierSteps(lijst.dossier),
    body: h('ul', { class: 'kerntaken' }, lijst.items.map((werkproces) =>
      h('li', { 'data-werkproces': werkproces.code }, codeLink(werkproces)))),
  });
}
