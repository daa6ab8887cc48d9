// The toolbar of every item: its API link to copy, and a print button.
import { h } from '../dom.mjs';
import { announce } from './announce.mjs';

/** The toolbar for the resource at `apiPath`; `printable` adds "Afdrukken". */
export function toolbar(apiPath, printable) {
  const field = h('input', {
    id: 'api-link', type: 'text', readonly: true, value: new URL(apiPath, location.href).href, 'data-api': apiPath,
    'aria-label': 'API-link van dit onderdeel', spellcheck: 'false',
    onfocus: (event) => event.target.select(),
  });
  return h('div', { class: 'werkbalk' },
    h('span', { class: 'api-label', 'aria-hidden': 'true' }, 'API'),
    field,
    h('button', { type: 'button', onclick: () => copyField(field) }, 'Kopieer API-link'),
    printable && h('button', { type: 'button', onclick: () => window.print() }, 'Afdrukken'));
}

// navigator.clipboard only exists on https and localhost; intranets often serve plain
// http, hence the execCommand fallback on the selected field.
async function copyField(field) {
  try {
    await navigator.clipboard.writeText(field.value);
    announce('API-link gekopieerd');
  } catch {
    field.focus();
    field.select();
    const copied = document.execCommand && document.execCommand('copy');
    announce(copied ? 'API-link gekopieerd' : 'Kopiëren lukt niet; de link is geselecteerd, kopieer hem met Ctrl+C');
  }
}
