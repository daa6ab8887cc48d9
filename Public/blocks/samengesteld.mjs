// What a kwalificatie's composed kerntaak or werkproces says about itself: for which
// kwalificatie it is composed, and where its basis item stands in the dossier.
import { h } from '../dom.mjs';
import { profielNaam } from '../aanvullingen.mjs';
import { pageHref } from '../urls.mjs';
import { codeLabel, facts, pageLink } from './text.mjs';

/**
 * The facts of a composed item: its kwalificatie, its dossier, `rows` of its own, and the
 * link to the item as the dossier has it (links.basis), with the additions of every profiel.
 */
export function samengesteldFacts(item, rows = []) {
  const { kwalificatie, dossier } = item;
  return facts([
    ['Kwalificatie', pageLink(item.links.kwalificatie, profielNaam(kwalificatie),
      ` (${kwalificatie.code}`, kwalificatie.crebo ? `, crebo ${kwalificatie.crebo}` : '', ')'), true],
    ['Dossier', pageLink(dossier.links.self, `${dossier.titel} (${dossier.crebo})`), true],
    ...rows,
    ['In het dossier', h('a', { href: pageHref(item.links.basis), 'data-basis': item.code },
      codeLabel(item.code), ' ', item.titel), true],
  ]);
}

/** The line above the texts: whose composed requirements these are, and where its addition stands. */
export const samengesteldIntro = (item) =>
  h('p', {}, `De teksten van het dossier zoals ze gelden voor ${profielNaam(item.kwalificatie)}`,
    item.aanvulling ? `, met onder „Voor ${profielNaam(item.aanvulling.profiel)} geldt aanvullend:” wat alleen `
      + 'voor deze kwalificatie geldt.' : '.');
