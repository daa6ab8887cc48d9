// A kerntaak's texts and werkprocessen, and the list of kerntaken.
import { h } from '../dom.mjs';
import { voegtToe } from '../aanvullingen.mjs';
import { aanvullingSections } from './aanvulling.mjs';
import { vakkennisList } from './lists.mjs';
import { codeLink, heading, listBlock, section, textBlock } from './text.mjs';
import { werkprocesSections } from './werkproces.mjs';

/**
 * A kerntaak with every text and werkproces in full, each followed by its additions per
 * profiel; `level` is its sections' heading level.
 */
export function kerntaakSections(kerntaak, level) {
  return [
    kerntaak.deel === 'profieldeel' && h('p', { class: 'sub' }, `Profieldeel ${kerntaak.profiel ?? ''}`),
    section(level, 'Complexiteit', textBlock(kerntaak.complexiteit)),
    section(level, 'Verantwoordelijkheid en zelfstandigheid',
      textBlock(kerntaak.verantwoordelijkheidEnZelfstandigheid)),
    section(level, 'Vakkennis en vaardigheden', listBlock(kerntaak.vakkennis, (vakkennis) =>
      vakkennisList(kerntaak.vakkennisAanhef, vakkennis))),
    aanvullingSections(kerntaak, level, kerntaakAanvulling),
    section(level, 'Werkprocessen', kerntaak.werkprocessen.map((werkproces) =>
      h('section', { class: 'werkproces', 'data-werkproces': werkproces.code },
        heading(level + 1, codeLink(werkproces)),
        werkprocesSections(werkproces, level + 2)))),
  ];
}

/** What one profiel adds to a kerntaak: only the parts it gives. */
function kerntaakAanvulling(aanvulling, level) {
  return [
    voegtToe(aanvulling.complexiteit) && section(level, 'Complexiteit', textBlock(aanvulling.complexiteit)),
    voegtToe(aanvulling.verantwoordelijkheidEnZelfstandigheid) && section(level,
      'Verantwoordelijkheid en zelfstandigheid', textBlock(aanvulling.verantwoordelijkheidEnZelfstandigheid)),
    voegtToe(aanvulling.vakkennis) && section(level, 'Vakkennis en vaardigheden',
      vakkennisList(aanvulling.vakkennisAanhef, aanvulling.vakkennis)),
  ];
}

/** Kerntaken as a list with their werkprocessen (links only); profieldeel ones say so. */
export function kerntakenList(kerntaken) {
  return h('ul', { class: 'kerntaken' }, kerntaken.map((kerntaak) =>
    h('li', { 'data-kerntaak': kerntaak.code },
      codeLink(kerntaak),
      kerntaak.deel === 'profieldeel' && h('span', { class: 'sub' }, ` (profieldeel ${kerntaak.profiel ?? ''})`),
      kerntaak.werkprocessen?.length > 0 &&
        h('ul', {}, kerntaak.werkprocessen.map((werkproces) =>
          h('li', { 'data-werkproces': werkproces.code }, codeLink(werkproces)))))));
}
