// #/dossiers/{crebo}/keuzedelen
import { fetchJSON } from '../api.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { keuzedelenBlock } from '../blocks/keuzedelen.mjs';
import { itemPage } from '../shell/item.mjs';

export async function keuzedelenView({ apiPath }) {
  const keuzedelen = await fetchJSON(apiPath);
  return itemPage({
    titel: 'Keuzedelen', apiPath, breadcrumbs: dossierSteps(keuzedelen.dossier),
    body: keuzedelenBlock(keuzedelen.overzicht, keuzedelen.items),
  });
}
