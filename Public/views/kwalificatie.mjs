// #/dossiers/{crebo}/kwalificaties/{code} and #/kwalificaties/{crebo}: one kwalificatie with
// everything that applies to it, made to be printed whole.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { datum, janee } from '../format.mjs';
import { pageHref } from '../urls.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { kerntaakSections, kerntakenList } from '../blocks/kerntaak.mjs';
import { codeLink, facts, pageLink, section, textBlock } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

export async function kwalificatieView({ apiPath }) {
  const kwalificatie = await fetchJSON(apiPath);
  const dossier = kwalificatie.dossier;
  return itemPage({
    titel: kwalificatie.titel, code: kwalificatie.code, apiPath,
    breadcrumbs: [...dossierSteps(dossier), ['Kwalificaties', pageHref(kwalificatie.links.parent)]],
    body: [
      facts([
        ['Crebo', kwalificatie.crebo, true],
        ['Dossier', pageLink(dossier.links.self, `${dossier.titel} (${dossier.crebo})`), true],
        ['Mbo-niveau', kwalificatie.mboNiveau, true],
        ['EQF-niveau', kwalificatie.eqfNiveau],
        ['Beroepsvereisten', janee(kwalificatie.beroepsvereisten), true],
        ['Toelichting beroepsvereisten', kwalificatie.toelichtingBeroepsvereisten],
        ['Soort opleiding', kwalificatie.soortOpleiding],
        ['Beroepsgroep', kwalificatie.beroepsgroep],
        ['Studiebelastingsuren', kwalificatie.sbu],
        ['Geldig vanaf', datum(kwalificatie.geldigVanaf), true],
        ['Datum einde instroom', datum(kwalificatie.datumEindeInstroom)],
        ['Datum einde opleiding', datum(kwalificatie.datumEindeOpleiding)],
      ]),
      kwalificatie.typeringVanHetBeroep &&
        section(2, 'Typering van het beroep', textBlock(kwalificatie.typeringVanHetBeroep)),
      section(2, 'Kerntaken die gelden', kerntakenList(kwalificatie.kerntaken)),
      kwalificatie.kerntaken.map((kerntaak) =>
        h('section', { class: 'kerntaak', 'data-kerntaak': kerntaak.code },
          h('h2', {}, codeLink(kerntaak)),
          kerntaakSections(kerntaak, 3))),
    ],
  });
}
