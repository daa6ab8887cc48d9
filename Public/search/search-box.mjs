// The search field in the header: search as you type.
//
// When typing pauses, the page goes to #/zoeken?q=…. While already on the search page the
// address is replaced rather than pushed, so Back leaves the search instead of stepping
// through every letter typed.
import { parseAddress } from '../urls.mjs';

const TYPING_PAUSE_MS = 250;

/**
 * Wires the field and its form. `render` shows the current address. Returns what the
 * navigation asks of the field when the address changes.
 */
export function createSearchBox({ field, form, render }) {
  let pause = 0;
  // The address the field itself went to: while it is shown, the field keeps what the user
  // typed (maybe more by now) instead of the address's query.
  let typedAddress = null;

  function search() {
    clearTimeout(pause);
    const q = field.value.trim();
    const address = parseAddress(location.hash);
    const onSearchPage = address.segments[0] === 'zoeken';
    // Keep the soort and dossier filters that are already chosen.
    const query = onSearchPage ? address.query : new URLSearchParams();
    if (q) query.set('q', q);
    else query.delete('q');
    const target = '#/zoeken' + (query.toString() ? '?' + query : '');
    if (location.hash === target) return;
    if (onSearchPage) {
      history.replaceState(null, '', target);
      typedAddress = location.hash;
      render({ focus: false });
    } else if (q) {
      location.hash = target;
      typedAddress = location.hash;
    }
  }

  field.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(search, TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });

  return {
    /** Whether the current address is the one typing in the field went to. */
    isTyped: () => location.hash === typedAddress,
    /** Another address came (a link, Back): a pending search is dropped. */
    forgetTyping() {
      clearTimeout(pause);
      typedAddress = null;
    },
    /** Shows the address's query in the field (empty off the search page), unless typed. */
    follow({ segments, query }) {
      if (location.hash !== typedAddress) field.value = segments[0] === 'zoeken' ? query.get('q') || '' : '';
    },
  };
}
