// #/dossiers/{crebo}/typering: the dossier's typering on a page of its own (to link and print).
import { fetchJSON } from '../api.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { typeringSections } from '../blocks/typering.mjs';
import { itemPage } from '../shell/item.mjs';

/** `apiPath` is the dossier's: the typering is part of that resource. */
export async function typeringView({ apiPath }) {
  const dossier = await fetchJSON(apiPath);
  return itemPage({
    titel: 'Typering van de beroepsgroep', apiPath, breadcrumbs: dossierSteps(dossier),
    body: typeringSections(dossier.typering, 2),
  });
}
