// #/dossiers/{crebo}/generieke-onderdelen: the generic parts with their legal sources.
import { h } from '../dom.mjs';
import { fetchJSON } from '../api.mjs';
import { dossierSteps } from '../blocks/breadcrumbs.mjs';
import { externalLink } from '../blocks/external-link.mjs';
import { absent, textBlock } from '../blocks/text.mjs';
import { itemPage } from '../shell/item.mjs';

/** `apiPath` is the dossier's: the generic parts are part of that resource. */
export async function generiekeOnderdelenView({ apiPath }) {
  const dossier = await fetchJSON(apiPath);
  return itemPage({
    titel: 'Generieke onderdelen', apiPath, breadcrumbs: dossierSteps(dossier),
    body: [
      dossier.generiekeOnderdelenInleiding && textBlock(dossier.generiekeOnderdelenInleiding),
      dossier.generiekeOnderdelen.map((onderdeel) =>
        h('section', { class: 'deel' },
          h('h2', {}, onderdeel.naam),
          h('p', { class: 'sub' }, 'Geldt voor: ',
            onderdeel.niveaus == null ? 'elk niveau' : `mbo-niveau ${onderdeel.niveaus.join(', ')}`),
          textBlock(onderdeel.omschrijving),
          h('p', {}, 'Wettelijke bron: ', onderdeel.bron ? externalLink(onderdeel.bron) : absent()))),
    ],
  });
}
