// A werkproces's texts: omschrijving, resultaat, gedrag and competenties.
import { h } from '../dom.mjs';
import { codeLink, listBlock, section, textBlock } from './text.mjs';

/** The sections of a werkproces; `level` is the heading level of their titles. */
export function werkprocesSections(werkproces, level) {
  return [
    section(level, 'Omschrijving', textBlock(werkproces.omschrijving)),
    section(level, 'Resultaat', textBlock(werkproces.resultaat)),
    section(level, 'Gedrag', listBlock(werkproces.gedrag, (gedrag) => [
      werkproces.gedragAanhef && h('p', {}, werkproces.gedragAanhef),
      h('ul', { class: 'gedrag', 'data-gedrag': werkproces.code }, gedrag.map((regel) => h('li', {}, regel))),
    ])),
    section(level, 'Competenties', listBlock(werkproces.competenties, (competenties) =>
      h('ul', { class: 'competenties', 'data-competenties': werkproces.code },
        competenties.map((c) => h('li', { 'data-competentie': c.code }, codeLink(c)))))),
  ];
}
