// A kwalificatie's files for a learning environment, where its API document links them.
import { h } from '../dom.mjs';
import { section } from './text.mjs';

// [link relation, label, what to do with the file]
const EXPORTS = [
  ['moodle', 'Moodle-competentiekader (CSV)', 'in Moodle te importeren als competentiekader'],
  ['canvas', 'Canvas-outcomes (CSV)', 'in Canvas te importeren als outcomes'],
];

/**
 * Download links for the exports `links` names (none: no block). The files hold the composed
 * requirements shown on this page; the server names them (Content-Disposition).
 */
export function lmsExportBlock(links, level) {
  const present = EXPORTS.filter(([relation]) => links[relation]);
  if (present.length === 0) return null;
  // Links to files say nothing on paper.
  return h('div', { class: 'geenprint' }, section(level, 'Voor een leeromgeving',
    h('p', {}, 'De eisen van deze kwalificatie (basisdeel, eigen profieldeel en de aanvullingen voor dit profiel) '
      + 'als bestand:'),
    h('ul', { class: 'exports' }, present.map(([relation, label, uitleg]) =>
      h('li', {},
        h('a', { href: links[relation], download: '', type: 'text/csv', 'data-export': relation }, label),
        h('span', { class: 'sub' }, `, ${uitleg}`))))));
}
