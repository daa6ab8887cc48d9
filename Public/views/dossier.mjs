// #/dossiers/{crebo}: a dossier's facts, its parts, kwalificaties, kerntaken and keuzedelen.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { datum, domeinTekst } from '../format.mjs';
import { dossierPartHref } from '../urls.mjs';
import { HOME_STEP } from '../blocks/breadcrumbs.mjs';
import { kerntakenList } from '../blocks/kerntaak.mjs';
import { keuzedelenBlock } from '../blocks/keuzedelen.mjs';
import { kwalificatieCards } from '../blocks/kwalificatie.mjs';
import { facts, pageLink, section } from '../blocks/text.mjs';
import { typeringSections } from '../blocks/typering.mjs';
import { itemPage } from '../shell/item.mjs';

export async function dossierView({ apiPath }) {
  const dossier = await fetchJSON(apiPath);
  const links = dossier.links;
  return itemPage({
    titel: dossier.titel, code: dossier.crebo, apiPath, breadcrumbs: [HOME_STEP],
    body: [
      facts([
        ['Crebo', dossier.crebo, true],
        ['Opleidingsdomein', domeinTekst(dossier.opleidingsdomein), true],
        ['Versie', dossier.versie],
        ['Status', dossier.status, true],
        ['Penvoerder', dossier.penvoerder],
        ['Gevalideerd door', dossier.gevalideerdDoor],
        ['Gevalideerd op', datum(dossier.gevalideerdOp)],
        ['Vastgesteld door', dossier.vastgesteldDoor],
        ['Vastgesteld op', datum(dossier.vastgesteldOp)],
        ['Vastgesteld te', dossier.vastgesteldTe],
        ['Geldig vanaf', datum(dossier.geldigVanaf), true],
        ['Datum einde instroom', datum(dossier.datumEindeInstroom)],
        ['Datum einde opleiding', datum(dossier.datumEindeOpleiding)],
      ]),
      h('nav', { class: 'onderdelen', 'aria-label': 'Onderdelen van dit dossier' },
        h('ul', {},
          h('li', {}, h('a', { href: dossierPartHref(links.self, 'typering') }, 'Typering')),
          h('li', {}, pageLink(links.competenties, 'Competentiematrix')),
          h('li', {}, pageLink(links.vakkennis, 'Vakkennis')),
          h('li', {}, pageLink(links.keuzedelen, 'Keuzedelen')),
          h('li', {}, h('a', { href: dossierPartHref(links.self, 'generieke-onderdelen') }, 'Generieke onderdelen')))),
      h('section', { class: 'deel' },
        h('h2', {}, 'Typering van de beroepsgroep'), typeringSections(dossier.typering, 3)),
      h('section', { class: 'deel' }, h('h2', {}, pageLink(links.kwalificaties, 'Kwalificaties')),
        kwalificatieCards(dossier.kwalificaties, 3)),
      h('section', { class: 'deel' }, h('h2', {}, pageLink(links.kerntaken, 'Kerntaken en werkprocessen')),
        kerntakenList(dossier.kerntaken)),
      section(2, 'Keuzedelen', keuzedelenBlock(dossier.keuzedelen.overzicht, dossier.keuzedelen.items)),
    ],
  });
}
