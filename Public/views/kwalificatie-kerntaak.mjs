// #/dossiers/{crebo}/kwalificaties/{profiel}/kerntaken/{code} (and #/kwalificaties/{crebo}/
// kerntaken/{code}): one kerntaak as it holds for one kwalificatie, the basis texts with that
// profiel's additions apart.
import { fetchJSON } from '../api.mjs';
import { heeftAanvullendeLijsten, kerntaakMetBasislijsten } from '../aanvullingen.mjs';
import { kwalificatieSteps } from '../blocks/breadcrumbs.mjs';
import { kerntaakSections } from '../blocks/kerntaak.mjs';
import { samengesteldFacts, samengesteldIntro } from '../blocks/samengesteld.mjs';
import { itemPage } from '../shell/item.mjs';

export async function kwalificatieKerntaakView({ apiPath }) {
  const kerntaak = await fetchJSON(apiPath);
  // The basis lists of added vakkennis and competenties come from the dossier's kerntaak.
  const basis = heeftAanvullendeLijsten([kerntaak]) ? await fetchJSON(kerntaak.links.basis) : null;
  return itemPage({
    titel: kerntaak.titel, code: kerntaak.code, apiPath,
    breadcrumbs: kwalificatieSteps(kerntaak),
    body: [
      samengesteldFacts(kerntaak),
      samengesteldIntro(kerntaak),
      kerntaakSections(kerntaakMetBasislijsten(kerntaak, basis), 2),
    ],
  });
}
