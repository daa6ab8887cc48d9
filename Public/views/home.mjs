// #/ and #/dossiers: the dossiers this API serves, and the way to the competenties.
import { h } from '../dom.mjs';
import { fetchJSON, fetchRoot } from '../api.mjs';
import { datum, domeinTekst } from '../format.mjs';
import { pageHref } from '../urls.mjs';
import { absent, codeLink, facts, pageLink } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

export async function homeView() {
  const root = await fetchRoot();
  const lijst = await fetchJSON(root.links.dossiers);
  return itemPage({ titel: 'Kwalificatiedossiers', apiPath: root.links.dossiers, printable: false, body: [
    h('p', {}, 'Lees de mbo-kwalificatiedossiers zoals ze gepubliceerd zijn: de typering, de kwalificaties, '
      + 'kerntaken en werkprocessen, en hoe ze samenhangen met de 25 competenties en de vakkennis. '
      + 'Zoek bovenaan in alle teksten.'),
    h('h2', {}, `Beschikbare dossiers (${lijst.aantal})`),
    h('ul', { class: 'kaarten', id: 'dossiers' }, lijst.items.map(dossierCard)),
    h('h2', {}, 'Competenties'),
    h('p', {}, h('a', { href: pageHref(root.links.competenties) }, 'De 25 SBB-competenties'),
      ', elk met de werkprocessen die erop steunen, in alle dossiers.'),
  ] });
}

function dossierCard(dossier) {
  return h('li', { class: 'kaart', 'data-crebo': dossier.crebo },
    h('h3', {}, pageLink(dossier.links.self, dossier.titel)),
    facts([
      ['Crebo', dossier.crebo, true],
      ['Opleidingsdomein', domeinTekst(dossier.opleidingsdomein), true],
      ['Status', dossier.status, true],
      ['Geldig vanaf', datum(dossier.geldigVanaf), true],
    ]),
    h('p', {}, 'Kwalificaties:'),
    h('ul', {}, dossier.kwalificaties.map((kwalificatie) =>
      h('li', {}, codeLink(kwalificatie), h('span', { class: 'sub' }, ' · crebo ', kwalificatie.crebo ?? absent())))));
}
