// #/dossiers/{crebo}/kerntaken/{code}: one kerntaak with every text and werkproces.
import { fetchJSON } from '../api.mjs';
import { pageHref } from '../urls.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { kerntaakSections } from '../blocks/kerntaak.mjs';
import { itemPage } from '../shell/item.mjs';

export async function kerntaakView({ apiPath }) {
  const kerntaak = await fetchJSON(apiPath);
  const dossier = await fetchJSON(kerntaak.links.dossier);
  return itemPage({
    titel: kerntaak.titel, code: kerntaak.code, apiPath,
    breadcrumbs: [...dossierSteps(dossier), ['Kerntaken', pageHref(kerntaak.links.parent)]],
    body: kerntaakSections(kerntaak, 2),
  });
}
