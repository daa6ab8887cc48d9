// #/dossiers/{crebo}/kerntaken: the kerntaken with their werkprocessen.
import { fetchJSON } from '../api.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { kerntakenList } from '../blocks/kerntaak.mjs';
import { itemPage } from '../shell/item.mjs';

export async function kerntakenView({ apiPath }) {
  const lijst = await fetchJSON(apiPath);
  return itemPage({
    titel: 'Kerntaken en werkprocessen', apiPath, breadcrumbs: dossierSteps(lijst.dossier),
    body: kerntakenList(lijst.items),
  });
}
