// Pieces of the wide tables (competentiematrix, vakkennis).
import { h } from '../dom.mjs';

/** A mark that is not colour-only: a visible ● plus the word "ja" for screen readers. */
export function markCell(on, attributes) {
  return h('td', { ...attributes, 'data-mark': on ? 'ja' : 'nee', class: on ? 'aan' : null },
    on && h('span', { 'aria-hidden': 'true' }, '●'), on && h('span', { class: 'vh' }, 'ja'));
}

/**
 * A wide table scrolls inside a focusable region named by the heading `nameId`, so keyboard
 * users can scroll it and the page itself never gets wider than the phone.
 */
export function scrollRegion(nameId, table) {
  return h('div', { class: 'schuif', role: 'region', tabindex: '0', 'aria-labelledby': nameId }, table);
}
