// #/dossiers/{crebo}/kwalificaties/{code} and #/kwalificaties/{crebo}: one kwalificatie with
// everything that applies to it (its composed requirements), made to be printed whole.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { heeftAanvullendeLijsten, heeftAanvullingen, metBasislijsten } from '../aanvullingen.mjs';
import { datum, janee } from '../format.mjs';
import { pageHref } from '../urls.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { kerntaakSections, kerntakenList } from '../blocks/kerntaak.mjs';
import { lmsExportBlock } from '../blocks/lms-export.mjs';
import { codeLink, facts, pageLink, section, textBlock } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

export async function kwalificatieView({ apiPath }) {
  const kwalificatie = await fetchJSON(apiPath);
  const dossier = kwalificatie.dossier;
  // The basis lists of items with added vakkennis or competenties come from the dossier.
  const kerntaken = heeftAanvullendeLijsten(kwalificatie.kerntaken)
    ? metBasislijsten(kwalificatie.kerntaken, await fetchJSON(kwalificatie.links.dossier ?? dossier.links.self))
    : kwalificatie.kerntaken;
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
        ['Bron beroepsvereisten', kwalificatie.bronBeroepsvereisten],
        ['Certificaten', kwalificatie.certificaten],
        ['Soort opleiding', kwalificatie.soortOpleiding],
        ['Beroepsgroep', kwalificatie.beroepsgroep],
        ['Studiebelastingsuren', kwalificatie.sbu],
        ['Geldig vanaf', datum(kwalificatie.geldigVanaf), true],
        ['Datum einde instroom', datum(kwalificatie.datumEindeInstroom)],
        ['Datum einde opleiding', datum(kwalificatie.datumEindeOpleiding)],
      ]),
      lmsExportBlock(kwalificatie.links, 2),
      kwalificatie.typeringVanHetBeroep &&
        section(2, 'Typering van het beroep', textBlock(kwalificatie.typeringVanHetBeroep)),
      section(2, 'Kerntaken die gelden',
        h('p', {}, 'De kerntaken van het basisdeel en van het eigen profieldeel.',
          heeftAanvullingen(kerntaken) && ' Bij een kerntaak of werkproces van het basisdeel staat na de teksten, '
            + `onder „Voor ${kwalificatie.titel} geldt aanvullend:”, wat alleen voor deze kwalificatie geldt.`),
        kerntakenList(kerntaken)),
      kerntaken.map((kerntaak) =>
        h('section', { class: 'kerntaak', 'data-kerntaak': kerntaak.code },
          h('h2', {}, codeLink(kerntaak)),
          kerntaakSections(kerntaak, 3))),
    ],
  });
}
