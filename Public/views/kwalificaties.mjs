// #/kwalificaties and #/dossiers/{crebo}/kwalificaties: kwalificaties as cards.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { groupByDossier } from '../grouping.mjs';
import { HOME_STEP, dossierSteps } from '../blocks/breadcrumbs.mjs';
import { kwalificatieCards } from '../blocks/kwalificatie.mjs';
import { pageLink } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

export async function kwalificatiesView({ apiPath }) {
  const lijst = await fetchJSON(apiPath);
  const uitleg = h('p', {},
    'Elke kwalificatie met de kerntaken die ervoor gelden (basisdeel en het eigen profieldeel).');
  if (lijst.dossier) {
    return itemPage({
      titel: 'Kwalificaties', apiPath, breadcrumbs: dossierSteps(lijst.dossier),
      body: [uitleg, kwalificatieCards(lijst.items, 2)],
    });
  }
  // All dossiers: profiel codes (P1, P2…) repeat, so the cards are grouped per dossier.
  return itemPage({
    titel: 'Kwalificaties', apiPath, breadcrumbs: [HOME_STEP],
    body: [uitleg, groupByDossier(lijst.items, (k) => k.dossier).map(({ dossier, items }) =>
      h('section', { class: 'deel', 'data-dossier': dossier?.crebo ?? '' },
        h('h2', {}, dossier
          ? [pageLink(dossier.links.self, dossier.titel), h('span', { class: 'sub' }, ` (crebo ${dossier.crebo})`)]
          : 'Zonder dossier'),
        kwalificatieCards(items, 3)))],
  });
}
