// What the page shows when it cannot show an item: an API problem, no answer, no route.
import { h } from '../dom.mjs';
import { APIError } from '../api.mjs';

const HOME_LINK = () => h('p', {}, h('a', { href: '#/' }, 'Naar het overzicht van de dossiers'));

/**
 * The error box for a failed page: the API problem's own Dutch title and detail. The
 * browser's own network errors ("Failed to fetch") are English and say nothing to a reader:
 * then it says so in Dutch, and offers `retry` (also after a server error).
 */
export function errorBox(error, retry) {
  const problem = error.problem;
  const unreachable = error instanceof APIError && error.status === 0;
  document.title = 'Fout – Kwalificatiedossiers';
  let title = problem?.title;
  if (!title) {
    title = unreachable ? 'De server is niet bereikbaar'
      : error.status ? `Fout ${error.status}` : 'Er ging iets mis op deze pagina';
  }
  let detail = problem?.detail;
  if (!detail && unreachable) {
    detail = 'De gegevens konden niet worden opgehaald. Controleer de verbinding en probeer het opnieuw.';
  } else if (!detail) {
    detail = error instanceof APIError ? `De server antwoordde met status ${error.status}.` : error.message;
  }
  const canRetry = unreachable || error.status >= 500;
  return h('section', { id: 'fout', class: 'fout', role: 'alert', 'data-status': error.status ?? '' },
    h('h1', { tabindex: '-1' }, title),
    h('p', { class: 'detail' }, detail),
    canRetry && h('p', {}, h('button', { type: 'button', class: 'opnieuw', onclick: retry }, 'Opnieuw proberen')),
    error.path && h('p', {}, 'Gevraagd: ', h('a', { href: error.path }, error.path)),
    HOME_LINK());
}

/** The box for an address no view knows. */
export function unknownAddress(segments) {
  document.title = 'Onbekend adres – Kwalificatiedossiers';
  return h('section', { id: 'fout', class: 'fout', role: 'alert', 'data-status': '' },
    h('h1', { tabindex: '-1' }, 'Dit adres kent deze pagina niet'),
    h('p', { class: 'detail' }, `Er is geen weergave voor “#/${segments.join('/')}”.`),
    HOME_LINK());
}
