// Kwalificaties as cards, each with the kerntaken that apply to it.
import { h } from '../dom.mjs';
import { absent, codeLink, heading } from './text.mjs';

/** Cards of kwalificaties; `level` is the heading level of their titles. */
export function kwalificatieCards(kwalificaties, level) {
  return h('ul', { class: 'kaarten' }, kwalificaties.map((kwalificatie) =>
    h('li', { class: 'kaart', 'data-kwalificatie': kwalificatie.code },
      heading(level, codeLink(kwalificatie)),
      h('p', { class: 'sub' },
        'Crebo ', kwalificatie.crebo ?? absent(), ' · mbo-niveau ', kwalificatie.mboNiveau ?? absent()),
      h('p', {}, 'Kerntaken die gelden:'),
      h('ul', {}, kwalificatie.kerntaken.map((kerntaak) =>
        h('li', { 'data-kerntaak': kerntaak.code }, codeLink(kerntaak)))))));
}
