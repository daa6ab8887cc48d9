// The keuzedelen of a dossier: SBB's overview page and the ones the source lists.
import { h } from '../dom.mjs';
import { absent, codeLabel } from './text.mjs';
import { externalLink } from './external-link.mjs';

export function keuzedelenBlock(overzicht, items) {
  return [
    h('p', {}, overzicht
      ? ['De keuzedelen bij dit dossier staan op de officiële SBB-pagina: ', externalLink(overzicht)]
      : ['Een keuzedelenpagina is ', absent(), '.']),
    items.length === 0
      ? h('p', {}, 'De bron somt zelf geen keuzedelen op.')
      : h('ul', { class: 'keuzedelen' }, items.map((keuzedeel) =>
        h('li', {},
          keuzedeel.code && [codeLabel(keuzedeel.code), ' '],
          keuzedeel.url ? externalLink(keuzedeel.url, keuzedeel.titel) : keuzedeel.titel,
          keuzedeel.sbu != null && h('span', { class: 'sub' }, ` (${keuzedeel.sbu} sbu)`)))),
  ];
}
