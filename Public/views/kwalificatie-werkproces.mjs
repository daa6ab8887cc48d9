// #/dossiers/{crebo}/kwalificaties/{profiel}/werkprocessen/{code} (and #/kwalificaties/{crebo}/
// werkprocessen/{code}): one werkproces as it holds for one kwalificatie, the basis texts with
// that profiel's addition apart.
import { fetchJSON } from '../api.mjs';
import { voegtLijstToe, werkprocesMetBasislijst } from '../aanvullingen.mjs';
import { pageHref } from '../urls.mjs';
import { kwalificatieSteps } from '../blocks/breadcrumbs.mjs';
import { samengesteldFacts, samengesteldIntro } from '../blocks/samengesteld.mjs';
import { codeLink } from '../blocks/text.mjs';
import { werkprocesSections } from '../blocks/werkproces.mjs';
import { itemPage } from '../shell/item.mjs';

export async function kwalificatieWerkprocesView({ apiPath }) {
  const werkproces = await fetchJSON(apiPath);
  // The basis list of added competenties comes from the dossier's werkproces.
  const [kerntaak, basis] = await Promise.all([
    fetchJSON(werkproces.links.kerntaak),
    voegtLijstToe(werkproces) ? fetchJSON(werkproces.links.basis) : null,
  ]);
  return itemPage({
    titel: werkproces.titel, code: werkproces.code, apiPath,
    breadcrumbs: [
      ...kwalificatieSteps(werkproces),
      [`${kerntaak.code} ${kerntaak.titel}`, pageHref(kerntaak.links.self)],
    ],
    body: [
      samengesteldFacts(werkproces, [['Kerntaak', codeLink(kerntaak), true]]),
      samengesteldIntro(werkproces),
      werkprocesSections(werkprocesMetBasislijst(werkproces, basis), 2),
    ],
  });
}
