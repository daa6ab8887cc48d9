// #/competenties/{code}: every werkproces that rests on one competentie, in all dossiers.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { aantal, aantalWerkprocessen } from '../format.mjs';
import { groupByDossier } from '../grouping.mjs';
import { pageHref } from '../urls.mjs';
import { HOME_STEP } from '../blocks/breadcrumbs.mjs';
import { codeLink, pageLink } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

export async function competentieView({ apiPath }) {
  const competentie = await fetchJSON(apiPath);
  const werkprocessen = competentie.werkprocessen;
  const perDossier = groupByDossier(werkprocessen, (w) => w.dossier);
  return itemPage({
    titel: competentie.titel, code: competentie.code, apiPath,
    breadcrumbs: [HOME_STEP, ['Competenties', pageHref(competentie.links.parent)]],
    body: [
      h('p', {}, werkprocessen.length === 0
        ? 'Geen werkproces in de beschikbare dossiers steunt op deze competentie.'
        : `${aantalWerkprocessen(werkprocessen.length)} in ${aantal(perDossier.length, 'dossier', 'dossiers')} `
          + `${werkprocessen.length === 1 ? 'steunt' : 'steunen'} op deze competentie.`),
      perDossier.map(({ dossier, items }) =>
        h('section', { class: 'deel', 'data-dossier': dossier.crebo },
          h('h2', {},
            pageLink(dossier.links.self, dossier.titel), h('span', { class: 'sub' }, ` (crebo ${dossier.crebo})`)),
          h('ul', { class: 'kerntaken' }, items.map((werkproces) =>
            h('li', { 'data-werkproces': werkproces.code, 'data-dossier': dossier.crebo }, codeLink(werkproces)))))),
    ],
  });
}
