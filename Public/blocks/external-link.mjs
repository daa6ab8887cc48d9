// Links out of the page (SBB, wetten.overheid.nl).
import { h } from '../dom.mjs';
import { externalHref } from '../urls.mjs';

/**
 * A link that opens in a new tab and says so to everyone. The text stays as the source gives
 * it, also when the href had to be completed; what cannot be a link stays plain text.
 */
export function externalLink(url, text = url) {
  const href = externalHref(url);
  if (href == null) return text;
  const completed = text !== href;
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: completed ? 'extern adres' : 'extern' },
    text, h('span', { class: 'vh' }, ' (opent in een nieuw tabblad)'));
}
