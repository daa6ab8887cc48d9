// A werkproces's texts: omschrijving, resultaat, gedrag and competenties, then its additions.
import { voegtToe } from '../aanvullingen.mjs';
import { aanvullingSections } from './aanvulling.mjs';
import { competentieList, gedragList } from './lists.mjs';
import { listBlock, section, textBlock } from './text.mjs';

/** The sections of a werkproces; `level` is the heading level of their titles. */
export function werkprocesSections(werkproces, level) {
  return [
    section(level, 'Omschrijving', textBlock(werkproces.omschrijving)),
    section(level, 'Resultaat', textBlock(werkproces.resultaat)),
    section(level, 'Gedrag', listBlock(werkproces.gedrag, (gedrag) =>
      gedragList(werkproces.gedragAanhef, gedrag, { 'data-gedrag': werkproces.code }))),
    section(level, 'Competenties', listBlock(werkproces.competenties, (competenties) =>
      competentieList(competenties, { 'data-competenties': werkproces.code }))),
    aanvullingSections(werkproces, level, werkprocesAanvulling),
  ];
}

/** What one profiel adds to a werkproces: only the parts it gives. */
function werkprocesAanvulling(aanvulling, level) {
  return [
    voegtToe(aanvulling.omschrijving) && section(level, 'Omschrijving', textBlock(aanvulling.omschrijving)),
    voegtToe(aanvulling.resultaat) && section(level, 'Resultaat', textBlock(aanvulling.resultaat)),
    (voegtToe(aanvulling.gedrag) || voegtToe(aanvulling.gedragAanhef)) &&
      section(level, 'Gedrag', gedragList(aanvulling.gedragAanhef, aanvulling.gedrag ?? [])),
    voegtToe(aanvulling.competenties) && section(level, 'Competenties', competentieList(aanvulling.competenties)),
  ];
}
