// The frame of every item page: breadcrumbs, title, toolbar, body, print footer.
import { h } from '../dom.mjs';
import { documentTitle } from '../format.mjs';
import { codeLabel } from '../blocks/text.mjs';
import { toolbar } from './toolbar.mjs';

/**
 * An item: breadcrumbs ([label, href, label on paper]), the title as h1 (focused after
 * navigation, so screen readers announce it), a toolbar with the API link of `apiPath` and
 * a print button, then the body. Sets the document title too.
 */
export function itemPage({ titel, code, apiPath, breadcrumbs = [], body, printable = true }) {
  document.title = documentTitle(titel, code);
  return h(
    'article',
    { class: 'item', 'data-api': apiPath },
    breadcrumbs.length > 0 &&
      h('nav', { class: 'kruimels', 'aria-label': 'Kruimelpad' },
        h('ol', {}, breadcrumbs.map(([label, href]) => h('li', {}, h('a', { href }, label))))),
    // Breadcrumbs are not printed; this line says on paper where the page belongs.
    breadcrumbs.length > 1 &&
      h('p', { class: 'printkop' }, breadcrumbs.slice(1).map(([label, , onPaper]) => onPaper ?? label).join(' › ')),
    h('h1', { id: 'titel', tabindex: '-1' }, code && codeLabel(code), code && ' ', titel),
    apiPath && toolbar(apiPath, printable),
    body,
    apiPath && h('p', { class: 'printvoet' }, `Pagina: ${location.href} · API: ${new URL(apiPath, location.href).href}`)
  );
}
