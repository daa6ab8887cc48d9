// The additions per profiel of a kerntaak or werkproces, each under the published lead line
// "Voor ‹profiel› geldt aanvullend:", set apart from the basis texts above them.
import { h } from '../dom.mjs';
import { aanvullendKop, aanvullingenVan, profielNaam } from '../aanvullingen.mjs';
import { heading, pageLink } from './text.mjs';

/**
 * One section per addition of `item` (a dossier's kerntaak or werkproces, or a composed
 * one): the lead line as a heading of `level` with the profiel's name linked to its
 * kwalificatie, the profiel's code and crebo, then `parts(aanvulling, level + 1)`.
 */
export function aanvullingSections(item, level, parts) {
  return aanvullingenVan(item).map((aanvulling) => {
    const profiel = aanvulling.profiel;
    const naam = profielNaam(profiel);
    return h('section', { class: 'aanvulling', 'data-aanvulling': item.code, 'data-profiel': profiel.code },
      heading(level, ...aanvullendKop(profiel.links?.self ? pageLink(profiel.links.self, naam) : naam)),
      h('p', { class: 'sub' }, `Alleen voor ${profiel.code}`, profiel.crebo ? ` (crebo ${profiel.crebo})` : ''),
      parts(aanvulling, level + 1));
  });
}
