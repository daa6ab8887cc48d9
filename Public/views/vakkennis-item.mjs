// #/dossiers/{crebo}/vakkennis/{id}: one vakkennis item and the kerntaken that list it.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { pageHref } from '../urls.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { kerntakenList } from '../blocks/kerntaak.mjs';
import { itemPage } from '../shell/item.mjs';

export async function vakkennisItemView({ apiPath }) {
  const item = await fetchJSON(apiPath);
  const dossier = await fetchJSON(item.links.dossier);
  return itemPage({
    titel: item.tekst, apiPath, breadcrumbs: [...dossierSteps(dossier), ['Vakkennis', pageHref(item.links.parent)]],
    body: [h('h2', {}, 'Genoemd bij de kerntaken'), kerntakenList(item.kerntaken)],
  });
}
