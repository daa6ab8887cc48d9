// #/dossiers/{crebo}/werkprocessen/{code}: one werkproces with its texts.
import { fetchJSON } from '../api.mjs';
import { pageHref } from '../urls.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { werkprocesSections } from '../blocks/werkproces.mjs';
import { itemPage } from '../shell/item.mjs';

export async function werkprocesView({ apiPath }) {
  const werkproces = await fetchJSON(apiPath);
  const dossier = await fetchJSON(werkproces.links.dossier);
  const kerntaak = dossier.kerntaken.find((k) => k.links.self === werkproces.links.kerntaak);
  return itemPage({
    titel: werkproces.titel, code: werkproces.code, apiPath,
    breadcrumbs: [
      ...dossierSteps(dossier),
      ['Kerntaken', pageHref(dossier.links.kerntaken)],
      ...(kerntaak ? [[`${kerntaak.code} ${kerntaak.titel}`, pageHref(kerntaak.links.self)]] : []),
    ],
    body: werkprocesSections(werkproces, 2),
  });
}
